import Foundation
import NNEngine
import NNFiles

extension FigureRenderer {
    /// As `render(_:)`, with the figures shared among up to `processes` gnuplot processes that
    /// run at the same time (balanced by `renderingCost`), for labs whose figures are expensive
    /// to draw (animations). Figures are moved to their destinations only when every process has
    /// succeeded and every file is complete.
    ///
    /// gnuplot works in a private folder made with `mkdtemp` beside the first destination (on the
    /// same file system, so the final step is a rename): it is given only that folder as its
    /// working directory and names the renderer makes, `figure-<i>.<ext>`, never a path.
    /// - Throws: `LabError` if gnuplot fails, a file is incomplete (naming a full disk when the
    ///   disk is full), or a destination cannot be written.
    public func render(_ jobs: [(figure: any Figure, url: URL)], processes: Int) throws {
        guard !jobs.isEmpty else { return }
        for job in jobs { try AtomicFile.makeDirectory(job.url.deletingLastPathComponent()) }
        let workspace = try AtomicFile.makeTemporaryFolder(in: jobs[0].url.deletingLastPathComponent(), named: "gnuplot",
                                                           reportingAs: jobs[0].url)
        defer {
            try? FileManager.default.removeItem(at: workspace)
            Interrupts.forget(workspace)
        }
        var names: [String] = []
        var commands: [String] = []
        for (index, job) in jobs.enumerated() {
            let prefix = "f\(index)_"
            let name = "figure-\(index).\(Self.safeExtension(job.url))"
            names.append(name)
            for (input, bytes) in job.figure.inputFiles(prefix: prefix) {
                try AtomicFile.writeNew(bytes, to: workspace.appendingPathComponent(input), reportingAs: job.url)
            }
            let figureSize = size ?? job.figure.defaultSize
            commands.append(Theme.$current.withValue(theme) {
                FigureSize.$current.withValue(figureSize) {
                    var script = Theme.preamble
                    script += (job.figure.terminalOverride(size: figureSize) ?? format.terminal(size: figureSize, theme: theme)) + "\n"
                    script += "set output \(Gnuplot.quoted(name))\n"
                    script += job.figure.gnuplotCommands(prefix: prefix)
                    return script + "unset output\n"
                }
            })
        }
        let groups = Self.balance(jobs.map(\.figure.renderingCost), into: max(1, processes))
        try Gnuplot.runConcurrently(scripts: groups.map { $0.map { commands[$0] }.joined() }, in: workspace)
        for (name, job) in zip(names, jobs) {
            try Self.verify(workspace.appendingPathComponent(name), shownAs: job.url)
        }
        for (name, job) in zip(names, jobs) {
            try AtomicFile.commit(workspace.appendingPathComponent(name), to: job.url)
        }
    }

    /// Throws unless gnuplot's file at `file` is a complete figure; a file cut short on a
    /// nearly full disk is reported as a full disk, since gnuplot itself says nothing.
    static func verify(_ file: URL, shownAs destination: URL) throws {
        guard let problem = FigureIntegrity.problem(with: file) else { return }
        let written = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)??.intValue ?? 0
        if DiskSpace.isNearlyFull(file.deletingLastPathComponent(), after: written) {
            throw LabError("no space left on device writing \(destination.path) (gnuplot's file is incomplete: \(problem))")
        }
        throw LabError("gnuplot wrote an incomplete \(destination.lastPathComponent): \(problem)")
    }

    /// The destination's extension if it is plain letters and digits (it always is: a format's
    /// or an animation's), else `out`: it is the one part of a destination gnuplot sees.
    static func safeExtension(_ url: URL) -> String {
        let ext = url.pathExtension
        return !ext.isEmpty && ext.unicodeScalars.allSatisfy { $0.isASCII && CharacterSet.alphanumerics.contains($0) } ? ext : "out"
    }

    /// Job indices in at most `count` non-empty groups of similar total cost: the longest-
    /// processing-time rule (each job, costliest first, joins the cheapest group so far), with
    /// each group's jobs kept in their original order.
    static func balance(_ costs: [Double], into count: Int) -> [[Int]] {
        var groups = Array(repeating: [Int](), count: min(count, costs.count))
        var totals = Array(repeating: 0.0, count: groups.count)
        for index in costs.indices.sorted(by: { costs[$0] > costs[$1] || (costs[$0] == costs[$1] && $0 < $1) }) {
            let cheapest = totals.indices.min { totals[$0] < totals[$1] }!
            groups[cheapest].append(index)
            totals[cheapest] += costs[index]
        }
        return groups.map { $0.sorted() }
    }
}
