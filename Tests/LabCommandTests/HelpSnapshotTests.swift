import ArgumentParser
import Foundation
import LabTestSupport
import XCTest
@testable import lab

/// Every command's `--help`, from the built `lab`, against the text committed in `Snapshots/`
/// (`help-<command words>.txt`): a changed option, default or description shows up in review.
///
/// After a deliberate change, rewrite the snapshots with `NNLAB_UPDATE_SNAPSHOTS=1 swift test
/// --filter HelpSnapshotTests` and commit them.
final class HelpSnapshotTests: XCTestCase {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static var updating: Bool { ProcessInfo.processInfo.environment["NNLAB_UPDATE_SNAPSHOTS"] == "1" }

    /// The words of every command, `[]` for `lab` itself, walking the subcommands.
    static func commandPaths(_ command: ParsableCommand.Type = Lab.self, prefix: [String] = []) -> [[String]] {
        [prefix] + command.configuration.subcommands.flatMap { sub in
            commandPaths(sub, prefix: prefix + [sub.configuration.commandName ?? "\(sub)"])
        }
    }

    static func snapshotURL(_ path: [String]) -> URL {
        snapshots.appendingPathComponent("help-\((["lab"] + path).joined(separator: "-")).txt")
    }

    func testEveryCommandsHelpMatchesItsSnapshot() throws {
        try requireLabBinary()
        // A fixed width: help text is wrapped to the terminal's, or to $COLUMNS.
        let environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "100", "LINES": "50"]) { $1 }
        let paths = Self.commandPaths()
        XCTAssertGreaterThan(paths.count, 10)
        for path in paths {
            let run = try LabBinary.run(path + ["--help"], environment: environment)
            XCTAssertEqual(run.status, 0, "lab \(path.joined(separator: " ")) --help: \(run.stderr)")
            let url = Self.snapshotURL(path)
            if Self.updating {
                try Data(run.stdout.utf8).write(to: url)
                continue
            }
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("no snapshot \(url.lastPathComponent); write it with NNLAB_UPDATE_SNAPSHOTS=1")
                continue
            }
            if expected != run.stdout {
                XCTFail("lab \(path.joined(separator: " ")) --help differs from \(url.lastPathComponent) (- snapshot, + now; "
                        + "NNLAB_UPDATE_SNAPSHOTS=1 rewrites it):\n" + TextDiff.lines(expected: expected, actual: run.stdout))
            }
        }
        // No snapshot of a command that is gone.
        let expected = Set(paths.map { Self.snapshotURL($0).lastPathComponent })
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).filter { $0.hasSuffix(".txt") }
        for stale in Set(present).subtracting(expected).sorted() {
            if Self.updating { try FileManager.default.removeItem(at: Self.snapshots.appendingPathComponent(stale)) }
            else { XCTFail("snapshot \(stale) belongs to no command; remove it") }
        }
    }

    func testTheDiffMarksWhatChanged() {
        XCTAssertEqual(TextDiff.lines(expected: "a\nb\nc", actual: "a\nB\nc\nd"), "  a\n- b\n+ B\n  c\n+ d")
    }
}
