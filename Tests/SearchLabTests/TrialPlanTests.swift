import NNEngine
import SearchLab
import XCTest

/// The trial lists: fully determined by the seed and the index, inside their ranges, and the
/// later stages only once the earlier ones are complete.
final class TrialPlanTests: XCTestCase {
    func testStageOneIsDeterminedBySeedAndIndex() {
        var c = SearchConfiguration()
        let first = TrialPlan.stage1(c)
        XCTAssertEqual(first, TrialPlan.stage1(c))
        XCTAssertEqual(first.map(\.index), Array(first.indices))
        XCTAssertEqual(first.count, 2 * c.grid * c.grid + 2 * c.samples + c.coarse)
        c.seed = 1
        let other = TrialPlan.stage1(c)
        XCTAssertNotEqual(first.filter { $0.kind == .coarse }.map(\.learningRate), other.filter { $0.kind == .coarse }.map(\.learningRate))
        // The grid is the same grid whatever the seed; its trials share their nets' seeds.
        XCTAssertEqual(first.filter { $0.kind == .grid }.map(\.learningRate), other.filter { $0.kind == .grid }.map(\.learningRate))
        XCTAssertEqual(Set(first.filter { $0.kind == .grid || $0.kind == .random }.map(\.initSeed)).count, 1)
        XCTAssertEqual(Set(first.filter { $0.kind == .coarse }.map(\.initSeed)).count, c.coarse)
    }

    func testSamplesStayInTheirRangesAndLogUniformSpreadsOverDecades() {
        var c = SearchConfiguration()
        c.samples = 400
        let specs = TrialPlan.stage1(c)
        for kind in [TrialKind.logUniform, .uniform, .coarse] {
            for s in specs where s.kind == kind {
                XCTAssert((c.learningRate.low...c.learningRate.high).contains(s.learningRate), "\(kind) lr \(s.learningRate)")
                XCTAssert((c.weightDecay.low...c.weightDecay.high).contains(s.weightDecay), "\(kind) λ \(s.weightDecay)")
            }
        }
        // Log-uniform: each of the 3 decades of lr holds 1/3 of the samples; uniform: the top
        // decade holds 90% (its share of the width, (1e-2 − 1e-3)/(1e-2 − 1e-5) = 0.901).
        // Binomial tolerance: 4 standard deviations of a share over 400 samples, 4·√(p(1−p)/400).
        func share(_ kind: TrialKind) -> Double {
            let s = specs.filter { $0.kind == kind }
            return Double(s.filter { $0.learningRate >= 1e-3 }.count) / Double(s.count)
        }
        XCTAssertEqual(share(.logUniform), 1.0 / 3, accuracy: 4 * (1.0 / 3 * 2.0 / 3 / 400).squareRoot())
        XCTAssertEqual(share(.uniform), 0.901, accuracy: 4 * (0.901 * 0.099 / 400).squareRoot())
    }

    func testLaterStagesWaitForEarlierOnes() {
        let c = SearchConfiguration()
        let plan = SearchPlan.make(c, done: [:])
        XCTAssertEqual(plan.stages.count, 1)
        XCTAssertEqual(plan.missing, Array(0..<plan.stages[0].count))
        XCTAssertFalse(plan.isComplete)
    }

    func testIdentityNamesTheConfigurationAndSeed() {
        var c = SearchConfiguration()
        let id = c.identity
        XCTAssertEqual(id.count, 16)
        XCTAssertEqual(id, SearchConfiguration().identity)
        c.seed = 7
        XCTAssertNotEqual(c.identity, id)
        c.seed = 0
        c.epochs += 1
        XCTAssertNotEqual(c.identity, id)
    }

    func testLogRangeGridAndPosition() {
        let r = LogRange(1e-4, 1)
        let grid = r.grid(3)
        XCTAssertEqual(grid.count, 3)
        for (value, expected) in zip(grid, [1e-4, 1e-2, 1]) { XCTAssertEqual(value, expected, accuracy: expected * 1e-12) }
        XCTAssertEqual(r.logPosition(1e-2), 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.logUniform(0.25), 1e-3, accuracy: 1e-15)
        XCTAssertEqual(r.uniform(0.5), 0.50005, accuracy: 1e-15)
    }
}
