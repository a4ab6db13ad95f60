// The engine's few pieces of C: elementwise loops that Swift cannot vectorize well, compiled by
// clang with one clone per instruction set (AVX2 and baseline x86-64 on Linux) picked at load
// time, and the allocator setting that Swift cannot reach (glibc's <malloc.h>).
#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H

#include <stddef.h>

/// One fused, in-place Adam update of `n` elements, in Kingma & Ba's efficient order:
///
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,   x ← x − α·m / (√v + ε̂)
///
/// where the caller folds the bias corrections into `stepSize` α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) and
/// `epsilonHat` ε̂ = ε·√(1 − β₂ᵗ). The arrays must not overlap.
void nnlab_adam_step(double *x, double *m, double *v, const double *g, size_t n,
                     double beta1, double beta2, double stepSize, double epsilonHat);

/// Raises glibc's mmap and trim thresholds (to 32 MB and 256 MB) so that freed blocks below
/// 32 MB stay in the heap for reuse instead of going back to the kernel; see `HeapTuning`.
/// Does nothing on other C libraries.
void nnlab_keep_freed_memory(void);

#endif
