import Foundation

extension Image {
    /// Inverse-mapped warp: output pixel `(x, y)` takes the bilinear interpolation of the input at
    /// `source(x + ½, y + ½) − ½` (pixel centres at half-integers), with `fill` outside.
    ///
    /// `source` maps output coordinates to input coordinates, both continuous with the image
    /// spanning `[0, W] × [0, H]`. Every geometric warp (affine, lens, elastic) is this loop with
    /// its own `source`; inverse mapping leaves no holes, unlike pushing input pixels forward.
    /// - Shapes: `[3, H, W]` → `[3, size.height, size.width]`.
    public func warped(to size: ImageSize, fill: FillMode, source: (Double, Double) -> (Double, Double)) -> Image {
        let (w, h) = (width, height)
        let n = planeCount
        let outPlane = size.width * size.height
        var out = [Float](repeating: 0, count: 3 * outPlane)
        var constant: Float = 0, isConstant = false
        if case .constant(let value) = fill { (constant, isConstant) = (value, true) }
        pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for y in 0..<size.height {
                    for x in 0..<size.width {
                        let (sx, sy) = source(Double(x) + 0.5, Double(y) + 0.5)
                        let u = sx - 0.5, v = sy - 0.5
                        // Outside by a pixel or more with a constant fill (or not a number): every
                        // tap is the fill value, so skip the interpolation.
                        let outside = !(u > -1 && v > -1 && u < Double(w) && v < Double(h))
                        if (isConstant && outside) || !u.isFinite || !v.isFinite {
                            for c in 0..<3 { o[c * outPlane + y * size.width + x] = constant }
                            continue
                        }
                        let x0f = floor(u), y0f = floor(v)
                        let fx = Float(u - x0f), fy = Float(v - y0f)
                        // Clamped before the conversion: a far-off reflect coordinate must not overflow Int.
                        let x0 = Int(max(-1e9, min(1e9, x0f))), y0 = Int(max(-1e9, min(1e9, y0f)))
                        let xs = (fill.index(x0, w), fill.index(x0 + 1, w))
                        let ys = (fill.index(y0, h), fill.index(y0 + 1, h))
                        for c in 0..<3 {
                            let base = c * n
                            @inline(__always) func tap(_ xi: Int?, _ yi: Int?) -> Float {
                                guard let xi, let yi else { return constant }
                                return p[base + yi * w + xi]
                            }
                            let top = tap(xs.0, ys.0) * (1 - fx) + tap(xs.1, ys.0) * fx
                            let bottom = tap(xs.0, ys.1) * (1 - fx) + tap(xs.1, ys.1) * fx
                            o[c * outPlane + y * size.width + x] = top * (1 - fy) + bottom * fy
                        }
                    }
                }
            }
        }
        return Image(width: size.width, height: size.height, pixels: out)
    }
}
