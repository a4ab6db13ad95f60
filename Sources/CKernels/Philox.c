#include "CKernels.h"
#include "PhiloxBlocks.h"
#include <stdlib.h>
#include <string.h>

// Philox4x64-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3",
// SC'11), the block function of Random123's philox.h: ten rounds of two 64×64→128-bit products
// in a Feistel-like network, the key bumped by the Weyl constants between rounds.

void nnlab_philox4x64_10(const uint64_t counter[4], const uint64_t key[2], uint64_t out[4]) {
    uint64_t c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3];
    uint64_t k0 = key[0], k1 = key[1];
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        PHILOX_ROUND(c0, c1, c2, c3, k0, k1);
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

// The block with counter (b, 0, 0, 0), in scalar locals that the compiler keeps in registers.
static inline __attribute__((always_inline)) void philox_block(uint64_t b, uint64_t k0, uint64_t k1, uint64_t *out) {
    uint64_t c0 = b, c1 = 0, c2 = 0, c3 = 0;
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        PHILOX_ROUND(c0, c1, c2, c3, k0, k1);
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

// Two blocks at a time: their rounds are independent, so the multiplier works on one block's
// product while the other's is in flight (one block alone is a chain of ten dependent products).
// Four blocks measured no faster: sixteen state words do not fit in x86-64's registers, and the
// 64×64→128-bit multiplier is then the limit (about 2.2 ns a word on a 3.7 GHz Zen 4).
static inline __attribute__((always_inline))
void blocks_scalar(uint64_t *out, size_t nblocks, uint64_t k0, uint64_t k1, uint64_t b0) {
    size_t j = 0;
    for (; j + 2 <= nblocks; j += 2) {
        philox_block(b0 + j, k0, k1, out + 4 * j);
        philox_block(b0 + j + 1, k0, k1, out + 4 * j + 4);
    }
    if (j < nblocks) philox_block(b0 + j, k0, k1, out + 4 * j);
}

#if defined(__x86_64__)
// Four blocks per vector register, lane l holding block b + l. x86 has no 64×64→128-bit vector
// multiply, so each product is built from four 32×32→64-bit ones (vpmuludq):
//     a·m = (aₕ2³² + aₗ)(mₕ2³² + mₗ),  t = aₕmₗ + ⌊aₗmₗ/2³²⌋,  w = (t mod 2³²) + aₗmₕ,
//     hi = aₕmₕ + ⌊t/2³²⌋ + ⌊w/2³²⌋,   lo = w·2³² + (aₗmₗ mod 2³²)
// (no sum overflows 64 bits: (2³²−1)² + 2·(2³²−1) = 2⁶⁴ − 1). That is sixteen vector operations
// for four products against four scalar multiplies, so the vector units alone are no faster than
// the scalar multiplier; but they are separate execution units, and vectors beside scalar blocks
// keep both busy: 1.7 ns a word with AVX2 and 1.4 with AVX-512 (whose vpmullq gives the low half
// in one instruction, and vpternlogq the three-way xor), against 2.3 for scalar code alone
// (Zen 4, 3.7 GHz). SSE2's two-lane vectors measured slower than scalar code, so
// the baseline build stays scalar.
typedef uint64_t u64x4 __attribute__((vector_size(32)));

static inline __attribute__((always_inline))
void mulhilo4(const u64x4 *a, uint64_t m, u64x4 *hi, u64x4 *lo, int lowByMultiply) {
    const u64x4 mask = {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
    const uint64_t ml = m & 0xFFFFFFFFu, mh = m >> 32;
    u64x4 al = *a & mask, ah = *a >> 32;
    u64x4 ll = al * ml, lh = al * mh, hl = ah * ml, hh = ah * mh;
    u64x4 t = hl + (ll >> 32);
    u64x4 w = (t & mask) + lh;
    *hi = hh + (t >> 32) + (w >> 32);
    *lo = lowByMultiply ? *a * m : (w << 32) | (ll & mask);
}

#define PHILOX_VECTOR_ROUND(c0, c1, c2, c3, k0, k1, lowByMultiply) do { \
    u64x4 h0_, l0_, h1_, l1_; \
    mulhilo4(&(c0), PHILOX_M0, &h0_, &l0_, lowByMultiply); \
    mulhilo4(&(c2), PHILOX_M1, &h1_, &l1_, lowByMultiply); \
    u64x4 n0_ = h1_ ^ (c1) ^ (k0), n2_ = h0_ ^ (c3) ^ (k1); \
    (c1) = l1_; (c3) = l0_; (c0) = n0_; (c2) = n2_; \
} while (0)

// Lane l of (c0, c1, c2, c3) is block l: a 4×4 transpose turns the four state vectors into the
// four blocks' words in stream order.
static inline __attribute__((always_inline))
void store_blocks4(uint64_t *out, const u64x4 *c0, const u64x4 *c1, const u64x4 *c2, const u64x4 *c3) {
    u64x4 t0 = __builtin_shufflevector(*c0, *c1, 0, 4, 2, 6), t1 = __builtin_shufflevector(*c0, *c1, 1, 5, 3, 7);
    u64x4 t2 = __builtin_shufflevector(*c2, *c3, 0, 4, 2, 6), t3 = __builtin_shufflevector(*c2, *c3, 1, 5, 3, 7);
    u64x4 r0 = __builtin_shufflevector(t0, t2, 0, 1, 4, 5), r1 = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
    u64x4 r2 = __builtin_shufflevector(t0, t2, 2, 3, 6, 7), r3 = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
    memcpy(out, &r0, 32); memcpy(out + 4, &r1, 32); memcpy(out + 8, &r2, 32); memcpy(out + 12, &r3, 32);
}

// Blocks b ..< b + 16: twelve in three vectors and four in scalar registers alongside (of the
// mixes measured, the fastest that divides the kernels' batches of 64 and 512 words).
static inline __attribute__((always_inline))
void blocks_group16(uint64_t *out, uint64_t b, uint64_t k0, uint64_t k1, int lowByMultiply) {
    const u64x4 zero = {0, 0, 0, 0}, first = {b, b + 1, b + 2, b + 3};
    u64x4 a0 = first, a1 = zero, a2 = zero, a3 = zero;
    u64x4 e0 = first + 4, e1 = zero, e2 = zero, e3 = zero;
    u64x4 f0 = first + 8, f1 = zero, f2 = zero, f3 = zero;
    uint64_t s[4][4] = {{b + 12, 0, 0, 0}, {b + 13, 0, 0, 0}, {b + 14, 0, 0, 0}, {b + 15, 0, 0, 0}};
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        PHILOX_VECTOR_ROUND(a0, a1, a2, a3, k0, k1, lowByMultiply);
        PHILOX_VECTOR_ROUND(e0, e1, e2, e3, k0, k1, lowByMultiply);
        PHILOX_VECTOR_ROUND(f0, f1, f2, f3, k0, k1, lowByMultiply);
        for (int i = 0; i < 4; i++) PHILOX_ROUND(s[i][0], s[i][1], s[i][2], s[i][3], k0, k1);
    }
    store_blocks4(out, &a0, &a1, &a2, &a3);
    store_blocks4(out + 16, &e0, &e1, &e2, &e3);
    store_blocks4(out + 32, &f0, &f1, &f2, &f3);
    memcpy(out + 48, s, sizeof s);
}

