import XCTest
@testable import NNEngine

/// The test functions' Hessians against centred differences of their gradients; Newton's method
/// and L-BFGS against their formulas on quadratics.
final class SecondOrderTests: XCTestCase {
    /// Each row of ∇²f against the centred differences of the matching gradient component, at
    /// points away from the minima (where entries are not all small), with the lecture's
    /// threshold for smooth functions (relative error < 1e-7).
    func testHessiansMatchCentredDifferencesOfTheGradient() {
        let points = [Point2D(0.7, -1.3), Point2D(-2.1, 0.4), Point2D(1.5, 1.1), Point2D(-0.3, -0.8)]
        for f in TestFunction.allCases {
            for p in points {
                let h = f.hessian(x: p.x, y: p.y)
                for (row, analytic) in [(0, [h.xx, h.xy]), (1, [h.xy, h.yy])] {
                    let component: (Tensor) -> Double = { t in
                        let g = f.gradient(x: t.scalars[0], y: t.scalars[1])
                        return row == 0 ? g.dx : g.dy
                    }
                    let report = GradientCheck.check(component, at: p.tensor, analytic: Tensor(analytic), absoluteTolerance: 1e-9)
                    XCTAssertLessThan(report.maxRelativeError, 1e-7, "\(f) at \(p), row \(row): \(report)")
                }
            }
        }
    }

    /// On a quadratic f = ½xᵀAx + bᵀx the Newton step −A⁻¹∇f lands on the minimum −A⁻¹b at once:
    /// the valley from anywhere, to rounding.
    func testNewtonConvergesInOneStepOnAQuadratic() {
        for start in [Point2D(-9, 2), Point2D(3.5, -1.25), Point2D(1e3, 7)] {
            let path = NewtonMethod.run(on: .valley, from: start, steps: 10, domain: PlotDomain(x: -1e4...1e4, y: -1e4...1e4))
            XCTAssertEqual(path.points.count, 2, "one update, then ∇f = 0")
            XCTAssertEqual(path.points[1].x, 0, accuracy: 1e-12 * abs(start.x))
            XCTAssertEqual(path.points[1].y, 0, accuracy: 1e-12 * abs(start.y))
            XCTAssertEqual(path.stop, .stationary(step: 1))
        }
        // On x² − y² the one step goes to the stationary point, which is the saddle.
        let saddle = NewtonMethod.run(on: .saddle, from: TestFunction.saddle.defaultStart, steps: 10, domain: TestFunction.saddle.domain)
        XCTAssertEqual(saddle.points[1].x, 0, accuracy: 1e-15)
        XCTAssertEqual(saddle.points[1].y, 0, accuracy: 1e-15)
        XCTAssertEqual(saddle.stop, .stationary(step: 1))
    }

