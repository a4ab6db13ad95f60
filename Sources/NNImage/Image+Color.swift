import CKernels
import Foundation

/// ITU-R BT.601 luma weights, as Pillow's `convert("L")` and torchvision's `rgb_to_grayscale`.
let lumaWeights: (r: Float, g: Float, b: Float) = (0.299, 0.587, 0.114)

extension Image {
    /// `v' = clamp(f · v)`: brightness; `f = 1` is the identity.
    public func adjustingBrightness(_ factor: Float) -> Image {
        mapped { nnlab_scale_clamp($0, $1, pixels.count, factor) }
    }

    /// `adjustingBrightness` in place.
    public mutating func adjustBrightness(_ factor: Float) {
        let n = pixels.count
        pixels.withUnsafeMutableBufferPointer { nnlab_scale_clamp($0.baseAddress!, $0.baseAddress!, n, factor) }
    }

    /// The mean luma over the image, `m = mean(0.299 R + 0.587 G + 0.114 B)`.
    public var meanLuma: Float {
        let n = planeCount
        var sums = (0.0, 0.0, 0.0)
        // Sum in Double: a float32 running sum of a megapixel loses the low digits.
        pixels.withUnsafeBufferPointer { p in
            for i in 0..<n { sums.0 += Double(p[i]); sums.1 += Double(p[n + i]); sums.2 += Double(p[2 * n + i]) }
        }
        return Float((Double(lumaWeights.r) * sums.0 + Double(lumaWeights.g) * sums.1 + Double(lumaWeights.b) * sums.2) / Double(n))
    }

    /// `v' = clamp(m + f · (v − m))` with `m` the mean luma: contrast around the mean grey.
    public func adjustingContrast(_ factor: Float) -> Image {
        let mean = meanLuma
        return mapped { nnlab_contrast_clamp($0, $1, pixels.count, mean, factor) }
    }

    /// `adjustingContrast` in place.
    public mutating func adjustContrast(_ factor: Float) {
        let mean = meanLuma, n = pixels.count
        pixels.withUnsafeMutableBufferPointer { nnlab_contrast_clamp($0.baseAddress!, $0.baseAddress!, n, mean, factor) }
    }

    /// `v' = clamp(Y + f · (v − Y))` with `Y` each pixel's luma: `f = 0` is greyscale.
    public func adjustingSaturation(_ factor: Float) -> Image {
        mapped { nnlab_saturation_clamp($0, $1, planeCount, lumaWeights.r, lumaWeights.g, lumaWeights.b, factor) }
    }

    /// `adjustingSaturation` in place.
    public mutating func adjustSaturation(_ factor: Float) {
        let n = planeCount
        pixels.withUnsafeMutableBufferPointer {
            nnlab_saturation_clamp($0.baseAddress!, $0.baseAddress!, n, lumaWeights.r, lumaWeights.g, lumaWeights.b, factor)
        }
    }

    /// A new image of the same size whose every value `kernel(source, target)` writes: no copy
    /// of the pixels is made first, as `var out = self` and a mutation would.
    private func mapped(_ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> Image {
        let out = [Float](unsafeUninitializedCapacity: pixels.count) { target, count in
            pixels.withUnsafeBufferPointer { kernel($0.baseAddress!, target.baseAddress!) }
            count = pixels.count
        }
        return Image(width: width, height: height, pixels: out)
    }

    /// Multiplies every pixel's RGB vector by the 3×3 matrix `m` (row-major) and adds `offset`,
    /// clamping to [0, 1] when `clamp` is set.
    public func applyingColorMatrix(_ m: [Float], offset: [Float] = [0, 0, 0], clamp: Bool = true) -> Image {
        precondition(m.count == 9 && offset.count == 3, "colour matrix is 3×3 with a 3-vector offset")
        let n = planeCount
        var out = self
        out.pixels.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                let (r, g, b) = (p[i], p[n + i], p[2 * n + i])
                var v = (m[0] * r + m[1] * g + m[2] * b + offset[0],
                         m[3] * r + m[4] * g + m[5] * b + offset[1],
                         m[6] * r + m[7] * g + m[8] * b + offset[2])
                if clamp { v = (min(max(v.0, 0), 1), min(max(v.1, 0), 1), min(max(v.2, 0), 1)) }
                p[i] = v.0; p[n + i] = v.1; p[2 * n + i] = v.2
            }
        }
        return out
    }
}
