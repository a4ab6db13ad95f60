import CKernels

/// Keeps freed tensor memory in the process, for the allocation pattern of training.
///
/// A training step allocates and frees activations and gradients of 100 KB to a few MB. glibc
/// serves blocks above its mmap threshold (128 KB at first) with fresh pages from the kernel and
/// returns freed memory at the top of the heap once it exceeds the trim threshold, so every step
/// faulted its tensors back in: 75 page faults a step and a tenth of the CPU time of training an
/// MLP on the digits. Raising both thresholds (to glibc's maximum mmap threshold, 32 MB, and
/// 256 MB) lets the heap reuse those blocks; tensors larger than 32 MB are still mapped and
/// unmapped one by one. Elsewhere than glibc this does nothing.
public enum HeapTuning {
    /// Applies the thresholds, once per process; later calls do nothing.
    public static func keepFreedMemory() {
        _ = applied
    }

    private static let applied: Bool = {
        nnlab_keep_freed_memory()
        return true
    }()
}
