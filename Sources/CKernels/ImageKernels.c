#include "CKernels.h"
#include "KernelDispatch.h"

// NNImage's inner loops over float32 planes and 8-bit rows. Each is written so that clang
// vectorizes it, and compiled three times on x86-64 Linux (AVX-512, AVX2, baseline SSE2), the
// clone picked at load time from the CPU's features. No clone changes a result: every float
// lane computes the scalar formula in the scalar order, without FMA contraction, so each kernel
// equals the plain Swift loops it replaced bit for bit (ImageKernelTests checks every lane and tail).
#pragma clang fp contract(off)

// Each kernel is instantiated once per instruction set (KernelDispatch.h), and the public
// function calls the instance of the level chosen at the first call (the CPU's best) or by
// `nnlab_image_kernels_use` (the tests, to check every instance against the scalar reference on
// a machine that has them all).

NNLAB_CHOSEN_LEVEL(nnlab_image_kernels_use)

#define NNLAB_IMAGE_KERNEL(name, params, args) NNLAB_DISPATCHED(level(), name, params, args)

// Swift's `min(max(v, 0), 1)`: `max(x, y)` is `y >= x ? y : x` and `min(x, y)` is `y < x ? y : x`,
// spelled the same way so that -0 and NaN come out as in Swift.
static inline float clamp01(float v) {
    float m = (0.0f >= v) ? 0.0f : v;
    return (1.0f < m) ? 1.0f : m;
}

// Sixteen lanes: one AVX-512 vector, two AVX2 vectors, four SSE2 vectors.
enum { lanes = 16 };
typedef float float4 __attribute__((vector_size(16), aligned(4)));

// The 4×4 block at `src` (rows `srcStride` apart) written transposed to `dst` (rows `dstStride`
// apart), in four loads, eight shuffles and four stores, which every x86-64 has.
static inline void transpose4(const float *src, size_t srcStride, float *dst, size_t dstStride) {
    float4 r0 = *(const float4 *)src, r1 = *(const float4 *)(src + srcStride);
    float4 r2 = *(const float4 *)(src + 2 * srcStride), r3 = *(const float4 *)(src + 3 * srcStride);
    float4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5), t1 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7);
    float4 t2 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5), t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
    *(float4 *)dst = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
    *(float4 *)(dst + dstStride) = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
    *(float4 *)(dst + 2 * dstStride) = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
    *(float4 *)(dst + 3 * dstStride) = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
}

NNLAB_BODY void nnlab_resample_horizontal_body(const float *restrict src, size_t srcStride, size_t rows, size_t columnStart,
                               size_t columnCount, const int32_t *restrict first, const int32_t *restrict count,
                               const float *restrict weights, size_t weightStride, size_t outWidth,
                               float *restrict out, size_t outStride, float *restrict scratch) {
    // Sixteen rows at a time, one per lane: the block's columns are transposed into `scratch`
    // (column j's sixteen values contiguous), so that every tap is one vector multiply-add for
    // sixteen outputs, all with the same weights and the same number of taps, in the scalar order.
    float *block = scratch;                            // [columnCount][lanes]
    float *sums = scratch + columnCount * lanes;       // [outWidth][lanes]
    for (size_t r0 = 0; r0 < rows; r0 += lanes) {
        size_t valid = rows - r0 < lanes ? rows - r0 : lanes;
        const float *rowAt[lanes];
        // A last block of fewer rows repeats its last row in the spare lanes, whose sums are dropped.
        for (size_t l = 0; l < lanes; l++) rowAt[l] = src + (r0 + (l < valid ? l : valid - 1)) * srcStride + columnStart;
        size_t j = 0;
        if (valid == lanes) {
            for (; j + 4 <= columnCount; j += 4)
                for (size_t l = 0; l < lanes; l += 4) transpose4(rowAt[l] + j, srcStride, block + j * lanes + l, lanes);
        }
        for (; j < columnCount; j++)
            for (size_t l = 0; l < lanes; l++) block[j * lanes + l] = rowAt[l][j];
        for (size_t x = 0; x < outWidth; x++) {
            const float *w = weights + x * weightStride;
            const float *column = block + ((size_t)first[x] - columnStart) * lanes;
            float acc[lanes];
            for (size_t l = 0; l < lanes; l++) acc[l] = 0;
            for (int32_t k = 0; k < count[x]; k++) {
                float wk = w[k];
                for (size_t l = 0; l < lanes; l++) acc[l] += column[k * lanes + l] * wk;
            }
            for (size_t l = 0; l < lanes; l++) sums[x * lanes + l] = acc[l];
        }
        // Back to rows.
        size_t x = 0;
        if (valid == lanes) {
            for (; x + 4 <= outWidth; x += 4)
                for (size_t l = 0; l < lanes; l += 4) transpose4(sums + x * lanes + l, lanes, out + (r0 + l) * outStride + x, outStride);
        }
        for (; x < outWidth; x++)
            for (size_t l = 0; l < valid; l++) out[(r0 + l) * outStride + x] = sums[x * lanes + l];
    }
}

