import Foundation
import LabTestSupport
import XCTest

/// A search killed midway resumes: the finished trials' files are kept as they are (same inode,
/// same modification time), the others are trained, and the result is the uninterrupted run's.
final class SearchResumeTests: XCTestCase {
    func testKilledSearchResumesWithoutRedoingFinishedTrials() throws {
        try requireLabBinary()
        let root = try makeTemporaryFolder("search-resume")
        let killed = root.appendingPathComponent("killed"), whole = root.appendingPathComponent("whole")
        let arguments = ["search", "--out", killed.path] + SearchFolders.tinySearch(epochs: 6)
        let trials = killed.appendingPathComponent("search/trials")

        let process = Process()
        process.executableURL = LabBinary.url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once a few trials are written and well before all 23 are.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, SearchFolders.identities(trials).count < 3, Date() < deadline { usleep(5_000) }
        XCTAssert(process.isRunning, "the search finished before it could be killed; make it longer")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let finished = SearchFolders.identities(trials)
        XCTAssertGreaterThanOrEqual(finished.count, 3)
        XCTAssertLessThan(finished.count, 23)

        let resumed = try LabBinary.run(arguments)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssert(resumed.stdout.contains("kept \(finished.count) finished ones"), resumed.stdout)
        let after = SearchFolders.identities(trials)
        XCTAssertEqual(after.count, 23)
        for (name, identity) in finished {
            XCTAssertEqual(after[name], identity, "\(name) was written again")
        }

        let uninterrupted = try LabBinary.run(["search", "--out", whole.path] + SearchFolders.tinySearch(epochs: 6))
        XCTAssertEqual(uninterrupted.status, 0, uninterrupted.stderr)
        SearchFolders.assertIdentical(killed.appendingPathComponent("search"), whole.appendingPathComponent("search"))

        // A trial file cut short is not a finished trial: the next run trains it again.
        let victim = try XCTUnwrap(after.keys.sorted().last)
        let url = trials.appendingPathComponent(victim)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        let repaired = try LabBinary.run(arguments)
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        XCTAssert(repaired.stdout.contains("trained 1 trials, kept 22 finished ones"), repaired.stdout)
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }
}
