// How a C kernel runs at the best instruction set the CPU has: its body is one always-inlined
// function, instantiated once per level (`NNLAB_DISPATCHED`), and the public function calls the
// instance of the level its file chose. On x86-64 Linux the levels are 0 baseline (SSE2),
// 1 AVX2 and 2 AVX-512; elsewhere there is one instance. Kernels written this way compute the
// same numbers at every level: each vector lane follows the scalar formula in the scalar order,
// and the files turn FMA contraction off.
#ifndef NNLAB_KERNEL_DISPATCH_H
#define NNLAB_KERNEL_DISPATCH_H

#define NNLAB_BODY static inline __attribute__((always_inline))

#if defined(__x86_64__) && defined(__linux__)
#define NNLAB_X86_DISPATCH 1
/// The best level this CPU runs.
static inline int nnlab_supported_level(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512dq")) return 2;
    if (__builtin_cpu_supports("avx2")) return 1;
    return 0;
}
/// Defines `name params`, calling `name##_body args` compiled for the level `levelExpr` gives.
#define NNLAB_DISPATCHED(levelExpr, name, params, args) \
    __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl"))) static void name##_avx512 params { name##_body args; } \
    __attribute__((target("avx2"))) static void name##_avx2 params { name##_body args; } \
    static void name##_sse2 params { name##_body args; } \
    void name params { \
        switch (levelExpr) { \
        case 2: name##_avx512 args; break; \
        case 1: name##_avx2 args; break; \
        default: name##_sse2 args; break; \
        } \
    }
#else
static inline int nnlab_supported_level(void) { return 0; }
#define NNLAB_DISPATCHED(levelExpr, name, params, args) void name params { name##_body args; }
#endif

/// Defines the file's `static int level(void)`: the level its kernels run at, the CPU's best
/// until `useName(requested)` (public) sets another, capped at the best (−1 for the best); the
/// tests use it to check every instance on a machine that has them all. The level is a plain
/// int, -1 until the first call, set once to the same value by any racing threads.
#define NNLAB_CHOSEN_LEVEL(useName) \
    static int chosen_level = -1; \
    static inline int level(void) { \
        int l = __atomic_load_n(&chosen_level, __ATOMIC_RELAXED); \
        if (l < 0) { l = nnlab_supported_level(); __atomic_store_n(&chosen_level, l, __ATOMIC_RELAXED); } \
        return l; \
    } \
    int useName(int requested) { \
        int best = nnlab_supported_level(); \
        int l = requested < 0 || requested > best ? best : requested; \
        __atomic_store_n(&chosen_level, l, __ATOMIC_RELAXED); \
        return l; \
    }

#endif
