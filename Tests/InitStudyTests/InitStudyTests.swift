import Foundation
import NNEngine
import XCTest
@testable import InitStudy

/// The lecture's claims about each scheme, checked on a small net (6 layers of 256, batch 16).
final class InitStudyTests: XCTestCase {
    static let configuration = InitStudyConfiguration(depth: 6, width: 256, batch: 16, seed: 0, bins: 30)
    /// `normal:0.2` at width 256 gives pre-activations of std 0.2·√256 = 3.2, the lecture's
    /// 0.05·√4096: tanh saturates.
    static let large256 = Scheme(name: "large-256", initializer: .normal(std: 0.2), activation: .tanh)

    /// One run of every scheme the tests look at, shared: it is deterministic.
    static let result: InitStudyResult = {
        try! InitStudy.run(configuration, schemes: Scheme.builtIn + [large256])
    }()

    static func scheme(_ name: String) -> SchemeResult {
        result.schemes.first { $0.scheme.name == name }!
    }

    /// `stdₗ₊₁ / stdₗ` for each pair of consecutive layers.
    static func ratios(_ scheme: SchemeResult) -> [Double] {
        zip(scheme.layers.dropFirst(), scheme.layers).map { $0.activationStd / $1.activationStd }
    }

    func testSmallWeightsCollapseByTheTheoreticalFactor() {
        // tanh is nearly linear for small inputs, so each layer multiplies the std by the std of
        // one output z = Σᵢ hᵢwᵢ over 256 inputs: 0.01·√256 = 0.16. The ratio is estimated from
        // 16·256 values through one random 256×256 matrix; 10% covers that sampling spread.
        let small = Self.scheme("small")
        assertWithin(small.layers[0].activationStd, 0.16, tolerance: 0.016, "small: layer 1 std (input std 1)")
        for (l, ratio) in Self.ratios(small).enumerated() {
            assertWithin(ratio, 0.16, tolerance: 0.016, "small: std ratio layer \(l + 2)/\(l + 1)")
        }
        XCTAssertLessThan(small.layers.last!.activationStd, 1e-3)
        XCTAssertTrue(small.verdict.contains("collapses"), small.verdict)
        // With the activations, dL/dW vanishes too.
        XCTAssertLessThan(small.layers.last!.weightGradientStd, 1e-3 * Self.scheme("xavier-tanh").layers.last!.weightGradientStd)
    }

    func testKaimingReLUKeepsItsScale() {
        let kaiming = Self.scheme("kaiming-relu")
        let ratio = kaiming.layers.last!.activationStd / kaiming.layers.first!.activationStd
        assertWithin(ratio, 1.25, tolerance: 0.75, "kaiming-relu: std last/first within [0.5, 2]")
        XCTAssertTrue(kaiming.verdict.contains("well scaled"), kaiming.verdict)
        // ReLU zeroes about half of the units.
        for layer in kaiming.layers { assertWithin(layer.zeroFraction, 0.5, tolerance: 0.1, "kaiming-relu zero fraction") }
    }

    func testXavierReLUShrinksByRootTwoPerLayer() {
        // ReLU halves the second moment, so each layer multiplies the std by ≈ 1/√2 = 0.707.
        let xavier = Self.scheme("xavier-relu")
        let perLayer = pow(xavier.layers.last!.activationStd / xavier.layers.first!.activationStd, 1.0 / 5)
        assertWithin(perLayer, 0.7, tolerance: 0.1, "xavier-relu: geometric mean std ratio in [0.6, 0.8]")
        XCTAssertTrue(xavier.verdict.contains("collapses"), xavier.verdict)
    }

    func testConstantInitLeavesUnitsIdentical() {
        let constant = Self.scheme("constant")
        XCTAssertTrue(constant.unitsIdentical)
        for layer in constant.layers { XCTAssertEqual(layer.unitSpread, 0, "layer \(layer.layer)") }
        XCTAssertTrue(constant.verdict.contains("identical"), constant.verdict)
        XCTAssertFalse(Self.scheme("xavier-tanh").unitsIdentical)
        XCTAssertGreaterThan(Self.scheme("xavier-tanh").layers.last!.unitSpread, 0.5)
    }

