import Foundation
import NNEngine
import XCTest

/// `GzipFile`: read through `InputFile`, inflated from memory with a limit on the output.
final class GzipFileTests: XCTestCase {
    private func makeTemporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// `text` compressed by the system's gzip.
    func gzip(_ text: Data, in folder: URL, name: String) throws -> URL {
        let plain = folder.appendingPathComponent(name + ".raw")
        try text.write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(plain.path)' > '\(plain.path).gz'"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return URL(fileURLWithPath: plain.path + ".gz")
    }

    func testGzipAndPlainFilesReadTheSame() throws {
        let folder = try makeTemporaryFolder("gzip")
        let text = Data((0..<5000).map { "\($0),1,2\n" }.joined().utf8)
        let compressed = try gzip(text, in: folder, name: "rows")
        XCTAssertEqual(try GzipFile.read(compressed), text)
        XCTAssertEqual(try GzipFile.read(folder.appendingPathComponent("rows.raw")), text, "a plain file is returned as is")
        // Two members one after the other decompress to both, as gunzip does.
        let twice = folder.appendingPathComponent("twice.gz")
        try (try Data(contentsOf: compressed) + Data(contentsOf: compressed)).write(to: twice)
        XCTAssertEqual(try GzipFile.read(twice), text + text)
    }

    func testABombStopsAtTheDecompressedLimit() throws {
        let folder = try makeTemporaryFolder("gzip")
        let bomb = try gzip(Data(count: 4 << 20), in: folder, name: "zeros")
        XCTAssertLessThan(try Data(contentsOf: bomb).count, 10_000)
        XCTAssertThrowsError(try GzipFile.read(bomb, decompressedLimit: 1 << 20)) {
            XCTAssert(($0 as? LabError)?.message.contains("decompresses to more than 1 MiB, the limit") == true, "\($0)")
        }
        XCTAssertEqual(try GzipFile.read(bomb, decompressedLimit: 4 << 20).count, 4 << 20, "exactly at the limit is fine")
    }

    func testTruncatedAndCorruptStreamsAreRefused() throws {
        let folder = try makeTemporaryFolder("gzip")
        let whole = try Data(contentsOf: try gzip(Data((0..<5000).map { "\($0)\n" }.joined().utf8), in: folder, name: "rows"))
        let truncated = folder.appendingPathComponent("truncated.gz")
        try whole.prefix(whole.count / 2).write(to: truncated)
        XCTAssertThrowsError(try GzipFile.read(truncated)) {
            XCTAssert(($0 as? LabError)?.message.contains("ends early") == true, "\($0)")
        }
        var corrupt = whole
        corrupt[20] ^= 0xFF
        corrupt[21] ^= 0xFF
        let bad = folder.appendingPathComponent("corrupt.gz")
        try corrupt.write(to: bad)
        XCTAssertThrowsError(try GzipFile.read(bad)) {
            XCTAssert(($0 as? LabError)?.message.contains("not valid gzip") == true, "\($0)")
        }
    }
}
