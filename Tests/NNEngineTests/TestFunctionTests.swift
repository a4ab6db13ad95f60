import XCTest
@testable import NNEngine

/// The 2-D test functions: analytic gradients against centered differences, and their minima.
final class TestFunctionTests: XCTestCase {
    let points = [Point2D(0.3, -0.7), Point2D(-1.2, 1.0), Point2D(2.5, 0.4), Point2D(-0.8, -1.9), Point2D(1.7, 2.2)]

    /// Relative error `|a − n| / max(|a|, |n|)` of each component against the centered difference
    /// `(f(x + h) − f(x − h)) / 2h`, with `h = 1e-5`; the lecture's "happy" band is below 1e-7.
    func testGradientsMatchCenteredDifferences() {
        let h = 1e-5
        for function in TestFunction.allCases {
            for p in points {
                let analytic = function.gradient(x: p.x, y: p.y)
                let numericX = (function.value(x: p.x + h, y: p.y) - function.value(x: p.x - h, y: p.y)) / (2 * h)
                let numericY = (function.value(x: p.x, y: p.y + h) - function.value(x: p.x, y: p.y - h)) / (2 * h)
                for (a, n, axis) in [(analytic.dx, numericX, "x"), (analytic.dy, numericY, "y")] {
                    let error = relativeError(a, n)
                    XCTAssertLessThan(error, 1e-7, "\(function) ∂f/∂\(axis) at (\(p.x), \(p.y)): analytic \(a), numeric \(n)")
                }
            }
        }
    }

    func testTensorFormsAgreeWithScalarForms() {
        for function in TestFunction.allCases {
            let p = Point2D(0.9, -0.4)
            XCTAssertEqual(function.value(p.tensor), function.value(at: p))
            let g = function.gradient(x: p.x, y: p.y)
            XCTAssertEqual(function.gradient(p.tensor).scalars, [g.dx, g.dy])
        }
    }

    func testMinimaHaveZeroValueAndGradient() {
        for function in TestFunction.allCases where function != .saddle {
            XCTAssertFalse(function.minima.isEmpty)
            for m in function.minima {
                let f = function.value(at: m)
                let g = function.gradient(x: m.x, y: m.y)
                XCTAssertLessThan(abs(f - function.minimumValue!), 1e-20, "\(function) f at (\(m.x), \(m.y)) = \(f)")
                XCTAssertLessThan(abs(g.dx) + abs(g.dy), 1e-12, "\(function) ∇f at (\(m.x), \(m.y)) = \(g)")
                XCTAssertTrue(function.domain.contains(m), "\(function) minimum inside its plotting domain")
            }
        }
        XCTAssertEqual(TestFunction.himmelblau.minima.count, 4)
        XCTAssertEqual(TestFunction.beale.minima, [Point2D(3, 0.5)])
    }

    /// The minima given to 6 decimals in the literature agree with the refined ones.
    func testHimmelblauLiteratureMinima() {
        let literature = [Point2D(3, 2), Point2D(-2.805118, 3.131312), Point2D(-3.779310, -3.283186), Point2D(3.584428, -1.848126)]
        for (m, l) in zip(TestFunction.himmelblau.minima, literature) {
            XCTAssertEqual(m.x, l.x, accuracy: 1e-6)
            XCTAssertEqual(m.y, l.y, accuracy: 1e-6)
            XCTAssertLessThan(TestFunction.himmelblau.value(at: l), 1e-9)
        }
    }

    func testSaddleHasNoMinimum() {
        XCTAssertTrue(TestFunction.saddle.minima.isEmpty)
        XCTAssertNil(TestFunction.saddle.minimumValue)
        let g = TestFunction.saddle.gradient(x: 0, y: 0)
        XCTAssertEqual(g.dx, 0)
        XCTAssertEqual(g.dy, 0)
        XCTAssertLessThan(TestFunction.saddle.value(x: 0, y: 3), TestFunction.saddle.value(x: 0, y: 0))
    }

    func testDefaultStartsLieInTheDomain() {
        for function in TestFunction.allCases {
            XCTAssertTrue(function.domain.contains(function.defaultStart), "\(function)")
            XCTAssertGreaterThan(function.value(at: function.defaultStart), 0, "\(function) starts above its minimum")
        }
    }

    func testParsing() {
        XCTAssertEqual(try TestFunction(parsing: "Rosenbrock"), .rosenbrock)
        XCTAssertThrowsError(try TestFunction(parsing: "ackley")) { error in
            XCTAssertEqual((error as? LabError)?.message,
                           "unknown test function 'ackley'; valid: beale, valley, rosenbrock, saddle, himmelblau")
        }
    }
}