#define PHILOX_VECTOR_BLOCKS(lowByMultiply) do { \
    size_t j = 0; \
    for (; j + 16 <= nblocks; j += 16) blocks_group16(out + 4 * j, b0 + j, k0, k1, lowByMultiply); \
    blocks_scalar(out + 4 * j, nblocks - j, k0, k1, b0 + j); \
} while (0)

__attribute__((target("avx2,bmi2")))
static void blocks_avx2(uint64_t *out, size_t nblocks, uint64_t k0, uint64_t k1, uint64_t b0) {
    PHILOX_VECTOR_BLOCKS(0);
}

__attribute__((target("avx512f,avx512dq,avx512vl,bmi2")))
static void blocks_avx512(uint64_t *out, size_t nblocks, uint64_t k0, uint64_t k1, uint64_t b0) {
    PHILOX_VECTOR_BLOCKS(1);
}
#endif

static void blocks_baseline(uint64_t *out, size_t nblocks, uint64_t k0, uint64_t k1, uint64_t b0) {
    blocks_scalar(out, nblocks, k0, k1, b0);
}

int nnlab_philox_usable_level(int requested) {
    // Computed once; a race between two first callers stores the same value twice.
    static int best = -1;
    int level = __atomic_load_n(&best, __ATOMIC_RELAXED);
    if (level < 0) {
        level = PHILOX_BASELINE;
#if defined(__x86_64__)
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2")) level = PHILOX_AVX2;
        if (level == PHILOX_AVX2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
            __builtin_cpu_supports("avx512vl")) level = PHILOX_AVX512;
#endif
        // NNLAB_PHILOX_LEVEL=0 or 1 caps the level, so that one machine can time (and test) the
        // code that older CPUs run.
        const char *cap = getenv("NNLAB_PHILOX_LEVEL");
        if (cap != NULL && cap[0] >= '0' && cap[0] <= '2' && cap[1] == 0 && cap[0] - '0' < level) level = cap[0] - '0';
        __atomic_store_n(&best, level, __ATOMIC_RELAXED);
    }
    return requested < 0 || requested > level ? level : requested;
}

int nnlab_philox_level(void) { return nnlab_philox_usable_level(-1); }

void nnlab_philox_blocks_at(int level, uint64_t *out, size_t nblocks, uint64_t key0, uint64_t key1, uint64_t b0) {
#if defined(__x86_64__)
    if (level == PHILOX_AVX512) { blocks_avx512(out, nblocks, key0, key1, b0); return; }
    if (level == PHILOX_AVX2) { blocks_avx2(out, nblocks, key0, key1, b0); return; }
#endif
    blocks_baseline(out, nblocks, key0, key1, b0);
}

void nnlab_philox_words_at_level(uint64_t *restrict out, size_t count, uint64_t key0, uint64_t key1,
                                 uint64_t first, int level) {
    level = nnlab_philox_usable_level(level);
    size_t j = 0;
    uint64_t block[4];
    // Words before the first block boundary, from one block.
    if ((first & 3) != 0 && count > 0) {
        philox_block(first >> 2, key0, key1, block);
        for (; j < count && ((first + j) & 3) != 0; j++) out[j] = block[(first + j) & 3];
    }
    size_t whole = (count - j) / 4;
    if (whole > 0) nnlab_philox_blocks_at(level, out + j, whole, key0, key1, (first + j) >> 2);
    j += 4 * whole;
    if (j < count) {
        philox_block((first + j) >> 2, key0, key1, block);
        for (int w = 0; j < count; w++, j++) out[j] = block[w];
    }
}

void nnlab_philox_words(uint64_t *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first) {
    nnlab_philox_words_at_level(out, count, key0, key1, first, -1);
}