NNLAB_BODY void nnlab_resample_vertical_body(const float *restrict middle, size_t width, const int32_t *restrict first,
                             const int32_t *restrict count, const float *restrict weights, size_t weightStride,
                             size_t outHeight, float *restrict out) {
    for (size_t y = 0; y < outHeight; y++) {
        const float *w = weights + y * weightStride;
        float *target = out + y * width;
        // Sixty-four columns at a time stay in registers across the taps; each sum starts at 0 and
        // adds the taps in order, as the row-wise Swift loop did.
        size_t x = 0;
        for (; x + 64 <= width; x += 64) {
            float acc[64];
            for (size_t l = 0; l < 64; l++) acc[l] = 0;
            for (int32_t k = 0; k < count[y]; k++) {
                const float *m = middle + ((size_t)first[y] + k) * width + x;
                float wk = w[k];
                for (size_t l = 0; l < 64; l++) acc[l] += wk * m[l];
            }
            for (size_t l = 0; l < 64; l++) target[x + l] = acc[l];
        }
        for (size_t i = x; i < width; i++) target[i] = 0;
        for (int32_t k = 0; k < count[y]; k++) {
            const float *m = middle + ((size_t)first[y] + k) * width;
            float wk = w[k];
            for (size_t i = x; i < width; i++) target[i] += wk * m[i];
        }
    }
}

// The colour kernels read `src` and write `dst`, which may be the same array (in place) but do
// not otherwise overlap: element i is read before it is written, so lanes are independent, which
// `assume_safety` tells the vectorizer (it would otherwise keep a scalar loop for src == dst).
NNLAB_BODY void nnlab_scale_clamp_body(const float *src, float *dst, size_t n, float factor) {
#pragma clang loop vectorize(assume_safety)
    for (size_t i = 0; i < n; i++) dst[i] = clamp01(src[i] * factor);
}

NNLAB_BODY void nnlab_contrast_clamp_body(const float *src, float *dst, size_t n, float mean, float factor) {
#pragma clang loop vectorize(assume_safety)
    for (size_t i = 0; i < n; i++) dst[i] = clamp01(mean + factor * (src[i] - mean));
}

NNLAB_BODY void nnlab_saturation_clamp_body(const float *src, float *dst, size_t n, float wr, float wg, float wb,
                                            float factor) {
    const float *r = src, *g = src + n, *b = src + 2 * n;
#pragma clang loop vectorize(assume_safety)
    for (size_t i = 0; i < n; i++) {
        float y = wr * r[i] + wg * g[i] + wb * b[i];
        float rr = clamp01(y + factor * (r[i] - y));
        float gg = clamp01(y + factor * (g[i] - y));
        float bb = clamp01(y + factor * (b[i] - y));
        dst[i] = rr; dst[n + i] = gg; dst[2 * n + i] = bb;
    }
}

NNLAB_BODY void nnlab_reverse_rows_body(const float *restrict src, float *restrict dst, size_t width, size_t rows) {
    for (size_t y = 0; y < rows; y++) {
        const float *s = src + y * width;
        float *d = dst + y * width;
        for (size_t x = 0; x < width; x++) d[x] = s[width - 1 - x];
    }
}

