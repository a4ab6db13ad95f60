import Foundation
import NNEngine

extension FigureRenderer {
    /// As `render(_:)`, with the figures shared among up to `processes` gnuplot processes that
    /// run at the same time (balanced by `renderingCost`), for labs whose figures are expensive
    /// to draw (animations). Figures are committed only when every process has succeeded.
    public func render(_ jobs: [(figure: any Figure, url: URL)], processes: Int) throws {
        guard !jobs.isEmpty else { return }
        var temporaries: [URL] = []
        var commands: [String] = []
        for (index, job) in jobs.enumerated() {
            try AtomicFile.makeDirectory(job.url.deletingLastPathComponent())
            let temporary = AtomicFile.temporaryURL(for: job.url)
            temporaries.append(temporary)
            var script = Theme.preamble
            let figureSize = size ?? job.figure.defaultSize
            script += (job.figure.terminalOverride(size: figureSize) ?? format.terminal(size: figureSize)) + "\n"
            script += "set output \(Gnuplot.quoted(temporary.path))\n"
            script += job.figure.gnuplotCommands(prefix: "f\(index)_")
            script += "unset output\n"
            commands.append(script)
        }
        do {
            let groups = Self.balance(jobs.map(\.figure.renderingCost), into: max(1, processes))
            try Gnuplot.runConcurrently(scripts: groups.map { $0.map { commands[$0] }.joined() })
            for (temporary, job) in zip(temporaries, jobs) {
                let attributes = try? FileManager.default.attributesOfItem(atPath: temporary.path)
                guard let bytes = attributes?[.size] as? NSNumber, bytes.intValue > 0 else {
                    throw LabError("gnuplot produced no output for \(job.url.lastPathComponent)")
                }
                try AtomicFile.commit(temporary, to: job.url)
            }
        } catch {
            for temporary in temporaries { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
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
