import Foundation
import NNEngine
import XCTest

/// `InputFile.read`: regular files within a size limit, and one clear line for everything else.
final class InputFileTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-inputfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func message(_ body: () throws -> Data) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    func testReadsARegularFileWhole() throws {
        let file = try folder().appendingPathComponent("a.txt")
        let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
        try bytes.write(to: file)
        XCTAssertEqual(try InputFile.read(file, what: "data file", limit: 200_000), bytes)
    }

    func testRefusesAFileOverTheLimit() throws {
        let file = try folder().appendingPathComponent("big.txt")
        try Data(repeating: 1, count: 2049).write(to: file)
        XCTAssertEqual(message { try InputFile.read(file, what: "roster", limit: 2048) },
                       "roster \(file.path) is 2 KiB; the limit is 2 KiB")
    }

    func testRefusesDevicesFIFOsAndFolders() throws {
        let dir = try folder()
        XCTAssertEqual(message { try InputFile.read(URL(fileURLWithPath: "/dev/zero"), what: "data file", limit: 1 << 20) },
                       "data file /dev/zero is not a regular file (a character device); give a file")
        let fifo = dir.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        // Opening with O_NONBLOCK returns at once although nobody writes to the FIFO.
        XCTAssertEqual(message { try InputFile.read(fifo, what: "image", limit: 1 << 20) },
                       "image \(fifo.path) is not a regular file (a FIFO); give a file")
        XCTAssertEqual(message { try InputFile.read(dir, what: "image", limit: 1 << 20) },
                       "image \(dir.path) is a folder, not a file")
        XCTAssertEqual(message { try InputFile.read(dir.appendingPathComponent("none"), what: "image", limit: 10) },
                       "image \(dir.path)/none does not exist")
    }

    func testFollowsOrRefusesSymbolicLinks() throws {
        let dir = try folder()
        let target = dir.appendingPathComponent("target.json")
        try Data("{}".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        XCTAssertEqual(try InputFile.read(link, what: "image", limit: 10), Data("{}".utf8))
        XCTAssertEqual(message { try InputFile.read(link, what: "submission", limit: 10, links: .refuse) },
                       "submission \(link.path) is a symbolic link; only regular files are read")
    }

    func testFormatsSizes() {
        XCTAssertEqual(InputFile.formatBytes(512), "512 bytes")
        XCTAssertEqual(InputFile.formatBytes(1536), "1.5 KiB")
        XCTAssertEqual(InputFile.formatBytes(16 << 20), "16 MiB")
        XCTAssertEqual(InputFile.formatBytes(4 << 30), "4 GiB")
    }
}
