import CKernels

/// The instruction set of NNImage's C kernels (resampling, colour, flips, PNG conversion and
/// filtering; `Sources/CKernels/ImageKernels.c`): the CPU's best at the first call, one of
/// "AVX-512", "AVX2", "SSE2" on x86-64 Linux.
public enum ImageKernels {
    /// The level in use, as `make bench` prints it.
    public static var simdLevel: String { String(cString: nnlab_simd_level()) }

    /// Makes the kernels use `level` (0 SSE2, 1 AVX2, 2 AVX-512), capped at what the CPU has, or
    /// the CPU's best for nil; returns the level in use. Every level computes the same bits; the
    /// tests use this to check each one against the scalar reference.
    @discardableResult
    public static func use(level: Int?) -> Int { Int(nnlab_image_kernels_use(Int32(level ?? -1))) }
}
