import NNEngine
import XCTest
@testable import Optimizers

/// The second-order figures' data: Newton stops on the saddle point, L-BFGS and Newton reach
/// the valley's minimum, and SGD under gradient noise settles at the predicted floor at a
/// constant rate and below it with a decaying one.
final class SecondOrderStudyTests: XCTestCase {
    func testNewtonStopsOnTheSaddleAndBothReachTheValleyMinimum() throws {
        let configuration = OptimizersConfiguration(functions: [.valley, .saddle], optimizers: [.sgd, .adam()], steps: 60, animation: false)
        let study = SecondOrderStudy.run(try OptimizersStudy.run(configuration))
        let valley = study.surfaces[0], saddle = study.surfaces[1]
        XCTAssertEqual(valley.firstOrder.map(\.name), ["sgd", "adam"])
        for path in valley.secondOrder {
            XCTAssertEqual(path.points.last!.x, 0, accuracy: 1e-8, path.method)
            XCTAssertEqual(path.points.last!.y, 0, accuracy: 1e-8, path.method)
        }
        let newton = saddle.secondOrder[0]
        XCTAssertEqual(newton.stop, .stationary(step: 1))
        XCTAssertEqual(SecondOrderReport.stationaryKind(newton.points[1], on: .saddle), "saddle point")
        for path in saddle.secondOrder.dropFirst() {
            guard case .leftDomain = path.stop else { return XCTFail("\(path.method) should escape the saddle: \(path.stop)") }
        }
    }

    /// Over the last 200 of 1000 steps the constant rate's mean squared distance matches
    /// Σ ησ²/(c(2 − ηc)). Tolerance: the x coordinate dominates, with correlation time
    /// 1/(2ηc) ≈ 12 steps, so 200 steps × 40 runs hold ≈ 16 × 40 = 640 independent squares of a
    /// normal, whose mean has relative standard error √(2/640) ≈ 0.056; four of them is 0.22.
    func testConstantRateSettlesAtThePredictedFloorAndDecayGoesBelow() {
        let noise = NoiseDecayStudy.run(seed: 0, noise: RandomStream(seed: 0).stream(StreamKey("noise-decay")))
        let constant = noise.curves[0].rmsDistance, decaying = noise.curves[1].rmsDistance
        XCTAssertEqual(constant[1], decaying[1], "the first update has the same rate and the same noise")
        let tail = constant.suffix(200).map { $0 * $0 }.reduce(0, +) / 200
        let floor = noise.predictedFloor * noise.predictedFloor
        print("constant lr: mean squared distance \(tail), predicted \(floor)")
        XCTAssertEqual(tail / floor, 1, accuracy: 4 * (2.0 / 640).squareRoot())
        XCTAssertLessThan(decaying.last!, 0.5 * noise.predictedFloor)
    }
}
