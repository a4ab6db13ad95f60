// The engine's few pieces of C: elementwise loops that Swift cannot vectorize well, compiled by
// clang with one clone per instruction set (AVX2 and baseline x86-64 on Linux) picked at load
// time, and the allocator setting that Swift cannot reach (glibc's <malloc.h>).
#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

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

/// Maps every whole page of `[start, start + bytes)` writable now, in one kernel call
/// (`madvise(MADV_POPULATE_WRITE)`, Linux 5.14), instead of one page fault per 4 KB page on first
/// touch. For a fresh block that is about to be overwritten; see `Tensor.uninitializedScalars`.
/// Does nothing where unsupported (other systems, older kernels), where the pages then fault
/// on first touch as usual.
void nnlab_populate_for_writing(void *start, size_t bytes);

/// The Philox4x64-10 block function of Random123 (Salmon et al., SC'11): `out = Philox(counter, key)`,
/// four 64-bit words from a 256-bit counter and a 128-bit key.
void nnlab_philox4x64_10(const uint64_t counter[4], const uint64_t key[2], uint64_t out[4]);

/// The words at positions `first ..< first + count` of the stream with key (`key0`, `key1`):
/// word `p` is word `p mod 4` of `Philox(counter: (p / 4, 0, 0, 0), key)`. At the best level the
/// CPU has (`nnlab_philox_level`).
void nnlab_philox_words(uint64_t *out, size_t count, uint64_t key0, uint64_t key1, uint64_t first);

/// The instruction-set level the Philox kernels run at on this CPU: 0 baseline x86-64 (or any
/// other architecture; scalar code), 1 AVX2 (two 4-lane vectors beside two scalar blocks),
/// 2 AVX-512 (the same with vpmullq and vpternlogq). Every level computes the same words.
int nnlab_philox_level(void);

/// `nnlab_philox_words` at `level`, or at the best level the CPU has if that is lower (or if
/// `level` is negative): for the tests that compare the levels, and the benchmark.
void nnlab_philox_words_at_level(uint64_t *out, size_t count, uint64_t key0, uint64_t key1, uint64_t first, int level);

/// N(mean, std²) samples for draws `first ..< first + count` of the stream with key
/// (`key0`, `key1`), by the ziggurat's fast path (`ZigguratTables`, tables `x` [129] and
/// `ratio` [128]) on each draw's first word: `mean + std · u·x[i]`. The indices (from 0) of the
/// draws the fast path cannot take (about 2.7%) go to `slow` [count], their count is returned,
/// and the caller must overwrite those elements. Bit-identical to the Swift sampler.
size_t nnlab_philox_normal(double *out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                           const double *x, const double *ratio, double mean, double std, uint32_t *slow);

/// The histogram and row ranges of `C = Aᵀ·B` [n, m] for A [k, n] and B [k, m] (row-major), for
/// rows `rowBegin ..< rowEnd`, computed in L1-sized tiles without storing C (ProductSummary.c).
/// Each element is `Σₜ A[t][i]·B[t][j]`, summed from +0 in the order of t, multiply then add.
/// `counts` [bins + 3] gains the counts of `Histogram`'s rule over [lower, upper] (`lower < upper`,
/// both finite): `bins` bins, then the values below, above, and the NaN or ±∞ ones. `ranges`
/// [rowEnd − rowBegin] gets each row's `max − min`: NaN for a row with a NaN or for m = 0, +0 for
/// equal values.
void nnlab_transposed_product_summary(const double *a, const double *b, size_t k, size_t n, size_t m,
                                      size_t rowBegin, size_t rowEnd, double lower, double upper, size_t bins,
                                      uint64_t *counts, double *ranges);

/// Rows `rowBegin ..< rowEnd` of the same `C = Aᵀ·B`, the same bits, into `out` [rowEnd − rowBegin, m].
void nnlab_transposed_product_rows(const double *a, const double *b, size_t k, size_t n, size_t m,
                                   size_t rowBegin, size_t rowEnd, double *out);

/// Makes the product kernels use instruction set `level`, as `nnlab_image_kernels_use` does for
/// the image kernels; returns the level now in use.
int nnlab_product_kernels_use(int level);

