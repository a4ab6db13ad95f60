import NNEngine
import NNImage
import XCTest

/// The mixup sheet's λ: stratified by rank, so a few tiles cover Beta(α, α)'s range.
final class MixupSamplingTests: XCTestCase {
    func testStratifiedLambdasCoverTheRangeInIncreasingOrder() throws {
        let mixup = try Mixup(alpha: 0.4)
        var generator = RandomStream(seed: 0)
        let lambdas = mixup.stratifiedSamples(count: 8, using: &generator).map(\.lambda)
        print("stratified λ, seed 0:", lambdas)
        XCTAssertEqual(lambdas.count, 8)
        XCTAssertEqual(lambdas, lambdas.sorted(), "shown in increasing λ")
        XCTAssertLessThan(lambdas[0], 0.2)
        XCTAssertGreaterThan(lambdas[7], 0.8)
        XCTAssertTrue(lambdas.contains { (0.3...0.7).contains($0) }, "the middle of the range is on the sheet")
        XCTAssertLessThanOrEqual(lambdas.filter { $0 <= 0.19 }.count, 3, "quarter-wide strata: at most 2 or 3 of 8 below 0.19")

        var again = RandomStream(seed: 0)
        XCTAssertEqual(mixup.stratifiedSamples(count: 8, using: &again).map(\.lambda), lambdas, "same seed, same λ")
        XCTAssertTrue(mixup.stratifiedSamples(count: 0, using: &again).isEmpty)
    }
}
