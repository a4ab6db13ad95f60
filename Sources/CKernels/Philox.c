#include "CKernels.h"

// Philox4x64-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3",
// SC'11), the block function of Random123's philox.h: ten rounds of two 64×64→128-bit products
// in a Feistel-like network, the key bumped by the Weyl constants between rounds.

#define PHILOX_M0 0xD2E7470EE14C6C93ULL
#define PHILOX_M1 0xCA5A826395121157ULL
#define PHILOX_W0 0x9E3779B97F4A7C15ULL
#define PHILOX_W1 0xBB67AE8584CAA73BULL

typedef unsigned __int128 uint128;

// One round: (c0, c1, c2, c3) ← (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0)).
#define PHILOX_ROUND(c, k0, k1) do { \
    uint128 p0 = (uint128)PHILOX_M0 * c[0]; \
    uint128 p1 = (uint128)PHILOX_M1 * c[2]; \
    uint64_t n0 = (uint64_t)(p1 >> 64) ^ c[1] ^ (k0); \
    uint64_t n2 = (uint64_t)(p0 >> 64) ^ c[3] ^ (k1); \
    c[1] = (uint64_t)p1; c[3] = (uint64_t)p0; c[0] = n0; c[2] = n2; \
} while (0)

void nnlab_philox4x64_10(const uint64_t counter[4], const uint64_t key[2], uint64_t out[4]) {
    uint64_t c[4] = {counter[0], counter[1], counter[2], counter[3]};
    uint64_t k0 = key[0], k1 = key[1];
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        PHILOX_ROUND(c, k0, k1);
    }
    out[0] = c[0]; out[1] = c[1]; out[2] = c[2]; out[3] = c[3];
}

// Two blocks at a time: their rounds are independent, so the multiplier works on one block's
// product while the other's is in flight (one block alone is a chain of ten dependent products).
// Four blocks measured slower: sixteen state words do not fit in x86-64's registers.
#if defined(__x86_64__) && defined(__linux__)
#define NNLAB_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NNLAB_CLONES
#endif

// The block with counter (b, 0, 0, 0), in scalar locals that the compiler keeps in registers.
static inline void philox_block(uint64_t b, uint64_t k0, uint64_t k1, uint64_t *out) {
    uint64_t c[4] = {b, 0, 0, 0};
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += PHILOX_W0; k1 += PHILOX_W1; }
        PHILOX_ROUND(c, k0, k1);
    }
    out[0] = c[0]; out[1] = c[1]; out[2] = c[2]; out[3] = c[3];
}

NNLAB_CLONES
void nnlab_philox_words(uint64_t *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first) {
    size_t j = 0;
    // Words before the first block boundary, from one block.
    while (j < count && ((first + j) & 3) != 0) {
        uint64_t ctr[4] = {(first + j) >> 2, 0, 0, 0}, key[2] = {key0, key1}, block[4];
        nnlab_philox4x64_10(ctr, key, block);
        for (; j < count && ((first + j) & 3) != 0; j++) out[j] = block[(first + j) & 3];
    }
    for (; j + 8 <= count; j += 8) {
        uint64_t b = (first + j) >> 2;
        philox_block(b, key0, key1, out + j);
        philox_block(b + 1, key0, key1, out + j + 4);
    }
    while (j < count) {
        uint64_t ctr[4] = {(first + j) >> 2, 0, 0, 0}, key[2] = {key0, key1}, block[4];
        nnlab_philox4x64_10(ctr, key, block);
        for (int w = 0; w < 4 && j < count; w++, j++) out[j] = block[w];
    }
}

// The ziggurat's fast path over the stream's words, in the engine's exact arithmetic (no FMA
// contraction, so every element equals the Swift path's `mean + std · u·x[i]` bit for bit).
#pragma clang fp contract(off)

NNLAB_CLONES
size_t nnlab_philox_normal(double *restrict out, size_t count, uint64_t key0, uint64_t key1, uint64_t first,
                           const double *restrict x, const double *restrict ratio, double mean, double std,
                           uint32_t *restrict slow) {
    enum { batch = 512 };
    uint64_t words[batch];
    size_t slowCount = 0;
    for (size_t done = 0; done < count; done += batch) {
        size_t n = count - done < batch ? count - done : batch;
        nnlab_philox_words(words, n, key0, key1, first + done);
        for (size_t j = 0; j < n; j++) {
            uint64_t bits = words[j];
            size_t layer = bits & 0x7F;
            double u = (double)(int64_t)(bits >> 11) * 0x1.0p-52 - 1.0;
            double z = u * x[layer];
            out[done + j] = mean + std * z;
            // The 1.2% outside the layer's inner rectangle: the caller redoes them in full.
            slow[slowCount] = (uint32_t)(done + j);
            slowCount += !(__builtin_fabs(u) < ratio[layer]);
        }
    }
    return slowCount;
}
