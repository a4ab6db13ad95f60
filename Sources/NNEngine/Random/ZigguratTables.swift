import Foundation

/// The 128-layer ziggurat for N(0, 1) of Marsaglia & Tsang (2000), in Doornik's (2005) ZIGNOR form.
///
/// The density's right half is covered by 128 horizontal layers of equal area `v`; the bottom one
/// has the tail beyond `r` attached. A draw picks a layer and a point in it, and in ~97.3% of draws
/// the point lies inside the curve with a single comparison, which is what makes the ziggurat
/// about three times faster than Box–Muller's log, sqrt, sin and cos.
///
/// The tables are computed once from `r` and `v` (Doornik's constants for 128 layers).
struct ZigguratTables: @unchecked Sendable {
    static let layers = 128
    /// Where the tail starts.
    static let r = 3.442619855899
    /// The area of each layer.
    static let v = 9.91256303526217e-3

    /// `x[i]`: the right edge of layer `i` (`x[0]` is the virtual width of the base layer, `x[128] = 0`).
    let x: UnsafePointer<Double>
    /// `ratio[i] = x[i+1] / x[i]`: below it a point in layer `i` is certainly under the curve.
    let ratio: UnsafePointer<Double>

    /// Built once and never freed. Plain pointers rather than arrays: reading an array from a
    /// shared table costs a reference-count update per draw, and with several threads drawing at
    /// once those atomic updates on one cache line made the parallel fill slower than one core.
    static let shared = ZigguratTables()

    private init() {
        let n = Self.layers
        var x = [Double](repeating: 0, count: n + 1)
        let f = { (t: Double) in exp(-0.5 * t * t) }
        x[0] = Self.v / f(Self.r)
        x[1] = Self.r
        for i in 2..<n {
            x[i] = (-2 * log(Self.v / x[i - 1] + f(x[i - 1]))).squareRoot()
        }
        x[n] = 0
        let xTable = UnsafeMutablePointer<Double>.allocate(capacity: n + 1)
        xTable.initialize(from: x, count: n + 1)
        let ratioTable = UnsafeMutablePointer<Double>.allocate(capacity: n)
        for i in 0..<n { ratioTable[i] = x[i + 1] / x[i] }
        self.x = UnsafePointer(xTable)
        self.ratio = UnsafePointer(ratioTable)
    }
}

extension ZigguratTables {
    /// The ziggurat's fast path for one 64-bit word: the low 7 bits pick the layer, the top 53 a
    /// uniform `u` in [−1, 1); when `|u|` is below the layer's ratio (97.3% of words) the point
    /// lies under the curve and `u · x[layer]` is the normal. Otherwise nil.
    @inline(__always)
    func fastNormal(_ bits: UInt64) -> Double? {
        let i = Int(bits & 0x7F)
        let u = Double(top53(bits)) * 0x1.0p-52 - 1
        return abs(u) < ratio[i] ? u * x[i] : nil
    }

    /// The N(0, 1) of draw `position` of the stream with `key`, whose first word is `bits`:
    /// the fast path inline, and the rare rest out of line by replaying the whole draw, so a fill
    /// loop gets exactly `RandomDraw.zigguratNormal()` without building a draw per element.
    @inline(__always)
    func normal(firstWord bits: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        if let z = fastNormal(bits) { return z }
        return slowNormal(firstWord: bits, key: key, position: position)
    }

    @inline(never)
    func slowNormal(firstWord bits: UInt64, key: (UInt64, UInt64), position: UInt64) -> Double {
        var draw = RandomDraw(key: key, position: position, first: bits)
        return draw.zigguratNormal(self)
    }
}

extension RandomDraw {
    /// A standard normal draw N(0, 1) by the ziggurat method (see `ZigguratTables`).
    ///
    /// One 64-bit word gives both the layer (its low 7 bits) and a uniform `u` in [−1, 1) (its top
    /// 53 bits), so the fast path costs the draw's first word only; the wedge and the tail take
    /// the draw's further words.
    @inline(__always)
    public mutating func zigguratNormal() -> Double { zigguratNormal(ZigguratTables.shared) }

    /// The ziggurat draw with the tables passed in, so that a fill loop looks them up once rather
    /// than through the lazy global's initialization check on every draw.
    @inline(__always)
    mutating func zigguratNormal(_ table: ZigguratTables) -> Double {
        while true {
            let bits = next()
            if let z = table.fastNormal(bits) { return z }
            if let z = zigguratSlowPath(bits, table) { return z }
        }
    }

    /// The rare case: the base layer's tail, or the wedge between a layer's inner rectangle and
    /// the curve (accepted by comparing a uniform height with the density).
    mutating func zigguratSlowPath(_ bits: UInt64, _ table: ZigguratTables) -> Double? {
        let i = Int(bits & 0x7F)
        let u = Double(top53(bits)) * 0x1.0p-52 - 1
        if i == 0 { return normalTail(negative: u < 0) }
        let candidate = u * table.x[i]
        let f0 = exp(-0.5 * (table.x[i] * table.x[i] - candidate * candidate))
        let f1 = exp(-0.5 * (table.x[i + 1] * table.x[i + 1] - candidate * candidate))
        return f1 + uniform() * (f0 - f1) < 1 ? candidate : nil
    }

    /// A draw from the normal tail beyond `r` (Marsaglia 1964), with the requested sign.
    private mutating func normalTail(negative: Bool) -> Double {
        let r = ZigguratTables.r
        var x: Double, y: Double
        repeat {
            x = log(1 - uniform()) / r
            y = log(1 - uniform())
        } while -2 * y < x * x
        return negative ? x - r : r - x
    }
}
