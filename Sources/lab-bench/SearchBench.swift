import Foundation
import NNEngine
import SearchLab

/// `make bench` section "search": trials per second of the search's default net (64-32-10 ReLU,
/// SGD with momentum, 20 epochs of 32-digit minibatches on 1077 digits, both sets evaluated every
/// epoch), one core, against the same loop in numpy (`numpy_search.py`), as a ratio; and the whole
/// default `lab search` (stage 1 to 3 on all cores, plus the figures) against its 60 s budget.
func searchBench() {
    let c = SearchConfiguration()
    guard let data = try? SearchData.prepare(c) else {
        row("search trials", "skipped", "digits file not found at \(SearchData.defaultDigitsFile.path)")
        return
    }
    let trials = TrialPlan.stage1(c).filter { $0.kind == .coarse }
    let seconds = (try? BLASThreads.singleThreaded {
        try median(3) { for spec in trials { _ = try SearchLab.train(spec, c, data: data) } }
    }) ?? .nan
    let rate = Double(trials.count) / seconds
    row("search trial (64-32-10, 20 epochs), 1 core", String(format: "%.1f trials/s", rate),
        String(format: "%d coarse trials, %.0f ms each", trials.count, 1e3 * seconds / Double(trials.count)))
    if let numpy = referenceNumber("numpy_search.py", [SearchData.defaultDigitsFile.path, String(trials.count)],
                                   environment: ["OPENBLAS_NUM_THREADS": "1"]) {
        row("  numpy + OpenBLAS, same net and loop, 1 core", String(format: "%.1f trials/s", numpy),
            String(format: "ratio NNLab/numpy = %.2f (goal ≥ 1)", rate / numpy))
    } else {
        row("  numpy + OpenBLAS, same net and loop", "unavailable", "python3 with numpy not found")
    }
    // A fresh folder for each of the 3 runs: into one folder, the second run would resume the
    // first and train nothing.
    let walls = (0..<3).compactMap { k in timeCommand(lab, ["search", "--out", scratch.appendingPathComponent("search-\(k)").path]) }.sorted()
    if !walls.isEmpty {
        let wall = walls[walls.count / 2]
        let total = TrialPlan.stage1(c).count + c.fine + c.crossValidated * c.folds + c.ensemble
        row("lab search, whole default run (with rendering)", String(format: "%.1f s", wall),
            String(format: "%d trials, %.1f trials/s on %d cores; %.2f of the 60 s budget", total, Double(total) / wall,
                   ProcessInfo.processInfo.activeProcessorCount, wall / 60))
    } else {
        row("lab search, whole run", "failed", "is gnuplot installed? run make figures")
    }
}
