import Foundation

/// Runs the built `lab` binary and collects its exit status and output: the one helper every
/// end-to-end test shares.
public enum LabBinary {
    /// The folder SwiftPM builds products into: on Linux the test runner lives there itself.
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("no .xctest bundle found")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    /// The built `lab`.
    public static var url: URL { productsDirectory.appendingPathComponent("lab") }

    /// What one run printed and how it ended.
    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// Runs `lab arguments` with `environment` (default: this process's) in `directory` (default:
    /// this process's), reading both pipes to the end before waiting, so a chatty child never
    /// blocks on a full pipe.
    public static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> Run {
        try run(url, arguments, environment: environment, in: directory)
    }

    /// `run(arguments)` pinned to the first core by `taskset -c 0`, where every pool (ours and
    /// OpenBLAS's) sees one core; nil where taskset is missing. Runs on one core must give what
    /// runs on all give.
    public static func runOnOneCore(_ arguments: [String]) throws -> Run? {
        let taskset = URL(fileURLWithPath: "/usr/bin/taskset")
        guard FileManager.default.isExecutableFile(atPath: taskset.path) else { return nil }
        return try run(taskset, ["-c", "0", url.path] + arguments)
    }

    private static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let box = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { box.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: box.data, as: UTF8.self))
    }
}

/// stderr, filled by the draining thread and read after the group says it is done.
private final class Box: @unchecked Sendable {
    var data = Data()
}
