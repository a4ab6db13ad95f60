import Foundation

/// ITU-R BT.601 luma weights, as Pillow's `convert("L")` and torchvision's `rgb_to_grayscale`.
let lumaWeights: (r: Float, g: Float, b: Float) = (0.299, 0.587, 0.114)

extension Image {
    /// `v' = clamp(f · v)`: brightness; `f = 1` is the identity.
    public func adjustingBrightness(_ factor: Float) -> Image {
        var out = self
        out.pixels.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = min(max(p[i] * factor, 0), 1) }
        }
        return out
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
        var out = self
        out.pixels.withUnsafeMutableBufferPointer { p in
            for i in p.indices { p[i] = min(max(mean + factor * (p[i] - mean), 0), 1) }
        }
        return out
    }

    /// `v' = clamp(Y + f · (v − Y))` with `Y` each pixel's luma: `f = 0` is greyscale.
    public func adjustingSaturation(_ factor: Float) -> Image {
        let n = planeCount
        var out = self
        out.pixels.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                let (r, g, b) = (p[i], p[n + i], p[2 * n + i])
                let y = lumaWeights.r * r + lumaWeights.g * g + lumaWeights.b * b
                p[i] = min(max(y + factor * (r - y), 0), 1)
                p[n + i] = min(max(y + factor * (g - y), 0), 1)
                p[2 * n + i] = min(max(y + factor * (b - y), 0), 1)
            }
        }
        return out
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
