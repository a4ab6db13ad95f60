import Foundation
import NNEngine
import XCTest

/// Fails unless `expression` throws a one-line `LabError` whose message contains every fragment.
public func assertLabError<T>(_ expression: @autoclosure () throws -> T, contains fragments: [String],
                              file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let error = error as? LabError else { return XCTFail("\(error) is not a LabError", file: file, line: line) }
        XCTAssertFalse(error.message.contains("\n"), "message has several lines: \(error.message)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", file: file, line: line)
        }
    }
}

/// Every entry of `folder`, hidden ones included, sorted.
public func folderContents(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

/// Whether the process can write where the permissions say it cannot (root ignores them).
public var permissionsAreEnforced: Bool { geteuid() != 0 }

/// The PID of a child that has exited and been reaped: no process has it (until it is reused).
public func exitedProcessID() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}
