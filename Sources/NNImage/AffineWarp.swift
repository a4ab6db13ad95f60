import Foundation
import NNEngine

/// Random affine warp about the image centre: rotation, translation, scaling, shear and stretch
/// (the lecture's "translation, rotation, stretching, shearing"), resampled bilinearly.
///
/// Forward map of centred coordinates `d = p − c`: `p' = c + t + R(θ) · Sh(φ) · diag(s·k, s/k) · d`
/// with `R(θ)` a counter-clockwise rotation on screen, `Sh(φ) = [[1, tan φ], [0, 1]]` a horizontal
/// shear, `s` the scale and `k` the stretch (aspect change). Pixels are inverse-mapped.
public struct AffineWarp: RandomTransform {
    /// Rotation range in degrees.
    public var degrees: ClosedRange<Double>
    /// Translation range as a fraction of the width and height.
    public var translate: ClosedRange<Double>
    public var scale: ClosedRange<Double>
    /// Shear range in degrees.
    public var shear: ClosedRange<Double>
    /// Stretch range `k` (1 keeps the aspect ratio).
    public var stretch: ClosedRange<Double>
    public var fill: FillMode

    public init(degrees: ClosedRange<Double> = 0...0, translate: ClosedRange<Double> = 0...0, scale: ClosedRange<Double> = 1...1,
                shear: ClosedRange<Double> = 0...0, stretch: ClosedRange<Double> = 1...1, fill: FillMode = .constant(0)) throws {
        guard degrees.lowerBound >= -360, degrees.upperBound <= 360 else { throw LabError("rotation range \(degrees) is outside [-360, 360] degrees") }
        guard translate.lowerBound >= -1, translate.upperBound <= 1 else { throw LabError("translation range \(translate) is outside [-1, 1] of the image size") }
        guard scale.lowerBound > 0, scale.upperBound <= 10 else { throw LabError("scale range \(scale) must lie within (0, 10]") }
        guard shear.lowerBound > -80, shear.upperBound < 80 else { throw LabError("shear range \(shear) must lie within (-80, 80) degrees") }
        guard stretch.lowerBound > 0, stretch.upperBound <= 10 else { throw LabError("stretch range \(stretch) must lie within (0, 10]") }
        if case .constant(let v) = fill, !(0...1).contains(v) { throw LabError("fill value \(v) is outside [0, 1]") }
        self.degrees = degrees; self.translate = translate; self.scale = scale
        self.shear = shear; self.stretch = stretch; self.fill = fill
    }

    public struct Parameters: TransformParameters {
        public var degrees: Double
        /// Translation in pixels.
        public var translateX: Double
        public var translateY: Double
        public var scale: Double
        public var shearDegrees: Double
        public var stretch: Double
        public var fill: FillMode

        public init(degrees: Double = 0, translateX: Double = 0, translateY: Double = 0, scale: Double = 1,
                    shearDegrees: Double = 0, stretch: Double = 1, fill: FillMode = .constant(0)) {
            self.degrees = degrees; self.translateX = translateX; self.translateY = translateY
            self.scale = scale; self.shearDegrees = shearDegrees; self.stretch = stretch; self.fill = fill
        }

        /// The forward linear part `A = R(θ) · Sh(φ) · diag(s·k, s/k)`, row-major 2×2.
        public var matrix: [Double] {
            let theta = degrees * .pi / 180, t = tan(shearDegrees * .pi / 180)
            let (c, s) = (cos(theta), sin(theta))
            // y points down on screen, so a counter-clockwise turn is [[c, s], [−s, c]].
            let r = [c, s, -s, c]
            let rs = [r[0], r[0] * t + r[1], r[2], r[2] * t + r[3]]
            let (sx, sy) = (scale * stretch, scale / stretch)
            return [rs[0] * sx, rs[1] * sy, rs[2] * sx, rs[3] * sy]
        }

        public func apply(to image: Image) -> Image {
            let a = matrix
            let det = a[0] * a[3] - a[1] * a[2]
            let inverse = [a[3] / det, -a[1] / det, -a[2] / det, a[0] / det]
            let (cx, cy) = (Double(image.width) / 2, Double(image.height) / 2)
            return image.warped(to: image.size, fill: fill) { x, y in
                let (dx, dy) = (x - cx - translateX, y - cy - translateY)
                return (cx + inverse[0] * dx + inverse[1] * dy, cy + inverse[2] * dx + inverse[3] * dy)
            }
        }

        public var caption: String {
            var parts: [String] = []
            if degrees != 0 { parts.append("rot \(short(degrees, 1))°") }
            if translateX != 0 || translateY != 0 { parts.append("shift (\(short(translateX, 0)), \(short(translateY, 0)))") }
            if scale != 1 { parts.append("scale \(short(scale))") }
            if shearDegrees != 0 { parts.append("shear \(short(shearDegrees, 1))°") }
            if stretch != 1 { parts.append("stretch \(short(stretch))") }
            return parts.isEmpty ? "identity" : parts.joined(separator: " ")
        }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        Parameters(degrees: generator.uniform(in: degrees),
                   translateX: generator.uniform(in: translate) * Double(size.width),
                   translateY: generator.uniform(in: translate) * Double(size.height),
                   scale: generator.uniform(in: scale), shearDegrees: generator.uniform(in: shear),
                   stretch: generator.uniform(in: stretch), fill: fill)
    }
}
