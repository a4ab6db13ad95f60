import Foundation
import XCTest
@testable import NNEngine

/// Cosine (with and without warm restarts), linear warm-up and reduce-on-plateau, step by step
/// against their formulas, and their spellings.
final class LearningRateScheduleExtendedTests: XCTestCase {
    /// `lr₀ · ½(1 + cos(π·min(n, T)/T))` for T = 4: 1, ½(1 + cos π/4), ½, ½(1 − cos π/4), 0, then 0.
    func testCosineWithoutRestartsFallsToZeroAndStays() {
        let schedule = LearningRateSchedule.cosine(period: 4, restarts: false)
        let c = cos(Double.pi / 4)
        let expected = [1, 0.5 * (1 + c), 0.5, 0.5 * (1 - c), 0, 0, 0]
        for (i, rate) in expected.enumerated() {
            assertClose(schedule.learningRate(base: 2, step: i + 1), 2 * rate, tolerance: 1e-12, "cosine at t = \(i + 1)")
        }
    }

    /// With restarts the rate returns to `lr₀` at n = T, 2T, … (n mod T).
    func testCosineWithRestartsIsPeriodic() {
        let schedule = LearningRateSchedule.cosine(period: 3, restarts: true)
        for t in 1...12 {
            let n = Double((t - 1) % 3)
            assertClose(schedule.learningRate(base: 0.1, step: t), 0.1 * 0.5 * (1 + cos(Double.pi * n / 3)), "SGDR at t = \(t)")
        }
        XCTAssertEqual(schedule.learningRate(base: 0.1, step: 4), 0.1)
        XCTAssertEqual(schedule.learningRate(base: 0.1, step: 7), 0.1)
    }

    /// `lr₀ · min(1, t/K)`: 0.25, 0.5, 0.75, 1, 1 for K = 4.
    func testWarmupRampsLinearlyThenHolds() {
        let schedule = LearningRateSchedule.warmup(steps: 4)
        for (t, rate) in [(1, 0.25), (2, 0.5), (3, 0.75), (4, 1.0), (5, 1.0), (100, 1.0)] {
            assertClose(schedule.learningRate(base: 0.4, step: t), 0.4 * rate, "warm-up at t = \(t)")
        }
    }

    /// As a function of the step alone, plateau is the base rate; its state reduces it epoch by epoch.
    func testPlateauReducesAfterPatienceEpochsWithoutImprovement() {
        XCTAssertEqual(LearningRateSchedule.plateau(factor: 0.5, patience: 2).learningRate(base: 0.3, step: 50), 0.3)
        var plateau = ReduceOnPlateau(.plateau(factor: 0.5, patience: 2))!
        // loss:    1.0   0.8   0.9   0.85  0.7   0.7   0.7   .nan  0.6
        // count:   0     0     1     2→0   0     1     2→0   1     0
        // scale:   1     1     1     .5    .5    .5    .25   .25   .25
        let losses = [1.0, 0.8, 0.9, 0.85, 0.7, 0.7, 0.7, .nan, 0.6]
        let reduced = [false, false, false, true, false, false, true, false, false]
        let scales = [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25]
        let counts = [0, 0, 1, 0, 0, 1, 0, 1, 0]
        for i in losses.indices {
            XCTAssertEqual(plateau.observe(validationLoss: losses[i]), reduced[i], "epoch \(i + 1): reduced")
            XCTAssertEqual(plateau.scale, scales[i], "epoch \(i + 1): scale")
            XCTAssertEqual(plateau.epochsWithoutImprovement, counts[i], "epoch \(i + 1): epochs without improvement")
        }
        XCTAssertEqual(plateau.best, 0.6)
        XCTAssertEqual(plateau.reductions, 2)
        XCTAssertNil(ReduceOnPlateau(.constant))
    }

    /// The Trainer feeds plateau the validation loss: validated on the training points with their
    /// labels swapped, the validation loss rises as training fits, so the rate is cut and the run
    /// departs from the constant-rate run; with a patience longer than the run it equals it.
    func testTrainerReducesOnPlateau() throws {
        var generator = RandomStream(seed: 3)
        let data = SyntheticDataset.blobs(classes: 2, pointsPerClass: 10, spread: 0.5).generate(using: &generator)
        let swapped = Dataset(features: data.features, labels: data.labels.map { 1 - $0 }, classCount: 2)
        let model = Sequential.mlp(inputs: 2, hidden: [4], outputs: 2, using: &generator)
        func run(_ schedule: LearningRateSchedule) throws -> Sequential {
            let optimizer = OptimizerConfiguration(kind: .sgd, learningRate: 0.1, options: OptimizerOptions(schedule: schedule))
            let configuration = TrainingConfiguration(epochs: 4, batchSize: 5, optimizer: optimizer)
            return try Trainer.train(model, on: data, validation: swapped, configuration: configuration).finalModel
        }
        let constant = try run(.constant)
        XCTAssertEqual(try run(.plateau(factor: 0.5, patience: 10)), constant)
        XCTAssertNotEqual(try run(.plateau(factor: 0.5, patience: 1)), constant)
    }

    func testSpellings() throws {
        let cases: [(String, LearningRateSchedule)] = [
            ("cosine:500", .cosine(period: 500, restarts: false)), ("cosine:100,restart", .cosine(period: 100, restarts: true)),
            ("warmup:50", .warmup(steps: 50)), ("plateau:0.5,3", .plateau(factor: 0.5, patience: 3)),
        ]
        for (text, schedule) in cases {
            XCTAssertEqual(try LearningRateSchedule(parsing: text), schedule, text)
            XCTAssertEqual(try LearningRateSchedule(parsing: schedule.description), schedule, schedule.description)
        }
        for bad in ["cosine:0", "cosine:10,again", "warmup:0", "warmup:x", "plateau:1,3", "plateau:0.5,0", "plateau:0.5",
                    "cosine:", "step:0.5,,10"] {
            XCTAssertThrowsError(try LearningRateSchedule(parsing: bad), bad) { error in
                XCTAssertNotNil(error as? LabError, bad)
            }
        }
    }
}
