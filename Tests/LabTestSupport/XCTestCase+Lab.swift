import Foundation
import XCTest

extension XCTestCase {
    /// A new, empty folder under the system's temporary directory, named `nnlab-<label>-<uuid>`,
    /// removed when the test ends.
    public func makeTemporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Fails the test, and stops it, unless the built `lab` is there: `swift test` builds it as a
    /// dependency of every end-to-end test target, so its absence is a failure, not a skip.
    public func requireLabBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: LabBinary.url.path) else {
            XCTFail("lab binary not built at \(LabBinary.url.path)")
            throw XCTSkip("no lab binary")
        }
    }
}
