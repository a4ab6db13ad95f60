import XCTest
@testable import NNEngine

/// `|observed − expected| / max(|observed|, |expected|)`, or the absolute difference when both are
/// zero-sized, so an expected 0 is checked absolutely.
func relativeError(_ observed: Double, _ expected: Double) -> Double {
    let scale = max(abs(observed), abs(expected))
    return scale == 0 ? 0 : (scale < 1e-300 ? abs(observed - expected) : abs(observed - expected) / scale)
}

/// Fails unless `observed` is within `tolerance` relative error of `expected`, printing both.
func assertClose(_ observed: Double, _ expected: Double, tolerance: Double = 1e-12, _ what: @autoclosure () -> String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    let error = relativeError(observed, expected)
    XCTAssert(error <= tolerance,
              "\(what()): expected \(expected), observed \(observed), relative error \(error) > \(tolerance)",
              file: file, line: line)
}

/// Elementwise `assertClose` of a tensor against expected scalars.
func assertClose(_ observed: Tensor, _ expected: [Double], tolerance: Double = 1e-12, _ what: @autoclosure () -> String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(observed.count, expected.count, "\(what()): element count", file: file, line: line)
    for (i, (o, e)) in zip(observed.scalars, expected).enumerated() {
        assertClose(o, e, tolerance: tolerance, "\(what())[\(i)]", file: file, line: line)
    }
}

/// A fixed parameter and gradient sequence for the step-by-step formula checks: signs change,
/// magnitudes differ by 30×, and one component is exactly 0 at step 4.
enum Fixture {
    static let start: [Double] = [1.0, -2.0, 0.5]
    static let gradients: [[Double]] = [
        [0.5, -1.2, 3.0],
        [0.1, 0.4, -2.5],
        [-0.7, 0.9, 1.5],
        [1.1, -0.3, 0.0],
        [0.2, 2.0, -0.8],
    ]

    /// Runs `optimizer` over the gradient sequence with `step(_:gradient:)`, returning `x` after
    /// each step.
    static func run<O: Optimizer>(_ optimizer: inout O) -> [Tensor] {
        var x = Tensor(start)
        return gradients.map { g in
            optimizer.step(&x, gradient: Tensor(g))
            return x
        }
    }

    /// Checks every step of `observed` against the hand-computed `expected[step][element]`.
    static func check(_ observed: [Tensor], _ expected: [[Double]], _ name: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(observed.count, expected.count, file: file, line: line)
        for (t, (o, e)) in zip(observed, expected).enumerated() {
            assertClose(o, e, "\(name) x after step \(t + 1)", file: file, line: line)
        }
    }
}
