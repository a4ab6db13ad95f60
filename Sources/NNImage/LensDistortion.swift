import NNEngine

/// Radial lens distortion (Brown 1966, one coefficient): output pixel at normalized radius `r`
/// (distance from the centre over the half-diagonal) reads the input at radius `r · (1 + k r²)`.
/// `k > 0` squeezes the periphery: barrel; `k < 0` stretches it: pincushion.
public struct LensDistortion: RandomTransform {
    /// Range of the coefficient `k`.
    public var k: ClosedRange<Double>
    public var fill: FillMode

    public init(k: ClosedRange<Double> = -0.3...0.3, fill: FillMode = .constant(0)) throws {
        guard k.lowerBound >= -0.9, k.upperBound <= 2 else { throw LabError("lens coefficient range \(k) must lie within [-0.9, 2]") }
        self.k = k
        self.fill = fill
    }

    public struct Parameters: TransformParameters {
        public var k: Double
        public var fill: FillMode
        public func apply(to image: Image) -> Image {
            let (cx, cy) = (Double(image.width) / 2, Double(image.height) / 2)
            let radius2 = cx * cx + cy * cy
            return image.warped(to: image.size, fill: fill) { x, y in
                let (dx, dy) = (x - cx, y - cy)
                let factor = 1 + k * (dx * dx + dy * dy) / radius2
                return (cx + dx * factor, cy + dy * factor)
            }
        }
        public var caption: String { "\(k > 0 ? "barrel" : k < 0 ? "pincushion" : "none") k = \(short(k))" }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(k: generator.uniform(in: k), fill: fill)
    }
}
