import InitStudy
import NNEngine
import XCTest

/// A scheme whose numbers leave float64 is a result with the layer where it broke.
final class SignalOutcomeTests: XCTestCase {
    func run(_ scheme: Scheme, depth: Int) throws -> SchemeResult {
        try InitStudy.run(InitStudyConfiguration(depth: depth, width: 64, batch: 16, seed: 0, bins: 20), schemes: [scheme]).schemes[0]
    }

    func testTinyWeightsUnderflowDeepInTheNet() throws {
        let small = try run(Scheme.named("small"), depth: 150)
        guard case .vanished(.activations, let layer) = small.outcome else { return XCTFail("\(small.outcome)") }
        XCTAssert((100...150).contains(layer), "underflow near layer 147, got \(layer)")
        XCTAssertEqual(small.verdict, small.outcome.message)
        XCTAssert(small.verdict.contains("exactly 0 at layer \(layer)"), small.verdict)
    }

    func testHugeWeightsOverflowAtTheSecondLayer() throws {
        let huge = Scheme(name: "custom", initializer: try Initializer(parsing: "normal:1e100"), activation: .relu, expectation: "")
        let result = try run(huge, depth: 6)
        XCTAssertEqual(result.outcome, .overflowed(signal: .activations, layer: 2, value: .plusInfinity))
        XCTAssertEqual(result.outcome.activationsStoppedAtLayer, 2)
        XCTAssert(result.verdict.hasPrefix("activations overflowed to +∞ at layer 2"), result.verdict)
    }

    func testTheLectureSchemesStayFinite() throws {
        for scheme in Scheme.builtIn {
            XCTAssertEqual(try run(scheme, depth: 6).outcome, .finite, scheme.name)
        }
    }
}
