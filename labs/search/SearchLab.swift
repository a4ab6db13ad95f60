import Foundation
import NNEngine
import NNFiles

/// The hyperparameter-search lab (001 and 003 decks): grid against random search, log-uniform
/// sampling, coarse to fine, cross-validation and an ensemble of the best configurations, on small
/// ReLU nets trained on the UCI digits. Computing only: nothing is printed or drawn.
///
/// A search is many independent trials, each fully determined by the seed and its index (and,
/// for stages 2 and 3, by the earlier stages' results, see `SearchPlan`), each written as one
/// file when it finishes (`TrialRecord`). So a search can be split over processes (`Shard`),
/// killed and resumed, and the figures are computed from the files alone (`merge`).
public enum SearchLab {
    /// What one `run` did.
    public struct RunSummary: Sendable {
        /// Trials trained now, and finished trials found and kept.
        public var trained: Int
        public var skipped: Int
        /// The plan after the run: complete, or waiting for other shards' trials.
        public var plan: SearchPlan
        /// How many of the trials trained now diverged (their loss became NaN or ∞).
        public var divergedNow: Int
    }

    /// Runs this shard's trials of every stage it can, writing each trial's file into `trials`
    /// as it finishes, on all cores (one BLAS thread each). Trials with a valid file are skipped.
    /// Stops after a stage whose other shards' trials are not all there yet.
    /// `progress` receives one short line per finished trial.
    /// - Throws: `LabError` for a bad configuration, missing data or an unwritable folder.
    public static func run(_ c: SearchConfiguration, shard: Shard = .whole, trials: URL, digitsFile: URL = SearchData.defaultDigitsFile,
                           progress: ((String) -> Void)? = nil) throws -> RunSummary {
        try c.validate()
        let data = try SearchData.prepare(c, digitsFile: digitsFile)
        try AtomicFile.makeDirectory(trials)
        _ = StaleTemporaries.remove(in: trials)
        var done = TrialStore.finished(in: trials, c)
        var trained = 0, skipped = 0, diverged = 0
        var plan = SearchPlan.make(c, done: done)
        for stage in 0..<TrialKind.stageCount {
            guard plan.stages.count > stage else { break }
            let mine = plan.stages[stage].filter { shard.owns($0.index) }
            let todo = mine.filter { done[$0.index]?.trial != $0 }
            skipped += mine.count - todo.count
            let lock = NSLock()
            var finished = 0
            let records = try Parallel.map(todo.count) { k -> TrialRecord in
                let spec = todo[k]
                let result = try TrialRunner.run(spec, c, data: data)
                let record = TrialRecord(search: c.identity, configuration: c, trial: spec, result: result)
                try record.write(into: trials)
                lock.lock()
                finished += 1
                progress?("stage \(stage + 1): trial \(spec.index) done (\(finished) of \(todo.count)), validation accuracy \(String(format: "%.3f", result.validationAccuracy))")
                lock.unlock()
                return record
            }
            // What is on disk is what the merge will read: the run goes on from the files.
            for record in records {
                let url = trials.appendingPathComponent(TrialRecord.fileName(search: record.search, index: record.trial.index))
                guard let back = TrialRecord.read(url), back.trial == record.trial else {
                    throw LabError("trial file \(url.path) could not be read back after writing it")
                }
                done[record.trial.index] = back
                if back.result.divergence != nil { diverged += 1 }
            }
            trained += records.count
            done.merge(TrialStore.finished(in: trials, c)) { mine, _ in mine }
            plan = SearchPlan.make(c, done: done)
        }
        return RunSummary(trained: trained, skipped: skipped, plan: plan, divergedNow: diverged)
    }

    /// Trains one trial here, on the calling thread, writing nothing (for `make bench`).
    public static func train(_ spec: TrialSpec, _ c: SearchConfiguration, data: SearchData) throws -> TrialResult {
        try TrialRunner.run(spec, c, data: data)
    }

    /// The figures' values from a search's gathered trial files.
    /// - Throws: `LabError` naming the missing trials when the search is not complete.
    public static func merge(_ gathered: TrialStore.Gathered, digitsFile: URL = SearchData.defaultDigitsFile) throws -> SearchResult {
        let c = gathered.configuration
        let plan = SearchPlan.make(c, done: gathered.records)
        guard plan.isComplete else {
            let stage = plan.stages.count
            let total = plan.stages.last!.count
            throw LabError("search \(c.identity) is incomplete: stage \(stage) of \(TrialKind.stageCount) lacks \(plan.missing.count) of its \(total) trials: "
                           + "\(TrialStore.list(plan.missing)); run lab search --shard I/N again for the shards that hold them, then merge")
        }
        let r = gathered.records
        func points(_ kind: TrialKind) -> [TrialPoint] {
            plan.trials.filter { $0.kind == kind }.map { TrialPoint(r[$0.index]!) }
        }
        let data = try SearchData.prepare(c, digitsFile: digitsFile)
        let third = plan.stages[2]
        // The cross-validated configurations in the order stage 3 lists them: best first.
        let cvOrder = third.filter { $0.kind == .crossValidation && $0.fold == 0 }.map { $0.source! }
        let crossValidation = CrossValidationStudy(
            folds: c.folds, sources: cvOrder.map { r[$0]! },
            foldRecords: cvOrder.map { s in third.filter { $0.kind == .crossValidation && $0.source == s }.map { r[$0.index]! } })
        let ensemble = TopEnsemble(members: third.filter { $0.kind == .ensemble }.map { r[$0.index]! }, sources: r,
                                   testLabels: data.split.test.labels)
        let split = data.split
        return SearchResult(
            configuration: c, identity: c.identity,
            data: "UCI digits: \(split.train.count) train, \(split.validation.count) validation, \(split.test.count) test (stratified); "
                + "cross-validation: the \(split.train.count + split.validation.count) train and validation digits in \(c.folds) stratified folds; "
                + "each part normalized with its training digits' mean image and one pixel std",
            trialCount: plan.trials.count, divergedCount: plan.trials.filter { r[$0.index]!.result.divergence != nil }.count,
            gridVersusRandom: GridVersusRandom(grid: points(.grid), random: points(.random)),
            sampling: SamplingComparison(learningRate: c.learningRate, weightDecay: c.weightDecay,
                                         logUniform: points(.logUniform), uniform: points(.uniform)),
            coarseToFine: CoarseToFine(coarseLearningRate: c.learningRate, coarseWeightDecay: c.weightDecay, region: plan.region!,
                                       coarse: points(.coarse), fine: points(.fine)),
            crossValidation: crossValidation, ensemble: ensemble, files: gathered.files)
    }
}
