import Foundation
import NNEngine

/// Runs gnuplot as a child process and feeds it a script over a pipe, the way the
/// gnuplot-iostream C++ header does, without linking anything.
///
/// gnuplot writes warnings to stderr even when it succeeds, so stderr is collected, not treated
/// as failure: only the exit status decides. On failure the last line of stderr is reported.
public enum Gnuplot {
    /// What to install when gnuplot is missing.
    public static let installHint = "install it with `apt-get install gnuplot-nox`, or run `make figures`, which installs it"

    /// The gnuplot executable: `$NNLAB_GNUPLOT` if set, else the first `gnuplot` on `$PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let explicit = environment["NNLAB_GNUPLOT"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw LabError("NNLAB_GNUPLOT=\(explicit) is not an executable file: \(installHint)")
            }
            return URL(fileURLWithPath: explicit)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw LabError("gnuplot not found on PATH: \(installHint)")
    }

    /// Runs `script` in one gnuplot process and waits for it.
    /// - Throws: `LabError` if gnuplot is missing or exits non-zero.
    public static func run(script: String) throws {
        let process = Process()
        process.executableURL = try locate()
        // `load '/dev/stdin'` reads the script through buffered stdio; gnuplot reads its own stdin
        // a character at a time, which made a script with large datablocks 5× slower, with most of
        // the time spent in system calls (150 figures of 6400-point grids: 32 s against 6 s).
        process.arguments = ["-e", "load '/dev/stdin'"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw LabError("cannot start gnuplot (\(error.localizedDescription)): \(installHint)")
        }
        // Drain stderr on another thread: a script with many warnings would otherwise fill the
        // pipe and block gnuplot while we block writing its stdin.
        let stderrText = StderrCollector()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderrText.data = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        // gnuplot exits at end of input; a write error here means it died early, which the exit
        // status below reports.
        try? input.fileHandleForWriting.write(contentsOf: Data(script.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        drained.wait()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: stderrText.data, as: UTF8.self)
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "^" }
            throw LabError("gnuplot failed (exit \(process.terminationStatus)): \(lines.last ?? "no message")")
        }
    }

    /// A gnuplot string literal: double-quoted, with `\` and `"` escaped and newlines as `\n`.
    public static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    /// An inline datablock `$name << EOD … EOD`, one row per line, numbers in shortest
    /// round-trip form (non-finite values become gnuplot's `NaN`, which it skips).
    public static func datablock(_ name: String, rows: [[Double]]) -> String {
        var text = "$\(name) << EOD\n"
        for row in rows {
            text += row.map { $0.isFinite ? String($0) : "NaN" }.joined(separator: " ") + "\n"
        }
        return text + "EOD\n"
    }
}

/// gnuplot's stderr, filled by the draining thread and read after the semaphore says it is done.
private final class StderrCollector: @unchecked Sendable {
    var data = Data()
}
