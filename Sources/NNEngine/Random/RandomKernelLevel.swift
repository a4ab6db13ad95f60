import CKernels

/// The instruction set the C random kernels (`Sources/CKernels/Philox.c`, `PhiloxNormal.c`) run
/// on. Every level computes the same numbers; the tests check them against each other, and
/// `make bench` times each level the CPU has, so one machine shows what older CPUs run.
/// `NNLAB_PHILOX_LEVEL=0` (or 1) in the environment caps the level for a whole process.
public enum RandomKernelLevel: Int, CaseIterable, Sendable {
    /// Scalar Philox (two blocks at a time), the ziggurat's fast path two draws at a time in SSE2.
    case baseline = 0
    /// Twelve blocks in 4-lane vectors beside four scalar ones; the fast path four at a time.
    case avx2 = 1
    /// As AVX2, with AVX-512's 64-bit vector multiply and three-way xor.
    case avx512 = 2

    /// The level this process uses.
    public static var current: RandomKernelLevel { RandomKernelLevel(rawValue: Int(nnlab_philox_level())) ?? .baseline }

    public var name: String {
        switch self {
        case .baseline: return "baseline x86-64"
        case .avx2: return "AVX2"
        case .avx512: return "AVX-512"
        }
    }

    /// `out[j]` = word `first + j` of the stream with `key`, at this level (or the current one, if
    /// the CPU lacks this).
    public func words(_ out: UnsafeMutablePointer<UInt64>, count: Int, key: (UInt64, UInt64), first: UInt64) {
        nnlab_philox_words_at_level(out, count, key.0, key.1, first, Int32(rawValue))
    }

    /// `out[j]` = the N(mean, std²) sample of draw `first + j` of the stream with `key`, as
    /// `NormalDistribution.fill` computes it, at this level.
    public func normals(_ out: UnsafeMutablePointer<Double>, count: Int, key: (UInt64, UInt64), first: UInt64,
                        mean: Double = 0, std: Double = 1) {
        let tables = ZigguratTables.shared
        nnlab_philox_normals_at_level(out, count, key.0, key.1, first, tables.x, tables.ratio, mean, std, Int32(rawValue))
    }
}
