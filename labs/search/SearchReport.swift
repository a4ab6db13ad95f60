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

    /// The figures in the order they are drawn, each with its caption (ranked in that order) and
    /// the numbers it plots.
    static func figures(_ result: SearchResult) -> [CaptionedFigure] {
        let f = SearchFindings(result: result)
        let figures = SearchFigures(result: result, findings: f)
        let heatTitle = "Coarse to fine: validation accuracy over learning rate × weight decay\n"
            + "coarse best \(SearchFindings.percent(result.coarseToFine.coarseBest.validationAccuracy)), "
            + "fine best \(SearchFindings.percent(result.coarseToFine.fineBest.validationAccuracy))\n"
            + (result.coarseToFine.edgeWarnings.isEmpty ? "the best coarse trial is inside the range" : "⚠ " + result.coarseToFine.edgeWarnings
                .map { $0.replacingOccurrences(of: ": widen", with: ":\nwiden") }  // one line was wider than the figure
                .joined(separator: "\n⚠ "))
        func entry<T: Encodable>(_ rank: Int, _ name: String, _ title: String, _ figure: any Figure, _ finding: String,
                                 _ numbers: [SearchFindings.Number], _ body: T) -> CaptionedFigure {
            let caption = GalleryCaption(lecturePoint: lecturePoints[name]!, deck: name == "ensemble" ? "003" : "001", finding: finding, numbers: numbers, rank: rank)
            return CaptionedFigure(name, title, figure, caption, body)
        }
        return [
            entry(0, "grid-vs-random", "grid against random search over learning rate × an unimportant weight decay", figures.gridVersusRandom,
                  f.gridVersusRandom, f.gridVersusRandomNumbers, result.gridVersusRandom),
            entry(1, "sampling", "log-uniform against uniform samples of learning rate and weight decay", figures.sampling, f.sampling,
                  f.samplingNumbers, result.sampling),
            entry(2, "coarse-to-fine", "coarse-to-fine search on a heat map of validation accuracy", SearchHeatMap(study: result.coarseToFine, title: heatTitle),
                  f.coarseToFine, f.coarseToFineNumbers, result.coarseToFine),
            entry(3, "cross-validation", "k-fold cross-validation of the best configurations against one validation split", figures.crossValidation,
                  f.crossValidation, f.crossValidationNumbers, result.crossValidation),
            entry(4, "ensemble", "an ensemble of the top configurations against the best single one", figures.ensemble, f.ensemble,
                  f.ensembleNumbers, result.ensemble),
        ]
    }

    /// Writes every figure (one gnuplot process), its JSON and the trial files into `folder`.
    @discardableResult
    public static func write(_ result: SearchResult, to folder: URL, renderer: FigureRenderer) throws -> [URL] {
        let c = result.configuration
        let net = "64-" + c.hidden.map(String.init).joined(separator: "-") + "-10 ReLU MLP, SGD with momentum \(c.momentum), "
            + "\(c.epochs) epochs of minibatches of \(c.batchSize), L2 weight decay λ; the kept model is the epoch with the best validation accuracy"
        let writer = CaptionedFigureWriter { figure in document(figure, result: result, net: net, results: figure.results) }
        let urls = try writer.write(figures(result), to: folder, renderer: renderer)
        try copyTrials(result.files, into: TrialStore.trialsFolder(in: folder))
        return urls
    }

    /// One figure's `Document`, its results opened as their concrete type.
    static func document<Body: Encodable>(_ figure: CaptionedFigure, result: SearchResult, net: String, results: Body) -> any Encodable {
        Document(figure: figure.title, caption: figure.caption, seed: result.configuration.seed, search: result.identity, trials: result.trialCount,
                 divergedTrials: result.divergedCount, data: result.data, net: net, parameters: result.configuration, results: results)
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
