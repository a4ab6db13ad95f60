import Foundation
import NNEngine
import XCTest
@testable import DropoutLab

/// The lab's computations on a small configuration: each figure's lecture claim, and determinism.
final class DropoutLabTests: XCTestCase {
    static func small(seed: UInt64 = 1) -> DropoutLabConfiguration {
        var c = DropoutLabConfiguration()
        c.hidden = [64]
        c.planarHidden = [64]
        c.epochs = 8
        c.trainCount = 100
        c.ensembleSize = 3
        c.ensembleRepeats = 3
        c.mcSamples = 50
        c.gridSize = 20
        c.seed = seed
        return c
    }

    static let result = Result { try DropoutLab.run(small()) }

    func testTwoInputNeuronExpectationIsPTimesTheTestActivation() throws {
        let neuron = try Self.result.get().neuron
        for row in neuron.rows {
            XCTAssertEqual(row.masks.map(\.probability).reduce(0, +), 1, accuracy: 1e-15)
            XCTAssertEqual(row.vanillaExpectation, row.keep * neuron.testActivation, accuracy: 1e-14)
            XCTAssertEqual(row.invertedExpectation, neuron.testActivation, accuracy: 1e-14)
        }
        let half = neuron.rows.first { $0.keep == 0.5 }!
        // The slide: ¼(w1x + w2y) + ¼(w1x + 0y) + ¼(0x + 0y) + ¼(0x + w2y).
        let slide = 0.25 * (neuron.w1 * neuron.x + neuron.w2 * neuron.y) + 0.25 * neuron.w1 * neuron.x + 0.25 * neuron.w2 * neuron.y
        XCTAssertEqual(half.vanillaExpectation, slide, accuracy: 1e-15)
    }

    func testVanillaWithScalingEqualsRescaledInverted() throws {
        let s = try Self.result.get().scaling
        XCTAssertLessThan(s.maxProbabilityDifference, 1e-12)
        XCTAssertLessThan(s.maxScoreDifference, 1e-12)
        XCTAssertLessThan(s.maxTrainingScoreDifference, 1e-12)
        XCTAssertEqual(s.vanillaTestAccuracy, s.invertedTestAccuracy)
        XCTAssertGreaterThan(s.maxUnscaledProbabilityDifference, 1e-3, "forgetting the scaling changes the outputs")
    }

    func testRescalingIsExactAlgebraForAnyKeep() {
        var g = RandomStream(seed: 2)
        let model = Sequential.mlp(inputs: 5, hidden: [7, 6], outputs: 3, keep: 0.7, variant: .vanilla, using: &g)
        let x = Tensor.randomNormal(shape: [4, 5], using: &g)
        let difference = (model.predict(x) - ScalingEquivalence.inverted(model).predict(x)).map { abs($0) }.max
        XCTAssertLessThan(difference, 1e-14)
    }

