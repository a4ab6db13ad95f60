import Foundation
import SearchLab

/// What a shard run says when it stops: done, or waiting for the other shards of a stage.
enum SearchStatus {
    static func line(_ summary: SearchLab.RunSummary, search: String, shard: Shard, trials: URL) -> String {
        let plan = summary.plan
        let head = "search \(search), shard \(shard): trained \(summary.trained) trials, kept \(summary.skipped) finished ones"
        if plan.isComplete {
            return head + "; every stage is complete: lab search merge \(trials.deletingLastPathComponent().deletingLastPathComponent().path)"
        }
        return head + "; stage \(plan.stages.count) of 3 waits for \(plan.missing.count) trials of other shards: "
            + "run every shard again once they have finished (finished trials are skipped)"
    }
}
