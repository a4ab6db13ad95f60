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

#endif
