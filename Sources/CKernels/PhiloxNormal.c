#include "CKernels.h"
#include "PhiloxBlocks.h"
#include <math.h>

// The ziggurat (Marsaglia & Tsang 2000, Doornik's ZIGNOR form; see ZigguratTables.swift) over the
// stream's words, in the engine's exact arithmetic: no FMA contraction, the same libm `exp` and
// `log` as the Swift sampler, and the same words in the same order, so that every number equals
// `RandomDraw.zigguratNormal()` bit for bit.
#pragma clang fp contract(off)

/// Where the ziggurat's tail starts (`ZigguratTables.r`).
static const double zigguratR = 3.442619855899;

// The words of one draw: its first word, then the retry blocks (p, r, 0, 0), r = 1, 2, …, of the
// same key, as `RandomDraw` hands them out.
typedef struct {
    uint64_t key0, key1, position, retry;
    uint64_t block[4];
    int used;
} retry_words;

static uint64_t next_retry_word(retry_words *d) {
    if (d->used == 4) {
        d->retry += 1;
        uint64_t counter[4] = {d->position, d->retry, 0, 0}, key[2] = {d->key0, d->key1};
        nnlab_philox4x64_10(counter, key, d->block);
        d->used = 0;
    }
    return d->block[d->used++];
}

/// `(w ≫ 11) · 2⁻⁵³` (`unitInterval`).
static inline double unit_interval(uint64_t w) { return (double)(int64_t)(w >> 11) * 0x1.0p-53; }

/// Marsaglia's (1964) tail beyond r (`RandomDraw.normalTail`).
static double normal_tail(retry_words *d, int negative) {
    double x, y;
    do {
        x = log(1 - unit_interval(next_retry_word(d))) / zigguratR;
        y = log(1 - unit_interval(next_retry_word(d)));
    } while (-2 * y < x * x);
    return negative ? x - zigguratR : zigguratR - x;
}

/// The whole ziggurat for draw `position`, whose first word `bits` missed the fast path: the
/// wedge test or the tail, then further tries from the retry words (`RandomDraw.zigguratNormal`).
static double __attribute__((noinline))
ziggurat_slow(uint64_t bits, uint64_t position, uint64_t key0, uint64_t key1, const double *x, const double *ratio) {
    retry_words d = {key0, key1, position, 0, {0, 0, 0, 0}, 4};
    for (int first = 1;; first = 0) {
        if (!first) bits = next_retry_word(&d);
        size_t i = bits & 0x7F;
        double u = (double)(int64_t)(bits >> 11) * 0x1.0p-52 - 1.0;
        if (__builtin_fabs(u) < ratio[i]) return u * x[i];
        if (i == 0) return normal_tail(&d, u < 0);
        double candidate = u * x[i];
        double f0 = exp(-0.5 * (x[i] * x[i] - candidate * candidate));
        double f1 = exp(-0.5 * (x[i + 1] * x[i + 1] - candidate * candidate));
        if (f1 + unit_interval(next_retry_word(&d)) * (f0 - f1) < 1) return candidate;
    }
}

/// The fast path over words[start ..< n]: out[j] = mean + std · u·x[layer] for every word, and the
/// indices of the words outside their layer's inner rectangle appended to `slow`; returns their
/// count. The indices are written branch-free (every index is stored, the count moves on a miss).
static inline __attribute__((always_inline))
size_t fast_path_scalar(const uint64_t *restrict words, size_t start, size_t n, double *restrict out,
                        const double *restrict x, const double *restrict ratio, double mean, double std,
                        uint32_t *restrict slow, size_t slowCount) {
    for (size_t j = start; j < n; j++) {
        uint64_t bits = words[j];
        size_t layer = bits & 0x7F;
        double u = (double)(int64_t)(bits >> 11) * 0x1.0p-52 - 1.0;
        double z = u * x[layer];
        out[j] = mean + std * z;
        slow[slowCount] = (uint32_t)j;
        slowCount += !(__builtin_fabs(u) < ratio[layer]);
    }
    return slowCount;
}

