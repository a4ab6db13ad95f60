import NNEngine
import XCTest

/// Asserts that a gradient check reached at least `band`, printing the report either way so the
/// test log shows expected band, observed error and where it was worst.
func assertGradient(_ report: GradientCheck.Report, reaches band: GradientCheck.Band, _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    print("gradient check \(what): expected \(band) or better, observed \(report)")
    XCTAssertGreaterThanOrEqual(report.band, band, "\(what): \(report)", file: file, line: line)
}

/// A tensor drawn from N(mean, std²) with its own seed.
func randomTensor(_ shape: [Int], seed: UInt64, mean: Double = 0, std: Double = 1) -> Tensor {
    var generator = RandomStream(seed: seed)
    return Tensor.randomNormal(shape: shape, mean: mean, std: std, using: &generator)
}

/// A tensor whose elements are at least `gap` away from 0, so that kinks at 0 (ReLU and the
/// like) are never within the finite-difference step.
func tensorAwayFromZero(_ shape: [Int], seed: UInt64, gap: Double = 0.1) -> Tensor {
    randomTensor(shape, seed: seed).map { $0 >= 0 ? $0 + gap : $0 - gap }
}
