/// A distribution of scalars that the engine's generator samples one at a time.
///
/// Tensors are filled through this protocol rather than a closure so that the compiler
/// specializes and inlines the draw into the fill loop: with a closure, the indirect call per
/// element cost as much as the ziggurat itself.
public protocol ScalarDistribution: Sendable {
    /// One draw.
    func sample(using generator: inout Xoshiro256StarStar) -> Double
}

/// N(mean, std²).
public struct NormalDistribution: ScalarDistribution {
    public var mean: Double, std: Double
    let tables = ZigguratTables.shared
    public init(mean: Double = 0, std: Double = 1) { self.mean = mean; self.std = std }
    @inline(__always)
    public func sample(using generator: inout Xoshiro256StarStar) -> Double {
        mean + std * generator.zigguratNormal(tables)
    }
}

/// U[low, high).
public struct UniformDistribution: ScalarDistribution {
    public var low: Double, high: Double
    public init(low: Double, high: Double) { self.low = low; self.high = high }
    @inline(__always)
    public func sample(using generator: inout Xoshiro256StarStar) -> Double { generator.uniform(low, high) }
}

/// `scale · z` with z ~ N(0, 1) cut to [−bound, bound].
public struct TruncatedNormalDistribution: ScalarDistribution {
    public var scale: Double, bound: Double
    public init(scale: Double, bound: Double = 2) { self.scale = scale; self.bound = bound }
    @inline(__always)
    public func sample(using generator: inout Xoshiro256StarStar) -> Double { scale * generator.truncatedNormal(bound: bound) }
}

/// Always `value` (constant and zero initialization); draws nothing.
public struct ConstantDistribution: ScalarDistribution {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    @inline(__always)
    public func sample(using generator: inout Xoshiro256StarStar) -> Double { value }
}

/// 1 with probability `p`, else 0: a dropout keep-mask element.
public struct BernoulliDistribution: ScalarDistribution {
    public var p: Double
    public init(p: Double) { self.p = p }
    @inline(__always)
    public func sample(using generator: inout Xoshiro256StarStar) -> Double { generator.uniform() < p ? 1 : 0 }
}
