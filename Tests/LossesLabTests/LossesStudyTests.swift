import Foundation
@testable import LossesLab
import NNEngine
import XCTest

/// The fitted studies on small configurations.
final class LossesStudyTests: XCTestCase {
    static var small: LossesLabConfiguration {
        var c = LossesLabConfiguration()
        c.sampleSize = 301
        c.fitSteps = 600
        c.surfaceGrid = 31
        return c
    }

    func testMSEFindsTheMeanAndMAETheMedian() throws {
        let m = try MeanMedianFit.run(Self.small, root: RandomStream(seed: 2))
        XCTAssertEqual(m.fittedMSE, m.mean, accuracy: 1e-2)
        // MAE is flat between the two middle order statistics; an odd sample has one median.
        XCTAssertEqual(m.fittedMAE, m.median, accuracy: 1e-2)
        XCTAssertGreaterThan(m.mean, m.median, "right-skewed")
    }

    func testForwardKLCoversAndReverseKLSeeksAMode() throws {
        let k = try GaussianKLFit.run(Self.small)
        XCTAssertEqual(k.fits[0].mean, k.momentMean, accuracy: 1e-2)
        XCTAssertEqual(k.fits[0].std, k.momentStd, accuracy: 1e-2, "min KL(p‖q) over Gaussians matches moments")
        XCTAssertEqual(k.fits[1].mean, 2.5, accuracy: 0.05)
        XCTAssertEqual(k.fits[2].mean, -2.5, accuracy: 0.05)
        XCTAssertEqual(k.fits[1].std, 0.7, accuracy: 0.05)
        for f in k.fits { XCTAssertLessThan(f.gradientCheck, 1e-7, f.objective) }
    }

    func testL2SurfaceIsNotConvexAndKLIs() {
        // The default grid: on a coarse one (31 points, steps of 0.67) the second differences'
        // estimate of a nearly flat Hessian can dip below 0 in a few cells of the convex KL.
        var c = Self.small
        c.surfaceGrid = LossesLabConfiguration().surfaceGrid
        let p = PerceptronSurface.run(c, root: RandomStream(seed: 0))
        let (l2, kl) = (p.surfaces[0], p.surfaces[1])
        XCTAssertGreaterThan(l2.nonConvexFraction, 0.1)
        XCTAssertEqual(kl.nonConvexFraction, 0, "BCE of a linear score is convex: Hessian Xᵀ diag(σ(1−σ)) X")
        XCTAssertLessThan(max(l2.gradientCheck, kl.gradientCheck), 1e-7)
    }
}
