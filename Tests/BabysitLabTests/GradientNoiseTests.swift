import Foundation
import XCTest
@testable import BabysitLab
import NNEngine

/// The gradient-noise measurement against a direct computation: every per-example gradient and
/// every minibatch of a tiny data set.
final class GradientNoiseTests: XCTestCase {
    /// With N = 6 and B = 2, the mean of ‖g_B − G‖² over all 15 minibatches equals
    /// (tr Σ / B)(N − B)/(N − 1), with tr Σ from the per-example gradients; and the sampled
    /// estimate lies within 4 standard errors of it.
    func testNoiseAgainstEveryMinibatch() {
        let data = MonitoredTrainingTests.blobs(6)
        let model = MonitoredTrainingTests.net()
        let loss = Loss.softmaxCrossEntropy()
        let n = data.count
        let full = GradientNoise.gradient(of: model, on: data, loss: loss)
        let perExample = (0..<n).map { GradientNoise.gradient(of: model, on: data.subset([$0]), loss: loss) }
        // G is the mean of the per-example gradients.
        for j in full.indices {
            let mean = perExample.reduce(0) { $0 + $1[j] } / Double(n)
            XCTAssertEqual(full[j], mean, accuracy: 1e-12)
        }
        let trace = perExample.reduce(0) { $0 + GradientNoise.squaredDistance($1, full) } / Double(n)
        var exact: [Double] = []
        for i in 0..<n { for k in (i + 1)..<n { exact.append(GradientNoise.squaredDistance(GradientNoise.gradient(of: model, on: data.subset([i, k]), loss: loss), full)) } }
        let exactMean = exact.reduce(0, +) / Double(exact.count)
        let formula = trace / 2 * Double(n - 2) / Double(n - 1)
        XCTAssertEqual(exactMean, formula, accuracy: 1e-12 * formula, "all 15 minibatches against the formula")

        let draws = 400
        var generator = RandomStream(seed: 9)
        let measured = GradientNoise.measure(model, on: data, loss: loss, batchSizes: [1, 2, 6], draws: draws, state: "test", using: &generator)
        XCTAssertEqual(measured.traceSigma, trace, accuracy: 1e-12 * trace)
        XCTAssertEqual(measured.points[1].predicted, formula, accuracy: 1e-12 * formula)
        XCTAssertEqual(measured.points[0].predicted, trace, accuracy: 1e-12 * trace)
        XCTAssertEqual(measured.points[2].measured, 0, accuracy: 1e-20, "the full batch is the full gradient")
        XCTAssertEqual(measured.noiseScale, trace / full.reduce(0) { $0 + $1 * $1 }, accuracy: 1e-12 * measured.noiseScale)
        // Standard error of the mean of `draws` samples from the 15 equally likely values.
        let spread = (exact.reduce(0) { $0 + ($1 - exactMean) * ($1 - exactMean) } / Double(exact.count)).squareRoot()
        let tolerance = 4 * spread / Double(draws).squareRoot()
        XCTAssertEqual(measured.points[1].measured, exactMean, accuracy: tolerance, "sampled mean within 4 standard errors")
    }
}
