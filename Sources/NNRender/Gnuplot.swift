import Foundation
import NNEngine
import NNFiles

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

    /// Runs `script` in one gnuplot process and waits for it, with `folder` (if given) as its
    /// working directory: figures name their files relative to it, so that no path a user chose
    /// ever appears in a script (see `quoted(_:)`).
    ///
    /// The script goes over a pipe, but gnuplot is told to `load` it from `/dev/stdin` rather
    /// than reading it as interactive input: its interactive reader makes one `read` system call
    /// per byte, which made a 7.8 MB script of datablocks take 6.8 s instead of 1.0 s.
    /// - Throws: `LabError` if gnuplot is missing or exits non-zero.
    public static func run(script: String, in folder: URL? = nil) throws {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = ["/dev/stdin"]
        if let folder { process.currentDirectoryURL = folder }
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        // Registered with `Interrupts`, so that Ctrl-C kills gnuplot too (it runs in its own
        // process group, out of reach of the terminal's signal).
        do { try Interrupts.start(process) } catch let error as LabError { throw error } catch {
            throw LabError("cannot start gnuplot (\(error.localizedDescription)): \(installHint)")
        }
        defer { Interrupts.finished(process) }
        // Drain stderr on another thread: a script with many warnings would otherwise fill the
        // pipe and block gnuplot while we block writing its stdin.
        let stderrText = StderrCollector()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderrText.data = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        // gnuplot exits at the end of its input; a write error here means it died early, which
        // the exit status below reports. SIGPIPE is ignored so that such a write fails with EPIPE
        // instead of killing the lab.
        signal(SIGPIPE, SIG_IGN)
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

    /// A gnuplot string expression for `text`, safe for any text a user or a lab supplies.
    ///
    /// gnuplot runs the shell command inside backquotes anywhere on a command line "except inside
    /// strings delimited by single quotes" (its manual, "Substitution of system commands"), and a
    /// single-quoted string has no backslash escapes either. `@macros` are not expanded inside
    /// quotes of either kind. So text goes in single quotes, and what single quotes cannot hold
    /// is joined on with gnuplot's string concatenation, `.`, as a double-quoted constant:
    /// a newline as `"\n"` and a quote as `"'"` (the manual's doubled `''` is misread by gnuplot
    /// 5.4 at the start of a string and when repeated). `set title`, `set label`, `title` and the
    /// others all accept such an expression. Other control characters (a carriage return would
    /// end the command) become spaces.
    public static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "'", omittingEmptySubsequences: false).map { piece in
                var quoted = "'"
                for scalar in piece.unicodeScalars {
                    let control = scalar.properties.generalCategory == .control && scalar != "\t"
                    quoted.unicodeScalars.append(control ? " " : scalar)
                }
                return quoted + "'"
            }.joined(separator: ".\"'\".")
        }.joined(separator: ".\"\\n\".")
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
