import Foundation
import XCTest
@testable import NNEngine

/// Every activation's derivative against centered differences, stability at extreme inputs,
/// reference values and CLI parsing.
final class ActivationTests: XCTestCase {
    static let all: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(slope: 0.01), .leakyReLU(slope: 0.2),
                                    .elu(alpha: 1), .elu(alpha: 0.5), .selu, .gelu, .softplus]
    /// Away from the kink at 0 of ReLU-like functions.
    static let points: [Double] = [-3.7, -2.1, -0.9, -0.35, 0.2, 0.75, 1.4, 2.6, 4.2]

    func testDerivativesMatchCenteredDifferences() {
        // h = 1e-5: truncation error h²f‴/6 ≈ 1e-11 and rounding error ε·|f|/h ≈ 1e-11, both far
        // below the 1e-7 relative error the lectures (CS231n, gradient checks) call correct.
        let h = 1e-5
        for f in Self.all {
            for z in Self.points {
                let analytic = f.derivative(z)
                let numeric = (f(z + h) - f(z - h)) / (2 * h)
                let scale = max(abs(analytic), abs(numeric))
                let error = scale == 0 ? 0 : abs(analytic - numeric) / scale
                let report = "\(f) at \(z): analytic \(analytic), numeric \(numeric), relative error \(error)"
                XCTAssertLessThan(error, 1e-7, report)
            }
        }
    }

    func testTensorFormsApplyElementwise() {
        let z = Tensor(matrix: [[-1, 0.5], [2, -0.25]])
        for f in Self.all {
            XCTAssertEqual(f(z).scalars, z.scalars.map { f($0) }, "\(f)")
            XCTAssertEqual(f.derivative(z).scalars, z.scalars.map { f.derivative($0) }, "\(f)′")
            XCTAssertEqual(f(z).shape, [2, 2])
        }
    }

    /// The fused chain rule equals `∂h ⊙ f′(z)` element for element; ReLU's blocked gradient is
    /// +0, even for a negative or infinite `∂h` (where `∂h · 0` would give −0 or NaN).
    func testBackwardIsUpstreamTimesDerivative() {
        let z = Tensor(matrix: [[-1, 0.5, 0], [2, -0.25, 3.5]])
        let upstream = Tensor(matrix: [[0.3, -1.2, 2], [-0.7, 4, 0.1]])
        for f in Self.all {
            XCTAssertEqual(f.backward(upstream, at: z), upstream * f.derivative(z), "\(f)")
        }
        let blocked = Activation.relu.backward(Tensor([-2, .infinity, 5]), at: Tensor([-1, -1, 1]))
        XCTAssertEqual(blocked.scalars, [0, 0, 5])
        XCTAssertEqual(blocked.scalars[0].sign, .plus)
    }

    func testReferenceValues() {
        assertClose(Activation.sigmoid(0), 0.5, "σ(0)")
        assertClose(Activation.sigmoid(2), 0.8807970779778823, "σ(2)")
        assertClose(Activation.gelu(1), 0.8413447460685429, "gelu(1) = Φ(1)")
        assertClose(Activation.softplus(0), log(2), "softplus(0)")
        assertClose(Activation.selu(1), Activation.seluLambda, "selu(1)")
        assertClose(Activation.selu(-1), Activation.seluLambda * Activation.seluAlpha * expm1(-1), "selu(−1)")
        assertClose(Activation.elu(alpha: 0.5)(-2), 0.5 * expm1(-2), "elu(−2)")
        XCTAssertEqual(Activation.relu(-3), 0)
        XCTAssertEqual(Activation.leakyReLU(slope: 0.1)(-3), -0.30000000000000004)
        XCTAssertEqual(Activation.relu.derivative(0), 0, "ReLU′(0) takes the left value")
    }

    func testSigmoidAndSoftplusStableAtExtremes() {
        for f in Self.all {
            for z in [-800.0, 800] {
                XCTAssertTrue(f(z).isFinite, "\(f)(\(z)) = \(f(z))")
                XCTAssertTrue(f.derivative(z).isFinite, "\(f)′(\(z)) = \(f.derivative(z))")
            }
        }
        XCTAssertEqual(Activation.sigmoid(800), 1)
        XCTAssertEqual(Activation.sigmoid(-800), 0)
        XCTAssertEqual(Activation.sigmoid.derivative(800), 0)
        XCTAssertEqual(Activation.sigmoid.derivative(-800), 0)
        XCTAssertEqual(Activation.softplus(800), 800)
        XCTAssertEqual(Activation.softplus(-800), 0)
        XCTAssertEqual(Activation.softplus.derivative(800), 1)
        XCTAssertEqual(Activation.softplus.derivative(-800), 0)
        XCTAssertEqual(Activation.tanh(-800), -1)
        // Moderate arguments where the naive ln(1 + eᶻ) would already lose everything.
        assertClose(Activation.softplus(-40), exp(-40), tolerance: 1e-15, "softplus(−40) ≈ e⁻⁴⁰")
        assertClose(Activation.sigmoid(-40), exp(-40) / (1 + exp(-40)), tolerance: 1e-15, "σ(−40)")
    }

    func testParsing() throws {
        let cases: [(String, Activation)] = [
            ("sigmoid", .sigmoid), ("tanh", .tanh), ("TANH", .tanh), ("relu", .relu),
            ("leaky-relu", .leakyReLU(slope: 0.01)), ("leaky-relu:0.1", .leakyReLU(slope: 0.1)), ("leakyrelu:0.3", .leakyReLU(slope: 0.3)),
            ("elu", .elu(alpha: 1)), ("elu:0.5", .elu(alpha: 0.5)), ("selu", .selu), ("gelu", .gelu), ("softplus", .softplus),
        ]
        for (text, expected) in cases {
            let parsed = try Activation(parsing: text)
            XCTAssertEqual(parsed, expected, text)
            XCTAssertEqual(try Activation(parsing: parsed.description), parsed, "description '\(parsed.description)' round trip")
        }
    }

    func testParsingErrors() {
        let cases: [(String, [String])] = [
            ("swish", ["unknown activation 'swish'", "valid:", "tanh", "leaky-relu"]),
            ("tanh:2", ["takes no parameter"]),
            ("leaky-relu:nan", ["not a finite number"]),
            ("elu:x", ["'x' is not a finite number"]),
        ]
        for (text, fragments) in cases {
            XCTAssertThrowsError(try Activation(parsing: text), text) { error in
                guard let error = error as? LabError else { return XCTFail("\(text): \(error) is not a LabError") }
                for fragment in fragments {
                    XCTAssertTrue(error.message.contains(fragment), "\(text): '\(error.message)' lacks '\(fragment)'")
                }
            }
        }
    }
}
