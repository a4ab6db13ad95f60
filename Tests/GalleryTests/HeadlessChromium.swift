import Foundation

/// Headless Chromium (Debian's `chromium` package), driven from the command line: a page's DOM
/// after its scripts ran, with the console messages, and screenshots.
///
/// What this Chromium (156) offers on the command line: `--dump-dom` prints the DOM once the
/// page has loaded, so an inline script that writes its findings into the DOM on `load` can be
/// read back; `--enable-logging=stderr --v=0` prints every console message on stderr as
/// `…:INFO:CONSOLE:<line>] "<message>", source: <url> (<line>)`. A failed image load is not a
/// console message there, which is why images are checked by `naturalWidth` in the page.
struct HeadlessChromium {
    let executable: URL

    /// The first of `$NNLAB_CHROMIUM`, `chromium`, `chromium-browser` found, or nil.
    static func find() -> HeadlessChromium? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["NNLAB_CHROMIUM"]].compactMap { $0 }
            + (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").flatMap { folder in
                ["chromium", "chromium-browser"].map { "\(folder)/\($0)" }
            }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
            .map { HeadlessChromium(executable: URL(fileURLWithPath: $0)) }
    }

    /// What one run printed.
    struct Output {
        var stdout: String
        var stderr: String
        /// The console messages the page logged.
        var consoleMessages: [String] { stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init) }
    }

    /// The DOM of `page` once loaded, with its console messages.
    func dumpDOM(_ page: URL, profile: URL) throws -> Output {
        try run(["--dump-dom", page.absoluteString], profile: profile)
    }

    /// A `width`×`height` screenshot of `page` into `file` (PNG).
    func screenshot(_ page: URL, to file: URL, width: Int, height: Int, profile: URL) throws -> Output {
        try run(["--hide-scrollbars", "--screenshot=\(file.path)", "--window-size=\(width),\(height)", page.absoluteString], profile: profile)
    }

    /// Runs Chromium headless on `arguments`, in its own profile folder (so that two runs at
    /// once do not hand their pages to each other), stopped after a minute.
    /// `--no-sandbox`: the sandbox cannot start as root, which is how CI runs.
    private func run(_ arguments: [String], profile: URL) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--enable-logging=stderr", "--v=0", "--user-data-dir=\(profile.path)"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let errData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

/// stderr, filled by the draining thread and read after the group says it is done.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
