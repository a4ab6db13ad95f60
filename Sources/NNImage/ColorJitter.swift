import Foundation
import NNEngine

/// Color jitter (Krizhevsky et al. 2012; torchvision's `ColorJitter`): brightness, contrast and
/// saturation factors `f ~ U[max(0, 1 − j), 1 + j]` and a hue shift `h ~ U[−j_h, j_h]` turns,
/// applied in a random order, clamping to [0, 1] after each step as 8-bit libraries do.
///
/// - brightness: `v' = f · v`
/// - contrast:   `v' = m + f · (v − m)`, `m` the mean luma of the image
/// - saturation: `v' = Y + f · (v − Y)`, `Y = 0.299 R + 0.587 G + 0.114 B` per pixel (ITU-R BT.601)
/// - hue: torchvision's `adjust_hue`, `h' = (h + h_shift) mod 1` in HSV (`Image.shiftingHue`), so a
///   recorded positive shift is the picture's red turned toward yellow, as in torchvision.
public struct ColorJitter: RandomTransform {
    public var brightness: Double
    public var contrast: Double
    public var saturation: Double
    public var hue: Double

    public init(brightness: Double = 0, contrast: Double = 0, saturation: Double = 0, hue: Double = 0) throws {
        for (name, value) in [("brightness", brightness), ("contrast", contrast), ("saturation", saturation)] {
            guard value >= 0, value.isFinite else { throw LabError("jitter \(name) \(value) must be a finite number ≥ 0") }
        }
        guard (0...0.5).contains(hue) else { throw LabError("jitter hue \(hue) is outside [0, 0.5] turns") }
        self.brightness = brightness
        self.contrast = contrast
        self.saturation = saturation
        self.hue = hue
    }

    /// One of the four adjustments.
    public enum Component: String, Codable, CaseIterable, Sendable { case brightness, contrast, saturation, hue }

    public struct Parameters: TransformParameters {
        public var brightness: Double
        public var contrast: Double
        public var saturation: Double
        /// Hue shift in turns, torchvision's sense: `h' = (h + hue) mod 1` in HSV (+ turns red toward yellow).
        public var hue: Double
        /// The order the adjustments were applied in.
        public var order: [Component]

        public init(brightness: Double = 1, contrast: Double = 1, saturation: Double = 1, hue: Double = 0,
                    order: [Component] = Component.allCases) {
            self.brightness = brightness; self.contrast = contrast; self.saturation = saturation; self.hue = hue; self.order = order
        }

        public func apply(to image: Image) -> Image {
            var out = image
            // The first change writes a new image; the later ones change that one in place, so
            // the pixels are neither copied first nor allocated once a step.
            var owned = false
            func step(_ inPlace: (inout Image) -> Void, _ copying: (Image) -> Image) {
                if owned { inPlace(&out) } else { out = copying(out); owned = true }
            }
            for component in order {
                switch component {
                case .brightness where brightness != 1:
                    step({ $0.adjustBrightness(Float(brightness)) }, { $0.adjustingBrightness(Float(brightness)) })
                case .contrast where contrast != 1:
                    step({ $0.adjustContrast(Float(contrast)) }, { $0.adjustingContrast(Float(contrast)) })
                case .saturation where saturation != 1:
                    step({ $0.adjustSaturation(Float(saturation)) }, { $0.adjustingSaturation(Float(saturation)) })
                case .hue where hue != 0: out = out.shiftingHue(hue); owned = true
                default: break
                }
            }
            return out
        }

        public var caption: String {
            "b \(short(brightness)) c \(short(contrast)) s \(short(saturation))" + (hue != 0 ? " h \(short(hue))" : "")
        }
    }

    public func sample(for size: ImageSize, using generator: inout RandomStream) throws -> Parameters {
        var order = Component.allCases
        // Fisher–Yates shuffle with the passed generator.
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, generator.integer(below: i + 1)) }
        return Parameters(brightness: generator.uniform(in: max(0, 1 - brightness)...(1 + brightness)),
                          contrast: generator.uniform(in: max(0, 1 - contrast)...(1 + contrast)),
                          saturation: generator.uniform(in: max(0, 1 - saturation)...(1 + saturation)),
                          hue: generator.uniform(in: -hue...hue), order: order)
    }
}