#if defined(__x86_64__)
#include <immintrin.h>

// Four words at a time. x86 before AVX-512 cannot convert 64-bit integers to doubles in vectors,
// so u is built from the bits instead, exactly: with v = w ≫ 11 (53 bits), m = v mod 2⁵² and
// t = v ≫ 52, the double with exponent 0 and mantissa m is 1 + m·2⁻⁵², and
//     u = v·2⁻⁵² − 1 = (1 + m·2⁻⁵²) − (2 − t),
// a subtraction whose exact result is representable, hence the same double as the scalar
// (double)v · 2⁻⁵² − 1. The rest is the scalar arithmetic lane by lane (no FMA), so every
// element is bit-identical to `fast_path_scalar`.
#define FAST_PATH_VECTOR_BODY \
    const __m256i mantissa = _mm256_set1_epi64x(0xFFFFFFFFFFFFFLL); \
    const __m256i one = _mm256_set1_epi64x(0x3FF0000000000000LL), two = _mm256_set1_epi64x(0x4000000000000000LL); \
    const __m256d absMask = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7FFFFFFFFFFFFFFFLL)); \
    const __m256d meanV = _mm256_set1_pd(mean), stdV = _mm256_set1_pd(std); \
    size_t j = 0; \
    for (; j + 4 <= n; j += 4) { \
        __m256i bits = _mm256_loadu_si256((const __m256i *)(words + j)); \
        __m256i m = _mm256_and_si256(_mm256_srli_epi64(bits, 11), mantissa); \
        __m256d onePlus = _mm256_castsi256_pd(_mm256_or_si256(m, one)); \
        __m256d offset = _mm256_castsi256_pd(_mm256_sub_epi64(two, _mm256_slli_epi64(_mm256_srli_epi64(bits, 63), 52))); \
        __m256d u = _mm256_sub_pd(onePlus, offset); \
        size_t l0 = words[j] & 0x7F, l1 = words[j + 1] & 0x7F, l2 = words[j + 2] & 0x7F, l3 = words[j + 3] & 0x7F; \
        __m256d xl = _mm256_set_pd(x[l3], x[l2], x[l1], x[l0]), rl = _mm256_set_pd(ratio[l3], ratio[l2], ratio[l1], ratio[l0]); \
        __m256d z = _mm256_mul_pd(u, xl); \
        _mm256_storeu_pd(out + j, _mm256_add_pd(meanV, _mm256_mul_pd(stdV, z))); \
        int inside = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_and_pd(u, absMask), rl, _CMP_LT_OQ)); \
        if (inside != 0xF) { \
            for (int lane = 0; lane < 4; lane++) { \
                slow[slowCount] = (uint32_t)(j + lane); \
                slowCount += !((inside >> lane) & 1); \
            } \
        } \
    } \
    return fast_path_scalar(words, j, n, out, x, ratio, mean, std, slow, slowCount);

// The same two words at a time in SSE2, which every x86-64 CPU has.
static size_t fast_path_sse2(const uint64_t *restrict words, size_t n, double *restrict out, const double *restrict x,
                             const double *restrict ratio, double mean, double std, uint32_t *restrict slow,
                             size_t slowCount) {
    const __m128i mantissa = _mm_set1_epi64x(0xFFFFFFFFFFFFFLL);
    const __m128i one = _mm_set1_epi64x(0x3FF0000000000000LL), two = _mm_set1_epi64x(0x4000000000000000LL);
    const __m128d absMask = _mm_castsi128_pd(_mm_set1_epi64x(0x7FFFFFFFFFFFFFFFLL));
    const __m128d meanV = _mm_set1_pd(mean), stdV = _mm_set1_pd(std);
    size_t j = 0;
    for (; j + 2 <= n; j += 2) {
        __m128i bits = _mm_loadu_si128((const __m128i *)(words + j));
        __m128i m = _mm_and_si128(_mm_srli_epi64(bits, 11), mantissa);
        __m128d onePlus = _mm_castsi128_pd(_mm_or_si128(m, one));
        __m128d offset = _mm_castsi128_pd(_mm_sub_epi64(two, _mm_slli_epi64(_mm_srli_epi64(bits, 63), 52)));
        __m128d u = _mm_sub_pd(onePlus, offset);
        size_t l0 = words[j] & 0x7F, l1 = words[j + 1] & 0x7F;
        __m128d xl = _mm_set_pd(x[l1], x[l0]), rl = _mm_set_pd(ratio[l1], ratio[l0]);
        __m128d z = _mm_mul_pd(u, xl);
        _mm_storeu_pd(out + j, _mm_add_pd(meanV, _mm_mul_pd(stdV, z)));
        int inside = _mm_movemask_pd(_mm_cmplt_pd(_mm_and_pd(u, absMask), rl));
        slow[slowCount] = (uint32_t)j;
        slowCount += !(inside & 1);
        slow[slowCount] = (uint32_t)(j + 1);
        slowCount += !(inside & 2);
    }
    return fast_path_scalar(words, j, n, out, x, ratio, mean, std, slow, slowCount);
}