    func testConstantInitKeepsUnitsAndTheirGradientsIdenticalWithoutSaturating() {
        // W = 1/4096 at width 256: z = Σh/4096 = h̄/16, far from saturation, and every unit of a
        // layer computes the same value, so every unit's incoming weights get the same gradient,
        // in every layer under the last (whose upstream gradient differs from unit to unit).
        let symmetric = Self.scheme("constant-small")
        XCTAssertTrue(symmetric.unitsIdentical)
        XCTAssertTrue(symmetric.layers.allSatisfy { $0.saturatedFraction! == 0 }, "no unit saturated")
        XCTAssertEqual(symmetric.layersWithIdenticalGradients, [1, 2, 3, 4, 5])
        XCTAssertGreaterThan(symmetric.layers.last!.weightGradientUnitSpread, 0)
        XCTAssertGreaterThan(symmetric.layers[0].weightGradientStd, 0, "the gradient is not zero: it is the same for every unit")
        XCTAssertTrue(symmetric.gradientVerdict.contains("same dL/dW in layers 1–5"), symmetric.gradientVerdict)
        // The lecture's constant (0.01 at width 4096; here 0.01·256 = 2.56 per unit of h̄) saturates.
        XCTAssertTrue(Self.scheme("constant").unitsIdentical)
        XCTAssertFalse(Self.scheme("xavier-tanh").layers.contains { $0.weightGradientUnitSpread == 0 })
    }

    func testSmallInitGradientVerdictSaysWhichGradientShrinks() {
        let small = Self.scheme("small")
        XCTAssertLessThan(small.backwardGain, 0.5)
        XCTAssertTrue(small.gradientVerdict.hasPrefix("dL/dh reaches layer 1 at "), small.gradientVerdict)
        let stds = small.layers.map(\.weightGradientStd)
        XCTAssertEqual(small.gradientVerdict.contains("does not vanish towards layer 1"), stds.max()! / stds.min()! < 2, small.gradientVerdict)
    }

    func testLargeWeightsSaturateTanh() {
        let large = Self.scheme("large-256"), xavier = Self.scheme("xavier-tanh")
        let saturated = large.layers.last!.saturatedFraction!
        print("large-256: last-layer saturated fraction \(saturated), local gradient mean \(large.layers.last!.localGradientMean); "
            + "xavier-tanh: saturated \(xavier.layers.last!.saturatedFraction!), local gradient mean \(xavier.layers.last!.localGradientMean)")
        XCTAssertGreaterThan(saturated, 0.25)
        XCTAssertLessThan(xavier.layers.last!.saturatedFraction!, 0.01)
        XCTAssertLessThan(large.layers.last!.localGradientMean, 0.5 * xavier.layers.last!.localGradientMean)
        XCTAssertNil(Self.scheme("kaiming-relu").layers.last!.saturatedFraction, "ReLU has no upper limit")
    }

    func testStatisticsMatchDirectComputation() {
        // Layer 1 of xavier-relu, recomputed from the same streams the run uses.
        var streams = InitStudy.streams(seed: Self.configuration.seed, depth: 1)
        let x = Tensor.randomNormal(shape: [16, 256], using: &streams.input)
        let w = Initializer.xavierNormal().make(shape: [256, 256], using: &streams.layers[0])
        let h = Activation.relu(Tensor.matmul(x, w))
        let layer = Self.scheme("xavier-relu").layers[0]
        // The study multiplies by the standard normal matrix with dgemm's α = s rather than by
        // s·Z itself: the same numbers up to rounding, a few ulps.
        XCTAssertEqual(layer.activationStd, h.standardDeviation, accuracy: 1e-13 * h.standardDeviation)
        XCTAssertEqual(layer.activationMean, h.mean, accuracy: 1e-13 * h.mean)
        XCTAssertEqual(layer.weightStd, w.standardDeviation, accuracy: 1e-13 * w.standardDeviation)
        XCTAssertEqual(layer.zeroFraction, h.fraction { $0 == 0 })
    }

    /// Consecutive layers' weight stds differ as independent draws do. The std of n = w² iid
    /// normals has relative standard error 1/√(2n), so two independent layers' stds differ by
    /// N(0, 1/n) relative, |·| with median 0.674/w. Over 3 seeds × 5 layer pairs the median must
    /// exceed 0.2/w: under independence 8 or more of 15 values below 0.2σ (each with P = 0.159)
    /// happens with probability 6e-4. Width 512 spans 4 fill chunks, where the former positional
    /// split made layer l+1 layer l shifted by one chunk (relative differences ~0.03/w).
    func testConsecutiveLayersWeightStdsDifferLikeIndependentDraws() throws {
        let width = 512
        var differences: [Double] = []
        for seed in 0..<3 as Range<UInt64> {
            let configuration = InitStudyConfiguration(depth: 6, width: width, batch: 4, seed: seed, bins: 10)
            let result = try InitStudy.run(configuration, schemes: [Scheme.builtIn.first { $0.name == "kaiming-relu" }!])
            let stds = result.schemes[0].layers.map(\.weightStd)
            differences += zip(stds.dropFirst(), stds).map { abs($0 - $1) / $1 }
        }
        let median = differences.sorted()[differences.count / 2]
        let expected = 0.674 / Double(width)
        print("median relative difference of consecutive weight stds over 15 pairs: expected about \(expected) "
            + "(independent draws), observed \(median), ratio \(median / expected); floor \(0.2 / Double(width))")
        XCTAssertGreaterThan(median, 0.2 / Double(width))
    }

