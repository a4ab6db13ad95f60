// Internal to CKernels: the Philox4x64-10 round and the per-instruction-set block loops that
// Philox.c defines and PhiloxNormal.c uses.
#ifndef NNLAB_PHILOX_BLOCKS_H
#define NNLAB_PHILOX_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

#define PHILOX_M0 0xD2E7470EE14C6C93ULL
#define PHILOX_M1 0xCA5A826395121157ULL
#define PHILOX_W0 0x9E3779B97F4A7C15ULL
#define PHILOX_W1 0xBB67AE8584CAA73BULL

typedef unsigned __int128 uint128;

// One round: (c0, c1, c2, c3) ← (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0)).
#define PHILOX_ROUND(c0, c1, c2, c3, k0, k1) do { \
    uint128 p0_ = (uint128)PHILOX_M0 * (c0); \
    uint128 p1_ = (uint128)PHILOX_M1 * (c2); \
    uint64_t n0_ = (uint64_t)(p1_ >> 64) ^ (c1) ^ (k0); \
    uint64_t n2_ = (uint64_t)(p0_ >> 64) ^ (c3) ^ (k1); \
    (c1) = (uint64_t)p1_; (c3) = (uint64_t)p0_; (c0) = n0_; (c2) = n2_; \
} while (0)

// The instruction sets the block loops are compiled for (`nnlab_philox_level`).
enum { PHILOX_BASELINE = 0, PHILOX_AVX2 = 1, PHILOX_AVX512 = 2 };

/// Blocks `b0 ..< b0 + nblocks` (counters (b, 0, 0, 0)) into out[4·nblocks], at `level`, which
/// the caller has checked the CPU supports.
void nnlab_philox_blocks_at(int level, uint64_t *out, size_t nblocks, uint64_t key0, uint64_t key1, uint64_t b0);

/// The level to use for `requested` (a negative value asks for the best the CPU has): the
/// highest one not above the request that the CPU supports.
int nnlab_philox_usable_level(int requested);

#endif
