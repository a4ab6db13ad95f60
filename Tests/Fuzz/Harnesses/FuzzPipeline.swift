import NNImage

/// libFuzzer entry point: the augmentation pipeline parser on arbitrary text (bytes decoded as
/// UTF-8, invalid sequences replaced). It may throw, with one line; it must never trap, as
/// `noise:-1` once did building the range `0...-1`.
///
/// Only parsing is fuzzed: applying an accepted pipeline can legitimately take seconds and
/// hundreds of megabytes (`resize:8192`), which would starve the search.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let pipeline = try? Augmentation(parsingPipeline: text) {
        // Describing it walks every parsed step, as the batch's JSON does.
        _ = String(describing: pipeline)
    }
    return 0
}
