import Foundation
import XCTest
@testable import BabysitLab
import NNEngine

/// The finder's sweep and smoothing formulas, and its regions on a run that explodes.
final class LearningRateFinderTests: XCTestCase {
    func testSweepIsLogSpacedFromLowToHigh() {
        let range = 1e-6...10.0
        XCTAssertEqual(LearningRateFinder.rate(step: 1, of: 8, range: range), 1e-6, accuracy: 1e-20)
        XCTAssertEqual(LearningRateFinder.rate(step: 8, of: 8, range: range), 10, accuracy: 1e-12)
        let ratio = LearningRateFinder.rate(step: 3, of: 8, range: range) / LearningRateFinder.rate(step: 2, of: 8, range: range)
        XCTAssertEqual(ratio, pow(1e7, 1.0 / 7), accuracy: 1e-12)
    }

    /// m₁ = 0.1·L₁ → L̄₁ = L₁; m₂ = 0.09 L₁ + 0.1 L₂ → L̄₂ = m₂ / 0.19.
    func testSmoothingIsBiasCorrected() {
        let s = LearningRateFinder.smooth([2, 1])
        XCTAssertEqual(s[0], 2, accuracy: 1e-15)
        XCTAssertEqual(s[1], (0.09 * 2 + 0.1 * 1) / 0.19, accuracy: 1e-15)
    }

    /// A sweep to lr 1e4 on a small set: the loss falls, then explodes; the regions are ordered.
    func testRegionsAreOrderedOnARealSweep() throws {
        var generator = RandomStream(seed: 4)
        let data = SyntheticDataset.blobs(classes: 3, pointsPerClass: 40, spread: 0.7).generate(using: &generator)
        let split = PreparedSplit(train: data, validation: data, test: data, description: "blobs")
        let finder = try LearningRateFinder.run(MonitoredTrainingTests.net(), name: "sgd", kind: .sgd, on: split, batchSize: 12,
                                                range: 1e-4...1e4, steps: 120, seed: 1)
        let low = try XCTUnwrap(finder.tooLowBelow), high = try XCTUnwrap(finder.tooHighFrom)
        XCTAssertLessThan(low, finder.minimumAt)
        XCTAssertLessThan(finder.minimumAt, high)
        XCTAssertEqual(finder.suggested, finder.minimumAt / 10, accuracy: 1e-15)
        XCTAssertLessThan(finder.learningRates.count, 120, "the sweep stops once the loss explodes")
    }
}
