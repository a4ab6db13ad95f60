import Foundation
import XCTest

/// A small tmpfs for full-disk tests: mounted in a temporary folder and unmounted when the test
/// ends; it skips the test where mounting is not allowed (it needs root or CAP_SYS_ADMIN).
public struct SmallDisk {
    /// Where the disk is mounted.
    public let url: URL
    /// The file `fill` writes to take up space.
    public var filler: URL { url.appendingPathComponent("filler") }

    /// Mounts a tmpfs of `size` bytes (rounded up to whole pages by the kernel) for `test`.
    public init(size: Int, for test: XCTestCase) throws {
        url = try test.makeTemporaryFolder("disk")
        let mount = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path])
        guard mount.status == 0 else {
            throw XCTSkip("cannot mount a \(size >> 10) KiB tmpfs for the full-disk test (needs root or CAP_SYS_ADMIN): \(mount.output)")
        }
        test.addTeardownBlock { [url] in _ = try? Self.run("/bin/umount", [url.path]) }
    }

    /// The size of a memory page, tmpfs's unit of allocation: a file of one byte takes one.
    public static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }

    /// Bytes free on the disk now.
    public var available: Int {
        get throws {
            var stats = statvfs()
            guard statvfs(url.path, &stats) == 0 else { throw LabTestError("statvfs \(url.path) failed: errno \(errno)") }
            return Int(stats.f_bavail) * Int(stats.f_frsize)
        }
    }

    /// Writes `filler` until about `free` bytes are left (as on a disk that is nearly full).
    public func fill(leaving free: Int) throws {
        try Data(count: max(0, try available - free)).write(to: filler)
    }

    /// Removes `filler`: the space is free again.
    public func free() throws {
        try FileManager.default.removeItem(at: filler)
    }

    /// Unmounts the disk now, rather than when the test ends (its pages are memory).
    public func unmount() {
        _ = try? Self.run("/bin/umount", [url.path])
    }

    /// Runs a system tool, returning its status and what it printed.
    public static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// A test helper's failure, with its reason.
public struct LabTestError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
