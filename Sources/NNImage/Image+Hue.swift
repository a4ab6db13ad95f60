import Foundation

extension Image {
    /// Shifts every pixel's hue by `turns` (1 = 360°), as torchvision's `adjust_hue`: RGB → HSV
    /// (Smith 1978's hexcone), `h' = (h + turns) mod 1`, back to RGB, saturation and value kept.
    /// A positive shift turns red toward yellow (h = 1/6) and green toward cyan: red (200, 30, 30)
    /// with +0.045 becomes about (200, 76, 30).
    ///
    /// Per pixel, with `M = max(r, g, b)`, `m = min`, `C = M − m`:
    /// `h = (g − b)/C` (M = r), `2 + (b − r)/C` (M = g), `4 + (r − g)/C` (M = b), then `/6 mod 1`;
    /// `s = C/M`, `v = M`. Back: `i = ⌊6h⌋`, `f = 6h − i`, `p = v(1 − s)`, `q = v(1 − s f)`,
    /// `t = v(1 − s(1 − f))`, and (r, g, b) = (v,t,p), (q,v,p), (p,v,t), (p,q,v), (t,p,v), (v,p,q)
    /// for i = 0…5. Greys (C = 0) have no hue and are unchanged. Computed in Double per pixel.
    public func shiftingHue(_ turns: Double) -> Image {
        let n = planeCount
        var out = self
        out.pixels.withUnsafeMutableBufferPointer { p in
            for k in 0..<n {
                let (r, g, b) = (Double(p[k]), Double(p[n + k]), Double(p[2 * n + k]))
                let v = max(r, g, b), chroma = v - min(r, g, b)
                guard chroma > 0 else { continue }
                let s = chroma / v
                var h: Double
                if v == r { h = (g - b) / chroma } else if v == g { h = 2 + (b - r) / chroma } else { h = 4 + (r - g) / chroma }
                // h/6 is in [−1/6, 1); adding 1 before the remainder keeps it non-negative.
                h = (h / 6 + 1 + turns).truncatingRemainder(dividingBy: 1)
                if h < 0 { h += 1 }
                let sector = h * 6
                let i = Int(sector.rounded(.down)) % 6
                let f = sector - sector.rounded(.down)
                let pp = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f))
                let rgb: (Double, Double, Double)
                switch i {
                case 0: rgb = (v, t, pp)
                case 1: rgb = (q, v, pp)
                case 2: rgb = (pp, v, t)
                case 3: rgb = (pp, q, v)
                case 4: rgb = (t, pp, v)
                default: rgb = (v, pp, q)
                }
                p[k] = Float(min(max(rgb.0, 0), 1))
                p[n + k] = Float(min(max(rgb.1, 0), 1))
                p[2 * n + k] = Float(min(max(rgb.2, 0), 1))
            }
        }
        return out
    }
}