    /// The explicit BFGS inverse Hessian Hₖ = Vᵢᵀ Hᵢ Vᵢ + ρᵢ sᵢ sᵢᵀ (Vᵢ = I − ρᵢ yᵢ sᵢᵀ) from
    /// H⁰ = γI over the last m pairs, as n×n matrices.
    static func explicitDirection(gradient g: [Double], pairs: [LBFGS.Pair]) -> [Double] {
        let n = g.count
        let gamma = pairs.last.map { dot($0.s, $0.y) / dot($0.y, $0.y) } ?? 1
        var h = (0..<n).map { i in (0..<n).map { j in i == j ? gamma : 0 } }
        for pair in pairs {
            let rho = 1 / dot(pair.y, pair.s)
            let v = (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - rho * pair.y[i] * pair.s[j] } }
            // Vᵀ H V + ρ s sᵀ
            let hv = (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + h[i][$1] * v[$1][j] } } }
            h = (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0) { $0 + v[$1][i] * hv[$1][j] } + rho * pair.s[i] * pair.s[j] } }
        }
        return (0..<n).map { i in -(0..<n).reduce(0) { $0 + h[i][$1] * g[$1] } }
    }

    /// A 3-D quadratic with A = [[4, 1, 0], [1, 3, 0.5], [0, 0.5, 2]], b = (1, −2, 0.5).
    static let a: [[Double]] = [[4, 1, 0], [1, 3, 0.5], [0, 0.5, 2]]
    static let b: [Double] = [1, -2, 0.5]
    static var quadratic: Objective {
        Objective(value: { x in 0.5 * dot(x, Self.times(x)) + dot(Self.b, x) },
                  gradient: { x in zip(Self.times(x), Self.b).map { $0 + $1 } })
    }
    static func times(_ x: [Double]) -> [Double] { a.map { dot($0, x) } }

    /// Step by step, the two-loop direction equals the explicit matrix one for the pairs L-BFGS
    /// holds, with memory 1, 2 and 5 (so the oldest pairs are dropped in the first two).
    func testTwoLoopRecursionEqualsExplicitInverseHessianStepByStep() {
        for m in [1, 2, 5] {
            let run = LBFGS(memory: m).run(Self.quadratic, from: [2, -1, 3], steps: 6)
            var pairs: [LBFGS.Pair] = []
            for k in 0..<(run.iterates.count - 1) {
                let g = Self.quadratic.gradient(run.iterates[k])
                let twoLoop = LBFGS.direction(gradient: g, pairs: pairs)
                let explicit = Self.explicitDirection(gradient: g, pairs: pairs)
                for (t, e) in zip(twoLoop, explicit) {
                    XCTAssertEqual(t, e, accuracy: 1e-10 * max(1, abs(e)), "m = \(m), step \(k)")
                }
                // The step taken is along that direction.
                let s = zip(run.iterates[k + 1], run.iterates[k]).map { $0 - $1 }
                let alpha = dot(s, twoLoop) / dot(twoLoop, twoLoop)
                for (si, di) in zip(s, twoLoop) { XCTAssertEqual(si, alpha * di, accuracy: 1e-10 * max(1, abs(si))) }
                pairs.append(LBFGS.Pair(s: s, y: zip(Self.quadratic.gradient(run.iterates[k + 1]), g).map { $0 - $1 }))
                if pairs.count > m { pairs.removeFirst() }
            }
        }
    }

    /// With m ≥ n and the exact step α = −gᵀd / dᵀAd, the directions are A-conjugate and L-BFGS
    /// reaches the minimum of an n-dimensional quadratic in at most n steps: 3 here, and 2 on the
    /// valley.
    func testWithFullMemoryAndExactSearchAQuadraticTakesAtMostNSteps() {
        let exact: ([Double], [Double], [Double]) -> Double = { _, d, g in -dot(g, d) / dot(d, Self.times(d)) }
        let run = LBFGS(memory: 3).run(Self.quadratic, from: [2, -1, 3], steps: 10, stepLength: exact)
        XCTAssertLessThanOrEqual(run.iterates.count - 1, 3, "steps taken")
        XCTAssertLessThanOrEqual(Self.quadratic.gradient(run.iterates.last!).map(abs).max()!, 1e-9)

        let valley: ([Double], [Double], [Double]) -> Double = { _, d, g in -dot(g, d) / (0.2 * d[0] * d[0] + 4 * d[1] * d[1]) }
        let onValley = LBFGS(memory: 2).run(Objective(.valley), from: [-9, 2], steps: 10, stepLength: valley)
        XCTAssertLessThanOrEqual(onValley.iterates.count - 1, 2)
        XCTAssertEqual(onValley.iterates.last![0], 0, accuracy: 1e-12)
        XCTAssertEqual(onValley.iterates.last![1], 0, accuracy: 1e-12)
    }

    /// The strong-Wolfe search's steps satisfy both conditions along a Rosenbrock run, so every
    /// pair has sᵀy > 0; and L-BFGS reaches Rosenbrock's minimum.
    func testLineSearchStepsSatisfyStrongWolfe() {
        let objective = Objective(.rosenbrock)
        let search = StrongWolfeLineSearch()
        let run = LBFGS(memory: 5).run(objective, from: [-1.2, 1], steps: 200)
        for k in 0..<(run.iterates.count - 1) {
            let x = run.iterates[k], next = run.iterates[k + 1]
            let g = objective.gradient(x), gNext = objective.gradient(next)
            let s = zip(next, x).map { $0 - $1 }
            XCTAssertLessThanOrEqual(run.values[k + 1], run.values[k] + search.c1 * dot(g, s) + 1e-15, "Armijo at step \(k)")
            XCTAssertLessThanOrEqual(abs(dot(gNext, s)), search.c2 * abs(dot(g, s)) + 1e-15, "curvature at step \(k)")
        }
        XCTAssertEqual(run.stop, .stationary(step: run.iterates.count - 1))
        XCTAssertEqual(run.iterates.last![0], 1, accuracy: 1e-6)
        XCTAssertEqual(run.iterates.last![1], 1, accuracy: 1e-6)
    }
}
