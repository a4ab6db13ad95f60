import Grading

/// libFuzzer entry point: the submission JSON parser on arbitrary bytes. It may throw (a
/// malformed submission); it must never crash, hang or run out of memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubmissionJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    _ = try? JSONParser().parse(bytes)
    return 0
}
