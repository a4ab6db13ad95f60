import Grading

/// libFuzzer entry point: the roster CSV reader on arbitrary text (bytes decoded as UTF-8, with
/// invalid sequences replaced, as a file read from disk would be).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? Roster(text: text)
    return 0
}
