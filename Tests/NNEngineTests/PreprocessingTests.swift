import NNEngine
import XCTest

final class PreprocessingTests: XCTestCase {
    /// Correlated 3-D data with unequal scales, and a second set from the same distribution.
    func correlated(_ n: Int, seed: UInt64) -> Tensor {
        var g = RandomStream(seed: seed)
        let z = Tensor.randomNormal(shape: [n, 3], using: &g)
        let mixing = Tensor(matrix: [[3, 1, 0], [0, 2, 0.5], [0, 0, 0.1]])
        return Tensor.matmul(z, mixing).addingToEachRow(Tensor([5, -2, 10]))
    }

    func covariance(_ x: Tensor) -> Tensor {
        let n = Double(x.shape[0])
        let centered = x.broadcastOverRows(x.columnSums * (1 / n), -)
        return Tensor.matmul(centered, centered, transposeA: true) * (1 / n)
    }

    func testStandardizationIsFittedOnTrainingDataOnly() throws {
        let train = correlated(500, seed: 1), test = correlated(300, seed: 2)
        let fitted = try Preprocessing.standardization.fit(train)
        let t = fitted(train)
        for j in 0..<3 {
            let column = Tensor((0..<500).map { t[$0, j] })
            XCTAssertEqual(column.mean, 0, accuracy: 1e-12)
            XCTAssertEqual(column.variance, 1, accuracy: 1e-12, "population variance")
        }
        // The test set is transformed with the training statistics, not its own.
        let applied = fitted(test)
        XCTAssertEqual(applied[0, 0], (test[0, 0] - fitted.mean.scalars[0]) / fitted.scale.scalars[0], accuracy: 1e-14)
        XCTAssertNotEqual(Tensor((0..<300).map { applied[$0, 0] }).mean, 0)
    }

    func testPCADecorrelatesAndWhiteningGivesIdentityCovariance() throws {
        let train = correlated(2000, seed: 3)
        let pca = try Preprocessing.pca(components: 3).fit(train)
        XCTAssert(pca.eigenvalues[0] >= pca.eigenvalues[1] && pca.eigenvalues[1] >= pca.eigenvalues[2])
        let c = covariance(pca(train))
        for i in 0..<3 {
            XCTAssertEqual(c[i, i], pca.eigenvalues[i], accuracy: 1e-9 * pca.eigenvalues[0])
            for j in 0..<3 where j != i { XCTAssertEqual(c[i, j], 0, accuracy: 1e-9) }
        }
        let white = try Preprocessing.whitening(components: 2).fit(train)
        let w = covariance(white(train))
        XCTAssertEqual(w.shape, [2, 2])
        // λ/(λ + ε) with ε = 1e-5: 1 to within 1e-5 relative for these eigenvalues (≥ 4).
        assertClose(w[0, 0], 1, tolerance: 1e-5, "whitened variance 0")
        assertClose(w[1, 1], 1, tolerance: 1e-5, "whitened variance 1")
        XCTAssertEqual(w[0, 1], 0, accuracy: 1e-9)
    }

    func testParsingAndTooManyComponents() throws {
        XCTAssertEqual(try Preprocessing(parsing: "whiten:8"), .whitening(components: 8))
        XCTAssertEqual(try Preprocessing(parsing: "standardize"), .standardization)
        XCTAssertThrowsError(try Preprocessing(parsing: "pca:0"))
        XCTAssertThrowsError(try Preprocessing(parsing: "zca"))
        XCTAssertThrowsError(try Preprocessing.pca(components: 4).fit(correlated(10, seed: 4)))
    }
}
