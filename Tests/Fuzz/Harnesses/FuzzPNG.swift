import Foundation
import NNFiles
import NNRender

/// libFuzzer entry point: the PNG reader (libpng's simplified API behind `PNGImage`) on arbitrary
/// bytes. A corrupt file must give a thrown error, never a crash or an unbounded allocation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? PNGImage(pngData: data, name: "fuzz")
    return 0
}
