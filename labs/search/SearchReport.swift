import Foundation
import NNEngine
import NNFiles
import NNRender

/// Turns a `SearchResult` into five figures, each with a JSON of the numbers it plots, the
/// search's configuration, identity and seed, and a gallery caption:
/// `grid-vs-random`, `sampling`, `coarse-to-fine`, `cross-validation`, `ensemble`; and puts the
/// search's trial files beside them, in `trials/`.
public enum SearchReport {
    /// A figure's JSON: `CaptionedFigureDocument`'s keys plus the search's identity, trial counts,
    /// data and net, so it keeps its own shape; the caption is the shared `GalleryCaption`.
    struct Document<Body: Encodable>: Encodable {
        var figure: String
        var caption: GalleryCaption
        var seed: UInt64
        var search: String
        var trials: Int
        var divergedTrials: Int
        var data: String
        var net: String
        var parameters: SearchConfiguration
        var results: Body
    }

    /// The lecture's claims, one per figure.
    static let lecturePoints = [
        "grid-vs-random": "random search beats grid search when only some hyperparameters matter: a grid tries few values of the important one (Bergstra & Bengio 2012)",
        "sampling": "search learning rate and weight decay on a log scale: sample log-uniformly, e.g. 10^uniform(-6, 1)",
        "coarse-to-fine": "coarse to fine: a few epochs over wide ranges first, then narrow around the best; if the best value is at the edge of the range, widen it",
        "cross-validation": "cross-validation averages over folds; with one validation split, a difference smaller than the fold-to-fold spread can be chance",
        "ensemble": "ensembles average out errors: E[(1/k Σ εᵢ)²] = v/k + (k−1)/k · c, so k models gain as far as their errors are not shared (c)",
    ]

    /// Writes every figure (one gnuplot process), its JSON and the trial files into `folder`.
    @discardableResult
    public static func write(_ result: SearchResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let f = SearchFindings(result: result)
        let figures = SearchFigures(result: result, findings: f)
        let heatTitle = "Coarse to fine: validation accuracy over learning rate × weight decay\n"
            + "coarse best \(SearchFindings.percent(result.coarseToFine.coarseBest.validationAccuracy)), "
            + "fine best \(SearchFindings.percent(result.coarseToFine.fineBest.validationAccuracy))\n"
            + (result.coarseToFine.edgeWarnings.isEmpty ? "the best coarse trial is inside the range" : "⚠ " + result.coarseToFine.edgeWarnings
                .map { $0.replacingOccurrences(of: ": widen", with: ":\nwiden") }  // one line was wider than the figure
                .joined(separator: "\n⚠ "))
        let jobs: [(name: String, figure: any Figure)] = [
            ("grid-vs-random", figures.gridVersusRandom), ("sampling", figures.sampling),
            ("coarse-to-fine", SearchHeatMap(study: result.coarseToFine, title: heatTitle)),
            ("cross-validation", figures.crossValidation), ("ensemble", figures.ensemble),
        ]
        let urls = jobs.map { renderer.url(for: $0.name, in: folder) }
        try renderer.render(zip(jobs, urls).map { ($0.figure, $1) })
        let net = "64-" + c.hidden.map(String.init).joined(separator: "-") + "-10 ReLU MLP, SGD with momentum \(c.momentum), "
            + "\(c.epochs) epochs of minibatches of \(c.batchSize), L2 weight decay λ; the kept model is the epoch with the best validation accuracy"
        func json<T: Encodable>(_ rank: Int, _ name: String, _ figure: String, _ finding: String, _ numbers: [SearchFindings.Number], _ body: T) throws {
            let caption = GalleryCaption(lecturePoint: lecturePoints[name]!, deck: name == "ensemble" ? "003" : "001", finding: finding, numbers: numbers, rank: rank)
            try JSONOutput.write(Document(figure: figure, caption: caption, seed: c.seed, search: result.identity, trials: result.trialCount,
                                          divergedTrials: result.divergedCount, data: result.data, net: net, parameters: c, results: body),
                                 to: folder.appendingPathComponent("\(name).json"), figure: renderer.url(for: name, in: folder))
        }
        try json(0, "grid-vs-random", "grid against random search over learning rate × an unimportant weight decay", f.gridVersusRandom,
                 f.gridVersusRandomNumbers, result.gridVersusRandom)
        try json(1, "sampling", "log-uniform against uniform samples of learning rate and weight decay", f.sampling, f.samplingNumbers, result.sampling)
        try json(2, "coarse-to-fine", "coarse-to-fine search on a heat map of validation accuracy", f.coarseToFine, f.coarseToFineNumbers,
                 result.coarseToFine)
        try json(3, "cross-validation", "k-fold cross-validation of the best configurations against one validation split", f.crossValidation,
                 f.crossValidationNumbers, result.crossValidation)
        try json(4, "ensemble", "an ensemble of the top configurations against the best single one", f.ensemble, f.ensembleNumbers, result.ensemble)
        try copyTrials(result.files, into: TrialStore.trialsFolder(in: folder))
        return urls
    }

    /// Puts the trial files into `folder`: hard links where the file system allows (the same
    /// inode, so a resumed search's finished trials stay exactly the files they were), copies
    /// otherwise.
    static func copyTrials(_ files: [Int: URL], into folder: URL) throws {
        try AtomicFile.makeDirectory(folder)
        for index in files.keys.sorted() {
            let source = files[index]!
            let target = folder.appendingPathComponent(source.lastPathComponent)
            if link(source.path, target.path) == 0 { continue }
            // Copied through `AtomicFile`, whose full-disk error is the standard one line.
            try AtomicFile.copy(source, to: target)
        }
    }

    /// The findings, one per figure, for the terminal.
    public static func summary(_ result: SearchResult) -> String {
        let f = SearchFindings(result: result)
        return [("1 grid vs random", f.gridVersusRandom), ("2 sampling", f.sampling), ("3 coarse to fine", f.coarseToFine),
                ("4 cross-validation", f.crossValidation), ("5 ensemble", f.ensemble)]
            .map { "figure \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