NNLAB_BODY void nnlab_planes_to_rgb8_body(const float *restrict planes, size_t planeCount, uint8_t *restrict out) {
    const float *r = planes, *g = planes + planeCount, *b = planes + 2 * planeCount;
    for (size_t i = 0; i < planeCount; i++) {
        // Swift's UInt8(v · 255 + 0.5) truncates toward zero, as the C conversion does.
        out[3 * i] = (uint8_t)(clamp01(r[i]) * 255.0f + 0.5f);
        out[3 * i + 1] = (uint8_t)(clamp01(g[i]) * 255.0f + 0.5f);
        out[3 * i + 2] = (uint8_t)(clamp01(b[i]) * 255.0f + 0.5f);
    }
}

NNLAB_BODY void nnlab_png_filter_average_body(const uint8_t *restrict pixels, size_t rowBytes, size_t rows, size_t bytesPerPixel,
                              uint8_t *restrict out) {
    for (size_t y = 0; y < rows; y++) {
        const uint8_t *row = pixels + y * rowBytes;
        uint8_t *o = out + y * (rowBytes + 1);
        o[0] = 3;  // PNG filter type 3, Average: x − ⌊(left + up) / 2⌋, both 0 outside the image.
        o++;
        if (y == 0) {
            for (size_t i = 0; i < bytesPerPixel && i < rowBytes; i++) o[i] = row[i];
            for (size_t i = bytesPerPixel; i < rowBytes; i++) o[i] = (uint8_t)(row[i] - (row[i - bytesPerPixel] >> 1));
        } else {
            const uint8_t *up = row - rowBytes;
            for (size_t i = 0; i < bytesPerPixel && i < rowBytes; i++) o[i] = (uint8_t)(row[i] - (up[i] >> 1));
            for (size_t i = bytesPerPixel; i < rowBytes; i++) {
                uint8_t a = row[i - bytesPerPixel], b = up[i];
                // ⌊(a + b) / 2⌋ without leaving 8 bits.
                o[i] = (uint8_t)(row[i] - ((a & b) + ((a ^ b) >> 1)));
            }
        }
    }
}

// The public kernels, one instance per instruction set.
NNLAB_IMAGE_KERNEL(nnlab_resample_horizontal,
                   (const float *restrict src, size_t srcStride, size_t rows, size_t columnStart, size_t columnCount,
                    const int32_t *restrict first, const int32_t *restrict count, const float *restrict weights,
                    size_t weightStride, size_t outWidth, float *restrict out, size_t outStride, float *restrict scratch),
                   (src, srcStride, rows, columnStart, columnCount, first, count, weights, weightStride, outWidth, out,
                    outStride, scratch))
NNLAB_IMAGE_KERNEL(nnlab_resample_vertical,
                   (const float *restrict middle, size_t width, const int32_t *restrict first, const int32_t *restrict count,
                    const float *restrict weights, size_t weightStride, size_t outHeight, float *restrict out),
                   (middle, width, first, count, weights, weightStride, outHeight, out))
NNLAB_IMAGE_KERNEL(nnlab_scale_clamp, (const float *src, float *dst, size_t n, float factor), (src, dst, n, factor))
NNLAB_IMAGE_KERNEL(nnlab_contrast_clamp, (const float *src, float *dst, size_t n, float mean, float factor),
                   (src, dst, n, mean, factor))
NNLAB_IMAGE_KERNEL(nnlab_saturation_clamp, (const float *src, float *dst, size_t n, float wr, float wg, float wb, float factor),
                   (src, dst, n, wr, wg, wb, factor))
NNLAB_IMAGE_KERNEL(nnlab_reverse_rows, (const float *restrict src, float *restrict dst, size_t width, size_t rows), (src, dst, width, rows))
NNLAB_IMAGE_KERNEL(nnlab_planes_to_rgb8, (const float *restrict planes, size_t planeCount, uint8_t *restrict out),
                   (planes, planeCount, out))
NNLAB_IMAGE_KERNEL(nnlab_png_filter_average,
                   (const uint8_t *restrict pixels, size_t rowBytes, size_t rows, size_t bytesPerPixel, uint8_t *restrict out),
                   (pixels, rowBytes, rows, bytesPerPixel, out))

const char *nnlab_simd_level(void) {
#if NNLAB_X86_DISPATCH
    static const char *names[] = {"SSE2", "AVX2", "AVX-512"};
    return names[level()];
#elif defined(__aarch64__)
    return "NEON";
#else
    return "scalar";
#endif
}
