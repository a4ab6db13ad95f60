extension Tensor {
    /// `f(x)` applied to every element; the shape is kept.
    @inlinable
    public func map(_ f: (Double) -> Double) -> Tensor {
        // Into uninitialized storage through raw pointers: `Array.map` checks capacity on every
        // append, which keeps the loop from vectorizing.
        let n = count
        let out = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            scalars.withUnsafeBufferPointer { p in
                for i in 0..<n { (buffer.baseAddress! + i).initialize(to: f(p[i])) }
            }
            initialized = n
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// `f(a, b)` applied element by element to two tensors of the same shape.
    @inlinable
    public static func zip(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        precondition(a.shape == b.shape, "elementwise op on shapes \(a.shape) and \(b.shape)")
        let n = a.count
        let out = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    for i in 0..<n { (buffer.baseAddress! + i).initialize(to: f(pa[i], pb[i])) }
                }
            }
            initialized = n
        }
        return Tensor(shape: a.shape, scalars: out)
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor { zip(a, b, +) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { zip(a, b, -) }
    /// The Hadamard (elementwise) product `a ⊙ b`.
    public static func * (a: Tensor, b: Tensor) -> Tensor { zip(a, b, *) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { zip(a, b, /) }

    public static func * (s: Double, a: Tensor) -> Tensor { a.map { s * $0 } }
    public static func * (a: Tensor, s: Double) -> Tensor { a.map { $0 * s } }
    public static func + (a: Tensor, s: Double) -> Tensor { a.map { $0 + s } }
    public static func - (a: Tensor, s: Double) -> Tensor { a.map { $0 - s } }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Scales every element in place: `x ← s · x`.
    public mutating func scale(by s: Double) {
        scalars.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] *= s }
        }
    }
}