__attribute__((target("avx2")))
static size_t fast_path_avx2(const uint64_t *restrict words, size_t n, double *restrict out, const double *restrict x,
                             const double *restrict ratio, double mean, double std, uint32_t *restrict slow,
                             size_t slowCount) {
    FAST_PATH_VECTOR_BODY
}

__attribute__((target("avx512f,avx512dq,avx512vl")))
static size_t fast_path_avx512(const uint64_t *restrict words, size_t n, double *restrict out, const double *restrict x,
                               const double *restrict ratio, double mean, double std, uint32_t *restrict slow,
                               size_t slowCount) {
    FAST_PATH_VECTOR_BODY
}
#endif

/// Words in batches of 512 on the stack (4 KB), the fast path over each batch, then the few
/// misses through `ziggurat_slow`.
static size_t normals(double *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                      const double *restrict x, const double *restrict ratio, double mean, double std,
                      uint32_t *restrict slowOut, int resolve, int level) {
    enum { batch = 512 };
    uint64_t words[batch];
    uint32_t slow[batch];
    size_t slowTotal = 0;
    level = nnlab_philox_usable_level(level);
    for (size_t done = 0; done < count; done += batch) {
        size_t n = count - done < batch ? count - done : batch;
        nnlab_philox_words_at_level(words, n, key0, key1, first + done, level);
        size_t slowCount;
#if defined(__x86_64__)
        if (level == PHILOX_AVX512) slowCount = fast_path_avx512(words, n, out + done, x, ratio, mean, std, slow, 0);
        else if (level == PHILOX_AVX2) slowCount = fast_path_avx2(words, n, out + done, x, ratio, mean, std, slow, 0);
        else slowCount = fast_path_sse2(words, n, out + done, x, ratio, mean, std, slow, 0);
#else
        slowCount = fast_path_scalar(words, 0, n, out + done, x, ratio, mean, std, slow, 0);
#endif
        for (size_t k = 0; k < slowCount; k++) {
            size_t j = slow[k];
            if (resolve) {
                double z = ziggurat_slow(words[j], first + done + j, key0, key1, x, ratio);
                out[done + j] = mean + std * z;
            } else {
                slowOut[slowTotal + k] = (uint32_t)(done + j);
            }
        }
        slowTotal += slowCount;
    }
    return slowTotal;
}

size_t nnlab_philox_normal(double *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                           const double *restrict x, const double *restrict ratio, double mean, double std,
                           uint32_t *restrict slow) {
    return normals(out, count, key0, key1, first, x, ratio, mean, std, slow, 0, -1);
}

void nnlab_philox_normals_at_level(double *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                                   const double *restrict x, const double *restrict ratio, double mean, double std,
                                   int level) {
    normals(out, count, key0, key1, first, x, ratio, mean, std, 0, 1, level);
}

void nnlab_philox_normals(double *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                          const double *restrict x, const double *restrict ratio, double mean, double std) {
    normals(out, count, key0, key1, first, x, ratio, mean, std, 0, 1, -1);
}
