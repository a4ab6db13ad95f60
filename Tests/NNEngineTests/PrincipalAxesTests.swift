import NNEngine
import XCTest

/// The preprocessing stages of `PrincipalAxes`: fitted on training data, exact on it, applied
/// unchanged to other data.
final class PrincipalAxesTests: XCTestCase {
    /// Correlated 3-D data with unequal scales, off the origin.
    func correlated(_ n: Int, seed: UInt64) -> Tensor {
        var g = RandomStream(seed: seed)
        let z = Tensor.randomNormal(shape: [n, 3], using: &g)
        let mixing = Tensor(matrix: [[3, 1, 0], [0, 2, 0.5], [0, 0, 0.1]])
        return Tensor.matmul(z, mixing).addingToEachRow(Tensor([5, -2, 10]))
    }

    func maxDeviation(_ c: Tensor, from expected: (Int, Int) -> Double) -> Double {
        var worst = 0.0
        for i in 0..<c.shape[0] { for j in 0..<c.shape[1] { worst = max(worst, abs(c[i, j] - expected(i, j))) } }
        return worst
    }

    func testWhiteningGivesTheIdentityCovarianceOnTheTrainingData() throws {
        let train = correlated(400, seed: 1)
        let axes = try PrincipalAxes(fitting: train)
        let whitened = axes.apply(train, stage: .whitened)
        let deviation = maxDeviation(PrincipalAxes.covariance(whitened)) { $0 == $1 ? 1 : 0 }
        print("max |Cov(whitened) − I| = \(deviation) (limit 1e-10)")
        XCTAssertLessThanOrEqual(deviation, 1e-10)
        // Its mean is 0 as well.
        XCTAssertLessThanOrEqual((whitened.columnSums * (1 / 400)).scalars.map(abs).max()!, 1e-12)
    }

    func testDecorrelationGivesTheEigenvaluesOnTheDiagonalLargestFirst() throws {
        let train = correlated(300, seed: 2)
        let axes = try PrincipalAxes(fitting: train)
        XCTAssertEqual(axes.eigenvalues, axes.eigenvalues.sorted(by: >))
        let c = PrincipalAxes.covariance(axes.apply(train, stage: .decorrelated))
        let relative = maxDeviation(c) { $0 == $1 ? axes.eigenvalues[$0] : 0 } / axes.eigenvalues[0]
        XCTAssertLessThanOrEqual(relative, 1e-12)
        // U is orthonormal, and its trace is the covariance's.
        let identity = Tensor.matmul(axes.eigenvectors, axes.eigenvectors, transposeA: true)
        XCTAssertLessThanOrEqual(maxDeviation(identity) { $0 == $1 ? 1 : 0 }, 1e-12)
        let covariance = PrincipalAxes.covariance(train)
        XCTAssertEqual(axes.eigenvalues.reduce(0, +), (0..<3).map { covariance[$0, $0] }.reduce(0, +), accuracy: 1e-10)
    }

    func testTwoByTwoEigenvaluesMatchTheClosedForm() throws {
        let x = Tensor(shape: [4, 2], scalars: [1, 2, 3, 3, 0, 1, 4, 6])
        let c = PrincipalAxes.covariance(x)
        let (a, b, d) = (c[0, 0], c[0, 1], c[1, 1])
        let half = ((a - d) * (a - d) / 4 + b * b).squareRoot()
        let axes = try PrincipalAxes(fitting: x)
        XCTAssertEqual(axes.eigenvalues[0], (a + d) / 2 + half, accuracy: 1e-12)
        XCTAssertEqual(axes.eigenvalues[1], (a + d) / 2 - half, accuracy: 1e-12)
        // Each eigenvector's largest entry is positive (a stable sign whatever LAPACK returns).
        for j in 0..<2 {
            let column = [axes.eigenvectors[0, j], axes.eigenvectors[1, j]]
            XCTAssertGreaterThan(column.max { abs($0) < abs($1) }!, 0)
        }
    }

    func testOtherDataIsTransformedWithTheTrainingStatistics() throws {
        let train = correlated(200, seed: 3), validation = correlated(100, seed: 4)
        let axes = try PrincipalAxes(fitting: train)
        let centred = axes.apply(validation, stage: .centred)
        let normalized = axes.apply(validation, stage: .normalized)
        for j in 0..<3 {
            XCTAssertEqual(centred[7, j], validation[7, j] - axes.mean.scalars[j], accuracy: 1e-14)
            XCTAssertEqual(normalized[7, j], (validation[7, j] - axes.mean.scalars[j]) / axes.std.scalars[j], accuracy: 1e-14)
        }
        // The validation part is only approximately white: its own statistics were not used.
        let deviation = maxDeviation(PrincipalAxes.covariance(axes.apply(validation, stage: .whitened))) { $0 == $1 ? 1 : 0 }
        XCTAssertGreaterThan(deviation, 1e-6)
        // Two components keep the two leading columns of the full projection.
        let two = axes.apply(validation, stage: .whitened, components: 2), all = axes.apply(validation, stage: .whitened)
        XCTAssertEqual(two.shape, [100, 2])
        XCTAssertEqual(two[5, 1], all[5, 1], accuracy: 1e-12)
    }

    func testNormalizationLeavesAConstantFeatureAtZeroAndEpsilonMustBeValid() throws {
        let x = Tensor(shape: [3, 2], scalars: [1, 7, 2, 7, 4, 7])
        let axes = try PrincipalAxes(fitting: x)
        let normalized = axes.apply(x, stage: .normalized)
        XCTAssertEqual((0..<3).map { normalized[$0, 1] }, [0, 0, 0])
        XCTAssertEqual(axes.eigenvalues[1], 0, accuracy: 1e-12)
        XCTAssertThrowsError(try PrincipalAxes(fitting: x, epsilon: -1))
        XCTAssertThrowsError(try PrincipalAxes(fitting: x, epsilon: .nan))
        // With ε > 0 a direction of zero variance stays finite.
        let smoothed = try PrincipalAxes(fitting: x, epsilon: 1e-5).apply(x, stage: .whitened)
        XCTAssert(smoothed.scalars.allSatisfy(\.isFinite))
    }
}
