import Foundation

/// Free space on a file system, to tell a full disk from other reasons a file came out short.
public enum DiskSpace {
    /// Whether the file system holding `folder` has so little space left that a write of about
    /// `bytes` plausibly ran out: less than 1 MiB, or less than twice what was written. gnuplot
    /// does not report its failed writes, so this is how its short files are explained.
    public static func isNearlyFull(_ folder: URL, after bytes: Int) -> Bool {
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { return false }
        let available = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
        return available < max(1 << 20, 2 * UInt64(max(0, bytes)))
    }
}
