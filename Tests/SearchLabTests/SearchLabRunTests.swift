import Foundation
import LabTestSupport
import NNEngine
@testable import SearchLab
import XCTest

/// The search in process: shards that together make the whole, a diverged trial read back as a
/// finished one, and the merge's checks.
final class SearchLabRunTests: XCTestCase {
    /// 8 + 8 + 4 + 4 + 3 stage-1, 2 fine, 2·2 + 2 stage-3 trials of 4-unit nets, 1 epoch on 40 digits.
    func tiny() -> SearchConfiguration {
        var c = SearchConfiguration()
        c.hidden = [4]
        c.epochs = 1
        c.trainCount = 40
        c.grid = 2
        c.samples = 2
        c.coarse = 3
        c.fine = 2
        c.folds = 2
        c.crossValidated = 2
        c.ensemble = 2
        // Learning rates up to 1e150: the top of the grid diverges.
        c.gridLearningRate = LogRange(1e-2, 1e150)
        c.seed = 11
        return c
    }

    func testDivergedTrialsAreFinishedTrialsAndShardsMakeTheWhole() throws {
        let c = tiny()
        let folder = try makeTemporaryFolder("search-run")
        let trials = folder.appendingPathComponent("trials")
        // Shard 1 of 2 alone: stage 1's odd trials, then it waits.
        let half = try SearchLab.run(c, shard: Shard(index: 1, count: 2), trials: trials)
        XCTAssertEqual(half.trained, 7)
        XCTAssertEqual(half.plan.stages.count, 1)
        XCTAssertEqual(half.plan.missing, [0, 2, 4, 6, 8, 10, 12, 14])
        assertLabError(try SearchLab.merge(TrialStore.gather([folder])), contains: ["is incomplete: stage 1 of 3 lacks 8 of its 15 trials: 0, 2, 4"])

        let rest = try SearchLab.run(c, trials: trials)
        XCTAssertEqual(rest.skipped, 7)
        XCTAssertEqual(rest.trained, 15 + 2 + 6 - 7)
        XCTAssert(rest.plan.isComplete)
        XCTAssertGreaterThan(rest.divergedNow, 0, "lr 1e150 should diverge")
        // A run over a complete folder trains nothing: the diverged trials (NaN loss) read back.
        let again = try SearchLab.run(c, trials: trials)
        XCTAssertEqual(again.trained, 0)
        XCTAssertEqual(again.skipped, 23)

        let result = try SearchLab.merge(TrialStore.gather([folder]))
        XCTAssertEqual(result.trialCount, 23)
        XCTAssertGreaterThan(result.divergedCount, 0)
        XCTAssertEqual(result.gridVersusRandom.gridDistinctLearningRates, 2)
        XCTAssertEqual(result.crossValidation.configurations.map(\.foldAccuracies.count), [2, 2])
        XCTAssert(result.ensemble.reproducesSearch)
        XCTAssertEqual(result.ensemble.ensembleAccuracy.count, 2)
        XCTAssertEqual(result.ensemble.ensembleAccuracy[0], result.ensemble.bestSingleTestAccuracy)
    }

    /// More training digits than the split leaves, or a minibatch larger than them, is refused
    /// in one line instead of training on fewer digits than the configuration says.
    func testTrainCountAndBatchBeyondTheSplitAreRefused() throws {
        var c = tiny()
        c.trainCount = 2000
        XCTAssertThrowsError(try SearchData.prepare(c)) { XCTAssert("\($0)".contains("--train-count 2000 is more than the"), "\($0)") }
        c = tiny()
        c.batchSize = 100_000
        XCTAssertThrowsError(try SearchData.prepare(c)) { XCTAssert("\($0)".contains("--batch-size 100000 is larger than the"), "\($0)") }
    }

    func testFoldsAreStratifiedAndPartitionThePool() throws {
        var c = tiny()
        c.folds = 3
        let data = try SearchData.prepare(c)
        XCTAssertEqual(data.pool.count, data.split.train.count + data.split.validation.count)
        // Every pooled digit is in exactly one fold; the folds differ in size by at most one,
        // and so does each class's share of them.
        let sizes = (0..<3).map { f in data.foldOf.filter { $0 == f }.count }
        XCTAssertEqual(sizes.reduce(0, +), data.pool.count)
        XCTAssertLessThanOrEqual(sizes.max()! - sizes.min()!, 1)
        for cls in 0..<10 {
            let members = data.pool.labels.indices.filter { data.pool.labels[$0] == cls }
            let perFold = (0..<3).map { f in members.filter { data.foldOf[$0] == f }.count }
            XCTAssertLessThanOrEqual(perFold.max()! - perFold.min()!, 1, "class \(cls): \(perFold)")
        }
        let (train, held) = try data.fold(1)
        XCTAssertEqual(train.count + held.count, data.pool.count)
        XCTAssertEqual(held.count, sizes[1])
        // Normalized with the fold's training digits: their mean image is 0.
        XCTAssertEqual(train.features.scalars.reduce(0, +) / Double(train.features.count), 0, accuracy: 1e-9)
    }
}