/// NNImage's kernels (ImageKernels.c): AVX-512, AVX2 and SSE2 instances on x86-64 Linux. Each equals
/// the scalar formula in the scalar order, bit for bit, on every lane (no FMA contraction).

/// The horizontal resampling pass over `rows` rows of floats (row `r` at `src + r·srcStride`):
/// `out[r·outStride + x] = Σ_{k < count[x]} src[r, first[x] + k] · weights[x·weightStride + k]`,
/// summed from 0 in order of `k`. The columns read are `columnStart ..< columnStart + columnCount`.
/// `scratch` holds `16 · (columnCount + outWidth)` floats.
void nnlab_resample_horizontal(const float *src, size_t srcStride, size_t rows, size_t columnStart,
                               size_t columnCount, const int32_t *first, const int32_t *count,
                               const float *weights, size_t weightStride, size_t outWidth,
                               float *out, size_t outStride, float *scratch);

/// The vertical resampling pass: `out[y·width + x] = Σ_{k < count[y]} weights[y·weightStride + k] ·
/// middle[(first[y] + k)·width + x]`, summed from 0 in order of `k`, for `y < outHeight`.
void nnlab_resample_vertical(const float *middle, size_t width, const int32_t *first, const int32_t *count,
                             const float *weights, size_t weightStride, size_t outHeight, float *out);

/// `dst ← clamp(src · factor, 0, 1)` (brightness). `dst` may be `src` (in place) but must not
/// otherwise overlap it; the same for the next two.
void nnlab_scale_clamp(const float *src, float *dst, size_t n, float factor);

/// `dst ← clamp(mean + factor · (src − mean), 0, 1)` (contrast).
void nnlab_contrast_clamp(const float *src, float *dst, size_t n, float mean, float factor);

/// Three planes of `n` (R, G, B at `src`, `src + n`, `src + 2n`): `y = wr·r + wg·g + wb·b`,
/// `v ← clamp(y + factor · (v − y), 0, 1)` into the same places of `dst` (saturation).
void nnlab_saturation_clamp(const float *src, float *dst, size_t n, float wr, float wg, float wb, float factor);

/// Each of `rows` rows of `width` floats mirrored: `dst[y, x] = src[y, width − 1 − x]`.
void nnlab_reverse_rows(const float *src, float *dst, size_t width, size_t rows);

/// Three planes of `planeCount` floats to interleaved RGB bytes: `round(255 · clamp(v, 0, 1))`.
void nnlab_planes_to_rgb8(const float *planes, size_t planeCount, uint8_t *out);

/// PNG rows filtered with filter type 3 (Average): `out` gets, per row, the filter byte 3 and
/// `x − ⌊(left + up) / 2⌋` for each of `rowBytes` bytes (`rows · (rowBytes + 1)` bytes in all).
void nnlab_png_filter_average(const uint8_t *pixels, size_t rowBytes, size_t rows, size_t bytesPerPixel,
                              uint8_t *out);

/// The widest SIMD instruction set the kernels use on this CPU: "AVX-512", "AVX2", "SSE2"
/// (x86-64), "NEON" (arm64) or "scalar".
const char *nnlab_simd_level(void);

/// Makes the image kernels use instruction set `level` (0 SSE2, 1 AVX2, 2 AVX-512 on x86-64;
/// ignored elsewhere), capped at what the CPU has, or the CPU's best for −1; returns the level
/// now in use. For tests that compare every instance with the scalar reference.
int nnlab_image_kernels_use(int level);

/// N(mean, std²) samples for draws `first ..< first + count`, every one of them: the fast path as
/// `nnlab_philox_normal`, and the draws it misses by the whole ziggurat (wedge and tail, with the
/// draw's retry words and libm's `exp` and `log`), bit-identical to `RandomDraw.zigguratNormal`.
void nnlab_philox_normals(double *out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                          const double *x, const double *ratio, double mean, double std);

/// `nnlab_philox_normals` with the words computed at `level` (see `nnlab_philox_words_at_level`).
void nnlab_philox_normals_at_level(double *out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                                   const double *x, const double *ratio, double mean, double std, int level);

#endif
