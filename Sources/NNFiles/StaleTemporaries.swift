import Foundation

/// Temporary files and folders that carry the PID of the process that made them, so that a run
/// can tell those of a process that died (SIGKILL, power loss) from those of one still running,
/// and remove the former.
///
/// The names, all hidden:
/// - `.NAME.PID.tmp`: a file being written (`AtomicFile`);
/// - `.NAME.staging-PID-XXXXXX`: a set being written, to be moved in together (`OutputFolder`);
/// - `.NAME.trash-PID-XXXXXX`: the set it replaced, being removed;
/// - `.gnuplot-PID-XXXXXX`: gnuplot's private working folder (`FigureRenderer`).
public enum StaleTemporaries {
    /// The PID in a temporary name, or `nil` if `name` is not one of ours.
    public static func owner(ofTemporaryNamed name: String) -> pid_t? {
        guard name.hasPrefix(".") else { return nil }
        if name.hasSuffix(".tmp") {
            // `.NAME.PID.tmp`
            let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            return parts.count >= 3 ? pid_t(parts[parts.count - 1]) : nil
        }
        // The staging folder of batch augmentation before it carried a random suffix.
        if name.hasPrefix(".augment-staging-") { return pid_t(name.dropFirst(".augment-staging-".count)) }
        for marker in [".staging-", ".trash-", ".gnuplot-"] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            // `…marker PID-XXXXXX`
            let rest = name[range.upperBound...].split(separator: "-", maxSplits: 1)
            if rest.count == 2, rest[1].count == 6, let pid = pid_t(rest[0]) { return pid }
        }
        return nil
    }

    /// Whether process `pid` is alive (or exists but belongs to another user).
    public static func isAlive(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Removes, from `folder`, every temporary of ours whose process is no longer alive; returns
    /// the names removed. Staging folders a dead run had finished (`OutputFolder.completeMarker`)
    /// are first moved into place (`rollForward`), so that a set killed while being moved in is
    /// completed rather than left half old, half new.
    @discardableResult
    public static func remove(in folder: URL, rollForward: ((URL) -> Void)? = nil) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = owner(ofTemporaryNamed: name), pid != getpid(), !isAlive(pid) else { continue }
            let url = folder.appendingPathComponent(name)
            rollForward?(url)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed
    }
}
