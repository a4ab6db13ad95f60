import Foundation
import LabTestSupport
import NNEngine
import XCTest

/// Runs killed at random moments (SIGINT and SIGKILL) leave whole sets, old or new: every figure
/// decodes, no set mixes two runs, and after the next run no temporary is left anywhere.
final class InterruptTests: XCTestCase {
    /// A lab run in the background, its stderr collected.
    final class Background {
        let process = Process()
        let errors = Pipe()
        init(_ arguments: [String]) throws {
            process.executableURL = LabBinary.url
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        }
        /// Waits for the end; returns the exit status and stderr.
        func wait() -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, process.terminationReason, text)
        }
    }

    func testKilledRunsLeaveWholeSetsAndTheNextRunLeavesNoTemporaries() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("interrupt")
        let out = root.appendingPathComponent("out")
        var generator = RandomStream(seed: 12)
        for (lab, arguments) in LabSet.smallRuns.filter({ ["init-study", "optimizers", "augment", "losses"].contains($0.lab) }) {
            let set = LabSet(folder: out.appendingPathComponent(lab))
            // One whole run to interrupt later ones over, and to learn how long a run takes.
            let start = Date()
            XCTAssertEqual(try LabBinary.run(arguments + ["--out", out.path, "--seed", "0"]).status, 0)
            let duration = Date().timeIntervalSince(start)
            var lastWhole = "0"
            for attempt in 1...6 {
                let signal = attempt % 2 == 0 ? SIGKILL : SIGINT
                let run = try Background(arguments + ["--out", out.path, "--seed", "\(attempt)"])
                usleep(UInt32(Double.random(in: 0...(duration * 1.2), using: &generator) * 1e6))
                kill(run.process.processIdentifier, signal)
                let end = run.wait()
                let label = "\(lab) attempt \(attempt), signal \(signal)"
                XCTAssertEqual(set.problems(), [], label)
                // The set is the last whole run's, or this one's if it was killed after moving it in.
                XCTAssertTrue([lastWhole, "\(attempt)"].contains(set.seed ?? ""), "\(label): seed \(set.seed ?? "none")")
                lastWhole = set.seed ?? lastWhole
                if end.reason == .uncaughtSignal, signal == SIGINT {
                    // Only its own: a signal that comes before the run has removed what the
                    // SIGKILLed run before it left finds that still there, for the next run.
                    XCTAssertEqual(LabSet.temporaries(under: root, madeBy: run.process.processIdentifier), [],
                                   "\(label): SIGINT left temporaries")
                    XCTAssertEqual(end.stderr, "", label)
                }
                XCTAssertEqual(gnuplotsWorking(under: root), [], "\(label): gnuplot outlived the lab")
            }
            // The next whole run removes what the killed ones left.
            let next = try LabBinary.run(arguments + ["--out", out.path, "--seed", "99"])
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(set.problems(), [], lab)
            XCTAssertEqual(set.seed, "99", lab)
            XCTAssertEqual(LabSet.temporaries(under: root), [], "\(lab): stale temporaries after the next run")
        }
    }

    func testKilledBatchLeavesNoStagingFolder() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("interrupt-batch")
        let cat = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("labs/data/chelsea.png")
        let arguments = ["augment", "--pipeline", "flip,crop:200,jitter:0.4", "--image", cat.path, "--count", "400", "--out", root.path]
        for signal in [SIGINT, SIGTERM, SIGKILL] {
            let run = try Background(arguments)
            // Wait until the staging folder exists, so that the signal lands mid-batch.
            while LabSet.temporaries(under: root).isEmpty, run.process.isRunning { usleep(10_000) }
            kill(run.process.processIdentifier, signal)
            _ = run.wait()
            if signal != SIGKILL {
                XCTAssertEqual(LabSet.temporaries(under: root), [], "signal \(signal) left a staging folder")
            }
        }
        XCTAssertEqual(try LabBinary.run(arguments.map { $0 == "400" ? "3" : $0 }).status, 0)
        XCTAssertEqual(LabSet.temporaries(under: root), [], "the next run did not remove the killed run's staging folder")
    }

    /// Processes whose working directory is under `root` (gnuplot works in a private folder
    /// there), waiting briefly for killed ones to go.
    func gnuplotsWorking(under root: URL) -> [String] {
        var found: [String] = []
        for _ in 0..<200 {
            let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            found = processes.filter { Int($0) != nil }.compactMap { pid in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")).flatMap { $0.hasPrefix(root.path) ? pid : nil }
            }
            if found.isEmpty { break }
            usleep(10_000)
        }
        return found
    }
}