    func testMonteCarloAgreementGrowsWithPasses() throws {
        let mc = try Self.result.get().monteCarlo
        XCTAssertEqual(mc.points.map(\.passes), [1, 2, 5, 10, 20, 50])
        XCTAssertGreaterThanOrEqual(mc.points.last!.agreement, mc.points.first!.agreement)
        XCTAssertGreaterThan(mc.points.last!.agreement, 0.9)
        XCTAssertLessThan(mc.points.last!.meanProbabilityDifference, mc.points.first!.meanProbabilityDifference)
        XCTAssertEqual(MonteCarloDropout.checkpoints(upTo: 1000), [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
        XCTAssertEqual(MonteCarloDropout.checkpoints(upTo: 7), [1, 2, 5, 7])
    }

    func testEnsembleAndBoundaryShapes() throws {
        let r = try Self.result.get()
        XCTAssertEqual(r.ensembles.map(\.trainCount), [100, 50], "the main training set, then the small-data one")
        for e in r.ensembles {
            XCTAssertEqual(e.members.count, 3)
            XCTAssertEqual(e.independentAccuracy.count, 3)
            XCTAssertEqual(e.independentAccuracy[0], e.members[0].testAccuracy, "an ensemble of one is the net")
            XCTAssertFalse(e.checkpointAccuracy.isEmpty)
            XCTAssert((0...1).contains(e.runningAverageAccuracy))
            XCTAssertLessThanOrEqual(e.sharedErrorRate, 1 - e.members.map(\.testAccuracy).max()! + 1e-12,
                                     "an error every member makes is an error of the best member")
            // The gain's spread over 3 independent ensembles, the drawn one first.
            XCTAssertEqual(e.repeatGains.count, 3)
            XCTAssertEqual(e.repeatGains[0], e.ensembleGain)
            XCTAssertEqual(e.repeatSingleAccuracies[0], e.meanSingleAccuracy)
            let mean = e.repeatGains.reduce(0, +) / 3
            let sd = (e.repeatGains.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
            XCTAssertEqual(e.gainOverRepeats.mean, mean, accuracy: 1e-15)
            XCTAssertEqual(e.gainOverRepeats.halfWidth, 4.303 * sd / 3.0.squareRoot(), accuracy: 1e-12, "t(0.975, 2) = 4.303")
        }
        // Each repeat's nets have their own seeds: no two members of any ensemble share one.
        XCTAssertEqual(Set(r.ensembles[0].members.map(\.initSeed)).count, 3)
        XCTAssertEqual(EnsembleStudy.studentT975(degreesOfFreedom: 4), 2.776)
        XCTAssertEqual(EnsembleStudy.studentT975(degreesOfFreedom: 100), 1.96)
        XCTAssert(r.ensembles[0].runningAverageAccuracy > 0.5, "16 steps on 50 digits are too few to ask this of the second")
        XCTAssertEqual(r.boundaries.maps.count, 3)
        XCTAssert(r.boundaries.maps.allSatisfy { $0.classes.count == 400 })
        XCTAssertEqual(r.overfitting.map(\.dataset), ["digits", "spiral"])
        XCTAssertEqual(r.overfitting[0].curves.map(\.keep), [1.0, 0.8, 0.5])
        for curve in r.overfitting[0].curves {
            XCTAssertEqual(curve.epochs.count, 8)
            XCTAssertEqual(curve.initialLoss, log(10), accuracy: 0.1 * log(10), "initial loss ≈ log C")
        }
    }

    /// The property figure 1 is about, on a cheap configuration: at the end of training the
    /// dropout net's validation-minus-train loss gap is below the plain net's, because the masks
    /// keep it from driving its training loss to 0. 32-32 for 60 epochs makes the margin wide
    /// (≥ 0.04 on each of 40 seeds tried; 0.15 on this one), so that small numerical changes in
    /// the engine cannot flip it.
    func testDropoutClosesTheGeneralizationGapOnTheDigits() throws {
        var c = DropoutLabConfiguration()  // 200 digits, inputs kept with max(p, 0.8)
        c.hidden = [32, 32]
        c.epochs = 60
        var generator = RandomStream(seed: 3)
        let data = try PreparedData.prepare(c.dataset, trainCount: c.trainCount, digitsFile: c.digitsFile, using: generator)
        let curves = try [1.0, 0.5].map { keep in
            let job = TrainingJob(dataIndex: 0, keep: keep, variant: .inverted, keepsCheckpoints: false,
                                  initSeed: generator.next(), trainingSeed: generator.next())
            return OverfittingStudy.curve(try job.run(on: data, configuration: c))
        }
        let (plain, dropout) = (curves[0], curves[1])
        XCTAssertEqual(plain.inputKeep, 1)
        XCTAssertEqual(dropout.inputKeep, 0.8, "digit pixels are kept with max(p, 0.8)")
        XCTAssertLessThan(plain.finalTrainLoss, 0.1, "without dropout the net memorizes the 200 digits")
        XCTAssertGreaterThan(dropout.finalTrainLoss, plain.finalTrainLoss)
        XCTAssertLessThan(dropout.lossGap, plain.lossGap - 0.03, "plain \(plain.lossGap), dropout \(dropout.lossGap)")
    }

    func testInputDropoutOnlyOnTheDigitsAndOnlyInDropoutNets() throws {
        let c = DropoutLabConfiguration()
        let generator = RandomStream(seed: 4)
        let digits = try PreparedData.prepare(c.dataset, trainCount: 50, digitsFile: c.digitsFile, using: generator)
        let spiral = try PreparedData.prepare(DatasetChoice.defaultSpiral, trainCount: 50, digitsFile: c.digitsFile, using: generator)
        XCTAssertEqual(c.inputKeep(forHiddenKeep: 1, on: digits), 1)
        XCTAssertEqual(c.inputKeep(forHiddenKeep: 0.5, on: digits), 0.8)
        XCTAssertEqual(c.inputKeep(forHiddenKeep: 0.9, on: digits), 0.9, "inputs never lose more than the hidden units")
        XCTAssertEqual(c.inputKeep(forHiddenKeep: 0.5, on: spiral), 1, "no dropout on 2-D points")
        XCTAssertEqual(c.hidden(for: digits), [48, 48])
        XCTAssertEqual(c.hidden(for: spiral), [256, 256])
        let model = TrainingJob.model(for: digits, hidden: [8], keep: 0.5, inputKeep: 0.8, variant: .vanilla, initSeed: 1)
        guard case .dropout(let input) = model.layers.first else { return XCTFail("no input dropout layer: \(model.layers)") }
        XCTAssertEqual(input.keepProbability, 0.8)
        XCTAssertEqual(input.variant, .vanilla)
        let x = digits.split.test.features
        let difference = (model.predict(x) - ScalingEquivalence.inverted(model).predict(x)).map { abs($0) }.max
        XCTAssertLessThan(difference, 1e-12, "rescaling covers the input dropout layer too")
    }

    /// The digits are normalized as one-channel images: zero mean image and unit overall std on the
    /// training part, and no held-out pixel tens of σ out (per-pixel σ put some at 55σ).
    func testDigitsAreNormalizedAsOneChannelImages() throws {
        let c = DropoutLabConfiguration()
        for seed: UInt64 in [0, 1] {
            let generator = RandomStream(seed: seed)
            let data = try PreparedData.prepare(c.dataset, trainCount: c.trainCount, digitsFile: c.digitsFile, using: generator)
            let train = data.split.train.features
            XCTAssertEqual(train.standardDeviation, 1, accuracy: 1e-12)
            XCTAssertLessThan(train.columnSums.map { abs($0) }.max, 1e-9, "the mean training image is subtracted")
            for part in [data.split.validation, data.split.test] {
                XCTAssertLessThan(part.features.map { abs($0) }.max, 10, "seed \(seed)")
            }
        }
    }

    /// Figure 5's small-data ensemble is tested on the same digits as the main one, and its
    /// training digits are a subset of the main training digits: the lab prepares both from copies
    /// of one generator, and the split deals training digits round-robin over the classes.
    func testSmallDataSplitSharesTheHeldOutDigits() throws {
        let c = DropoutLabConfiguration()
        let stream = RandomStream(seed: 6)
        let a = stream, b = stream
        let main = try PreparedData.prepare(c.dataset, trainCount: 200, digitsFile: c.digitsFile, using: a)
        let small = try PreparedData.prepare(c.dataset, trainCount: 50, digitsFile: c.digitsFile, using: b)
        XCTAssertEqual(small.split.test.labels, main.split.test.labels)
        XCTAssertEqual(small.split.validation.labels, main.split.validation.labels)
        XCTAssertEqual(Set(small.split.train.labels).count, 10, "every class among the 50")

        let digits = try DigitsDataset.load(from: c.digitsFile)
        var g1 = stream, g2 = stream
        let large = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: 200, using: &g1)
        let few = try DatasetSplit.stratified(digits, validationFraction: 0.3, testFraction: 0.2, trainCount: 50, using: &g2)
        XCTAssertEqual(few.test, large.test)
        XCTAssertEqual(few.validation, large.validation)
        func rows(_ d: Dataset) -> Set<[Double]> { Set((0..<d.count).map { d.features.row($0).scalars + [Double(d.labels[$0])] }) }
        XCTAssert(rows(few.train).isSubset(of: rows(large.train)))
    }

    func testSameSeedSameNumbers() throws {
        let a = try Self.result.get(), b = try DropoutLab.run(Self.small())
        XCTAssertEqual(a.overfitting, b.overfitting)
        XCTAssertEqual(a.monteCarlo, b.monteCarlo)
        XCTAssertEqual(a.ensembles, b.ensembles)
        XCTAssertEqual(a.boundaries, b.boundaries)
        let c = try DropoutLab.run(Self.small(seed: 2))
        XCTAssertNotEqual(a.overfitting, c.overfitting)
    }

    func testBadConfigurationsAreRejected() {
        func message(_ change: (inout DropoutLabConfiguration) -> Void) -> String {
            var c = Self.small()
            change(&c)
            do { try c.validate(); return "" } catch { return "\(error)" }
        }
        XCTAssert(message { $0.keeps = [0] }.contains("outside (0, 1]"))
        XCTAssert(message { $0.keeps = [1.2] }.contains("outside (0, 1]"))
        XCTAssert(message { $0.hidden = [] }.contains("at least one layer"))
        XCTAssert(message { $0.hidden = [64, 0] }.contains("must be at least 1"))
        XCTAssert(message { $0.planarHidden = [] }.contains("--planar-hidden needs at least one layer"))
        XCTAssert(message { $0.inputKeep = 0 }.contains("outside (0, 1]"))
        XCTAssertEqual(message { $0.inputKeep = 1 }, "", "1 turns input dropout off")
        XCTAssert(message { $0.learningRate = -1 }.contains("learning rate"))
        XCTAssert(message { $0.smallEnsembleTrainCount = 100 }.contains("must be below the train count 100"))
        XCTAssertEqual(message { $0.smallEnsembleTrainCount = 0 }, "", "0: no small-data ensemble")
        XCTAssertEqual(message { $0.dataset = try! DatasetChoice(parsing: "spiral"); $0.smallEnsembleTrainCount = 500 }, "",
                       "a 2-D data set has no small-data ensemble to check")
        XCTAssertThrowsError(try DatasetChoice(parsing: "mnist")) { XCTAssert("\($0)".contains("unknown dataset 'mnist'")) }
        XCTAssertThrowsError(try DatasetChoice(parsing: "digits", classes: 12)) { XCTAssert("\($0)".contains("asks for more")) }
        XCTAssertThrowsError(try DatasetChoice(parsing: "moons", classes: 3)) { XCTAssert("\($0)".contains("has 2 classes")) }
    }
}
