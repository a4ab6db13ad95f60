#include "CKernels.h"

// Four doubles at a time through clang's vector extension, because Swift lowers a SIMD square
// root to one libm call per lane; `aligned(8)` allows unaligned loads from Swift arrays.
typedef double double4 __attribute__((vector_size(32), aligned(8)));

// On x86-64 Linux an AVX2 clone (vsqrtpd and vdivpd on four lanes) is chosen at load time where
// the CPU has it; elsewhere the same code compiles once for the baseline.
#if defined(__x86_64__) && defined(__linux__)
#define NNLAB_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NNLAB_CLONES
#endif

NNLAB_CLONES
void nnlab_adam_step(double *restrict x, double *restrict m, double *restrict v, const double *restrict g,
                     size_t n, double beta1, double beta2, double stepSize, double epsilonHat) {
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        double4 gi = *(const double4 *)(g + i);
        double4 mi = beta1 * *(double4 *)(m + i) + (1 - beta1) * gi;
        double4 vi = beta2 * *(double4 *)(v + i) + (1 - beta2) * gi * gi;
        *(double4 *)(m + i) = mi;
        *(double4 *)(v + i) = vi;
        *(double4 *)(x + i) -= stepSize * mi / (__builtin_elementwise_sqrt(vi) + epsilonHat);
    }
    for (; i < n; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + (1 - beta1) * gi;
        double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        x[i] -= stepSize * mi / (__builtin_sqrt(vi) + epsilonHat);
    }
}
