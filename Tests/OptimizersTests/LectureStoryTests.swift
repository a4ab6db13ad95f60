import Foundation
import XCTest
import NNEngine
@testable import Optimizers

/// The lab's defaults tell the `004` deck's story: the numbers, not the pictures, are checked.
final class LectureStoryTests: XCTestCase {
    static let result = try! OptimizersStudy.run(OptimizersConfiguration(functions: [.beale, .saddle, .valley]))

    func runs(_ function: TestFunction) -> [String: OptimizerRun] {
        let study = Self.result.studies.first { $0.function == function }!
        return Dictionary(uniqueKeysWithValues: study.runs.map { ($0.name, $0) })
    }

    static let adaptive = ["adagrad", "rmsprop", "adadelta", "adam", "adamax"]

    /// Beale from (1, 1.5): momentum dives far below the valley floor (y < −0.9) and climbs back
    /// out; Nesterov turns earlier (higher lowest y, shorter path) and never climbs; the adaptive
    /// methods head for the minimum without crossing under the floor; Adam reaches it.
    func testBealeMomentumOvershootsNesterovCorrectsSoonerAdaptiveHeadToTheMinimum() {
        let beale = runs(.beale)
        func lowestY(_ name: String) -> Double { beale[name]!.trajectory.map(\.y).min()! }
        let (momentum, nesterov) = (beale["momentum"]!, beale["nesterov"]!)
        print("lowest y: momentum \(lowestY("momentum")), nesterov \(lowestY("nesterov")), adaptive \(Self.adaptive.map(lowestY))")
        XCTAssertLessThan(lowestY("momentum"), -0.9)
        XCTAssertLessThan(lowestY("nesterov"), -0.5, "Nesterov overshoots too")
        XCTAssertGreaterThan(lowestY("nesterov"), lowestY("momentum") + 0.2, "Nesterov corrects sooner")
        XCTAssertLessThan(nesterov.distanceTravelled.last!, momentum.distanceTravelled.last!)
        XCTAssertGreaterThan(momentum.largestRise!, 0.1, "momentum climbs the far side")
        XCTAssertEqual(nesterov.largestRise, 0, "Nesterov's look-ahead never climbs")
        for name in Self.adaptive {
            XCTAssertGreaterThan(lowestY(name), -0.1, "\(name) does not overshoot the floor")
            let final = beale[name]!.final
            XCTAssertLessThan(hypot(final.x - 3, final.y - 0.5), 0.2, "\(name) ends near (3, 0.5)")
            XCTAssertFalse(beale[name]!.diverged)
        }
        XCTAssertNotNil(beale["adam"]!.reachedMinimumAtStep, "Adam reaches Beale's minimum from (1, 1.5)")
        XCTAssertLessThan(beale["adam"]!.final.f, 1e-6)
    }

    /// Saddle from (−1.5, 1e-3): SGD, momentum and Nesterov slide to the saddle point and linger
    /// (|y| < 0.5 after 300 steps); every adaptive method leaves the domain along y.
    func testSaddlePlainAndMomentumLingerAdaptiveEscape() {
        let saddle = runs(.saddle)
        for name in ["sgd", "momentum", "nesterov"] {
            let run = saddle[name]!
            XCTAssertNil(run.leftDomainAtStep, name)
            XCTAssertLessThan(abs(run.final.y), 0.5, name)
            XCTAssertLessThan(abs(run.final.x), 0.01, "\(name) sits at the saddle point")
        }
        for name in Self.adaptive {
            let step = saddle[name]!.leftDomainAtStep
            XCTAssertNotNil(step, "\(name) escapes")
            XCTAssertLessThan(step ?? .max, 150, name)
            XCTAssertFalse(saddle[name]!.diverged, "escaping is not diverging")
            XCTAssertNil(saddle[name]!.largestRise)
        }
    }

    /// SGD on the valley: too small crawls, right converges, too large oscillates, then diverges.
    func testLearningRateSweep() throws {
        let sweep = try XCTUnwrap(Self.result.sweep)
        XCTAssertEqual(sweep.entries.map(\.learningRate), LectureSettings.sweepLearningRates)
        let verdicts = sweep.entries.map { String($0.verdict.prefix { $0 != ":" && $0 != " " }) }
        XCTAssertEqual(verdicts, ["crawls", "slow", "converges", "oscillates", "diverges"], "\(sweep.entries.map(\.verdict))")
        // y ← (1 − 4·lr)·y: at 0.55 |y| grows by 1.2 per step from 2 and passes the divergence
        // box's 400 after ⌈ln 200 / ln 1.2⌉ = 30 steps.
        XCTAssertEqual(sweep.entries[4].run.divergedAtStep, 30)
        XCTAssertTrue(sweep.entries[4].run.diverged)
        XCTAssertEqual(sweep.entries[2].run.reachedMinimumAtStep, 96)
    }

    func testNoiseIsDeterministicUnderASeed() throws {
        func noisy(_ seed: UInt64) throws -> OptimizersResult {
            try OptimizersStudy.run(OptimizersConfiguration(functions: [.valley], optimizers: [.sgd, .momentum()],
                                                            steps: 50, noise: 1, seed: seed))
        }
        let (a, b, c) = (try noisy(7), try noisy(7), try noisy(8))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.studies[0].runs[0].trajectory, c.studies[0].runs[0].trajectory)
        XCTAssertNotEqual(a.studies[0].runs[0].trajectory, a.studies[0].runs[1].trajectory)
        let exact = try OptimizersStudy.run(OptimizersConfiguration(functions: [.valley], optimizers: [.sgd], steps: 50))
        XCTAssertNotEqual(a.studies[0].runs[0].trajectory, exact.studies[0].runs[0].trajectory)
        XCTAssertEqual(a.studies[0].runs[0].gradientNoise, 1)
        // Two runs encode to the same bytes.
        XCTAssertEqual(try JSONOutputBytes(a), try JSONOutputBytes(b))
    }

    func JSONOutputBytes(_ value: OptimizersResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    func testAbsentValuesAreWrittenAsNull() throws {
        let run = runs(.saddle)["sgd"]!
        let json = String(decoding: try JSONEncoder().encode(run), as: UTF8.self)
        for key in ["reachedMinimumAtStep", "divergedAtStep", "leftDomainAtStep", "largestRise"] {
            XCTAssertTrue(json.contains("\"\(key)\":null"), "\(key) missing from \(json.prefix(300))")
        }
    }

    func testZoomKeepsPathsInsideTheDomain() {
        let domain = PlotDomain(x: -4.5...4.5, y: -4.5...4.5)
        let zoomed = FunctionStudy.zoom(domain, on: [Point2D(1, 1.5), Point2D(3, 0.5), Point2D(100, 100)])
        XCTAssertEqual(zoomed.x.lowerBound, 1 - 0.12 * 2, accuracy: 1e-12)
        XCTAssertEqual(zoomed.x.upperBound, 3 + 0.12 * 2, accuracy: 1e-12)
        // y spans 1, less than a quarter of 9: widened to 2.25 around its middle.
        XCTAssertEqual(zoomed.y.upperBound - zoomed.y.lowerBound, 2.25, accuracy: 1e-12)
        XCTAssertEqual(FunctionStudy.zoom(domain, on: [Point2D(9, 9)]), domain, "nothing inside: the whole domain")
    }
}
