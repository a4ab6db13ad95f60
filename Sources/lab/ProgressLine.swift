import Foundation

/// A one-line progress display on stderr, redrawn in place, shown only when stderr is a terminal
/// (so that logs and pipes stay clean).
enum ProgressLine {
    /// A progress callback writing to stderr, or nil when stderr is not a terminal.
    static func standardError() -> ((String) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let start = Date()
        return { message in FileHandle.standardError.write(Data(text(message, elapsed: Date().timeIntervalSince(start)).utf8)) }
    }

    /// Ends the progress line, if one was drawn.
    static func finish() {
        if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// What redraws the line `elapsed` seconds in: `\r`, `ESC[K`, then `[  3.2 s] message`.
    /// `\r` returns to the line start, `ESC[K` clears what a longer previous message left, and the
    /// time has a fixed width so the message does not jump.
    static func text(_ message: String, elapsed: TimeInterval) -> String {
        "\r\u{1B}[K[\(String(format: "%5.1f s", elapsed))] \(message)"
    }
}