    func testHistogramsCoverEveryValue() {
        for scheme in Self.result.schemes {
            XCTAssertEqual(scheme.activationHistograms.count, 6)
            for h in scheme.activationHistograms {
                XCTAssertEqual(h.total, 16 * 256)
                XCTAssertEqual(h.counts.count, 30)
            }
            for h in scheme.gradientHistograms { XCTAssertEqual(h.total, 256 * 256) }
        }
    }

    func testSameSeedSameResultAndDifferentSeedDiffers() throws {
        var other = Self.configuration
        let again = try InitStudy.run(other, schemes: [.xavierTanh])
        XCTAssertEqual(again.schemes[0].layers, Self.scheme("xavier-tanh").layers)
        other.seed = 1
        let different = try InitStudy.run(other, schemes: [.xavierTanh])
        XCTAssertNotEqual(different.schemes[0].layers[0].activationStd, Self.scheme("xavier-tanh").layers[0].activationStd)
    }

    /// The normal schemes go through each product together (stacked as rows of one dgemm), and
    /// so do the constant ones; a scheme with its own matrices runs alone. Neither the order asked
    /// for nor the company a scheme keeps changes a bit of its numbers, and results come back in
    /// the order asked for.
    func testResultsDoNotDependOnTheOtherSchemesOrTheirOrder() throws {
        let uniform = Scheme(name: "uniform", initializer: .uniform(low: -0.1, high: 0.1), activation: .tanh)
        let mixed = try InitStudy.run(Self.configuration, schemes: [.constant, uniform, .kaimingReLU, .constantSmall, .small])
        XCTAssertEqual(mixed.schemes.map(\.scheme.name), ["constant", "uniform", "kaiming-relu", "constant-small", "small"])
        for result in mixed.schemes {
            let alone = try InitStudy.run(Self.configuration, schemes: [result.scheme]).schemes[0]
            XCTAssertEqual(result.layers, alone.layers, result.scheme.name)
            XCTAssertEqual(result.activationHistograms, alone.activationHistograms, result.scheme.name)
            XCTAssertEqual(result.gradientHistograms, alone.gradientHistograms, result.scheme.name)
            XCTAssertEqual(result.symmetrySample, alone.symmetrySample, result.scheme.name)
        }
        XCTAssertEqual(mixed.schemes[2].layers, Self.scheme("kaiming-relu").layers)
    }

    func testValidateRejectsBadSizes() {
        for (configuration, fragments) in [
            (InitStudyConfiguration(width: 0), ["width must be at least 1, got 0"]),
            (InitStudyConfiguration(depth: 0), ["depth must be at least 1, got 0"]),
            (InitStudyConfiguration(batch: 0), ["batch must be at least 1, got 0"]),
            (InitStudyConfiguration(bins: -3), ["bins must be at least 1"]),
            (InitStudyConfiguration(depth: 1001), ["depth 1001", "limit"]),
            (InitStudyConfiguration(width: 100_000), ["width 100000", "limit", "memory"]),
            (InitStudyConfiguration(width: 4_000_000_000), ["limit", "memory"]),
            (InitStudyConfiguration(depth: 1, width: 1024, batch: 10_000_000), ["batch 10000000", "limit", "memory"]),
        ] {
            XCTAssertThrowsError(try configuration.validate(), "\(configuration)") { error in
                guard let message = (error as? LabError)?.message else { return XCTFail("\(error) is not a LabError") }
                XCTAssertFalse(message.contains("\n"))
                for fragment in fragments { XCTAssertTrue(message.contains(fragment), "'\(message)' lacks '\(fragment)'") }
            }
        }
        XCTAssertNoThrow(try InitStudyConfiguration().validate(), "the lecture's defaults")
    }

    func testSchemeNamed() throws {
        XCTAssertEqual(try Scheme.named("kaiming-relu"), .kaimingReLU)
        XCTAssertEqual(try Scheme.named("XAVIER-TANH"), .xavierTanh)
        XCTAssertThrowsError(try Scheme.named("nope")) { error in
            let message = (error as? LabError)?.message ?? ""
            XCTAssertTrue(message.contains("unknown scheme 'nope'"), message)
            for scheme in Scheme.builtIn { XCTAssertTrue(message.contains(scheme.name), "'\(message)' lacks \(scheme.name)") }
        }
    }
}
