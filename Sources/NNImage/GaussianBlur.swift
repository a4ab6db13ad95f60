import Foundation
import NNEngine

/// Random Gaussian blur: `σ ~ U(sigma)`, kernel `g(i) ∝ exp(−i² / 2σ²)` for `|i| ≤ ⌈3σ⌉`
/// (99.7% of the mass), applied separably with edge replication.
public struct GaussianBlur: RandomTransform {
    public var sigma: ClosedRange<Double>

    public init(sigma: ClosedRange<Double> = 0.1...2) throws {
        guard sigma.lowerBound >= 0, sigma.upperBound <= 50 else { throw LabError("blur sigma range \(sigma) must lie within [0, 50] pixels") }
        self.sigma = sigma
    }

    public struct Parameters: TransformParameters {
        public var sigma: Double
        public func apply(to image: Image) -> Image { image.blurred(sigma: sigma) }
        public var caption: String { "σ = \(short(sigma)) px" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(sigma: generator.uniform(in: sigma))
    }
}

extension Image {
    /// The image convolved with a Gaussian of standard deviation `sigma` pixels (σ ≤ 0.01 is the
    /// identity), borders replicated.
    public func blurred(sigma: Double) -> Image {
        guard sigma > 0.01 else { return self }
        let kernel = Self.gaussianKernel(sigma: sigma)
        var out = self
        Self.convolvePlanes(&out.pixels, width: width, height: height, kernel: kernel, horizontal: true)
        Self.convolvePlanes(&out.pixels, width: width, height: height, kernel: kernel, horizontal: false)
        return out
    }

    /// The normalized kernel `g(i) = exp(−i² / 2σ²) / Σ g` for `|i| ≤ ⌈3σ⌉`.
    static func gaussianKernel(sigma: Double) -> [Float] {
        let radius = Int(ceil(3 * sigma))
        let weights = (-radius...radius).map { (i: Int) -> Double in exp(-Double(i * i) / (2 * sigma * sigma)) }
        let total = weights.reduce(0, +)
        return weights.map { Float($0 / total) }
    }

    /// Convolves every plane of `pixels` with the odd-length `kernel` along one axis, replicating
    /// edge pixels.
    static func convolvePlanes(_ pixels: inout [Float], width: Int, height: Int, kernel: [Float], horizontal: Bool) {
        let radius = kernel.count / 2
        let planes = pixels.count / (width * height)
        let (length, lines) = horizontal ? (width, height) : (height, width)
        let step = horizontal ? 1 : width
        let lineStep = horizontal ? width : 1
        var line = [Float](repeating: 0, count: length + 2 * radius)
        pixels.withUnsafeMutableBufferPointer { p in
            for plane in 0..<planes {
                for l in 0..<lines {
                    let base = plane * width * height + l * lineStep
                    // Copy the line with replicated borders, then convolve it back in place.
                    for i in 0..<(length + 2 * radius) {
                        line[i] = p[base + min(max(i - radius, 0), length - 1) * step]
                    }
                    for i in 0..<length {
                        var sum: Float = 0
                        for k in 0..<kernel.count { sum += line[i + k] * kernel[k] }
                        p[base + i * step] = sum
                    }
                }
            }
        }
    }
}
