#include "CKernels.h"
#include "KernelDispatch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

// The histogram and row ranges of a product C = Aᵀ·B of two thin matrices, in tiles that stay in
// the L1 cache: a [width, width] weight gradient of a batch of 16 is 128 MB when written out, and
// writing it, then reading it back twice (histogram, ranges), had cost more than computing it.
//
// Every element is Σₜ A[t][i]·B[t][j] summed from +0 in the order t = 0, 1, …, k − 1, multiply then
// add (no FMA contraction), so every instruction-set level, lane and tail gives the same bits.
#pragma clang fp contract(off)
// The 64-byte vectors below never cross a call: every helper is always inlined into an instance
// compiled for its instruction set, so the warning that passing them would change the ABI does not apply.
#pragma clang diagnostic ignored "-Wpsabi"

NNLAB_CHOSEN_LEVEL(nnlab_product_kernels_use)

// Eight lanes: one AVX-512 vector, two AVX2 vectors, four SSE2 vectors.
typedef double double8 __attribute__((vector_size(64), aligned(8)));
typedef int64_t mask8 __attribute__((vector_size(64), aligned(8)));
typedef int32_t int8v __attribute__((vector_size(32), aligned(4)));

// A tile of C is four rows by up to 512 columns: the four rows share each vector of B loaded, and
// the tile spans as many columns as keep B's part of it in 32 KB of L1 (256 columns for k = 16).
// Both factors are first copied into panels read in order: B's rows are m doubles apart, and
// for m a power of two, 16 rows read in turn all fall in one set of the L1 cache and evict each
// other (measured at k = 16, m = 4096: 1.65× slower than from panels).
enum { lanes = 8, rowBlock = 4, tileColumns = 512, bTileBytes = 32768 };

// The columns of a tile for k rows of B: a multiple of the lanes, from 8 to `tileColumns`.
static inline size_t tile_width(size_t k) {
    size_t columns = bTileBytes / (sizeof(double) * (k > 0 ? k : 1)) / lanes * lanes;
    return columns < lanes ? lanes : columns > tileColumns ? tileColumns : columns;
}

NNLAB_BODY double8 splat(double x) { return (double8){x, x, x, x, x, x, x, x}; }
NNLAB_BODY double8 load8(const double *p) { return *(const double8 *)p; }
NNLAB_BODY double8 select8(mask8 m, double8 a, double8 b) { return (double8)(((mask8)a & m) | ((mask8)b & ~m)); }
NNLAB_BODY int8v selectInt(int8v m, int8v a, int8v b) { return (a & m) | (b & ~m); }

// A's columns rowBegin ..< rowEnd in blocks of four: `panels[(block·k + t)·4 + r]` = A[t][i] for
// row i = rowBegin + 4·block + r, zeros past rowEnd.
NNLAB_BODY void pack_a(const double *restrict a, size_t k, size_t n, size_t rowBegin, size_t rowEnd, double *restrict panels) {
    for (size_t i0 = rowBegin, block = 0; i0 < rowEnd; i0 += rowBlock, block++)
        for (size_t t = 0; t < k; t++)
            for (size_t r = 0; r < rowBlock; r++)
                panels[(block * k + t) * rowBlock + r] = i0 + r < rowEnd ? a[t * n + i0 + r] : 0;
}

// B's columns j0 ..< j0 + columns in groups of eight: `panel[(g·k + t)·8 + l]` = B[t][j0 + 8g + l].
// A last group of fewer columns is left to the scalar loop, which reads B itself.
NNLAB_BODY void pack_b(const double *restrict b, size_t k, size_t m, size_t j0, size_t columns, double *restrict panel) {
    for (size_t g = 0; (g + 1) * lanes <= columns; g++)
        for (size_t t = 0; t < k; t++) *(double8 *)(panel + (g * k + t) * lanes) = load8(b + t * m + j0 + g * lanes);
}

// tile[r][j] = C[i + r][j0 + j] for r < 4 and j < columns, from row block `a` (4·k packed
// values) and B's panel for the tile.
NNLAB_BODY void product_tile(const double *restrict a, const double *restrict panel, const double *restrict b, size_t k,
                             size_t m, size_t j0, size_t columns, double tile[rowBlock][tileColumns]) {
    size_t g = 0;
    for (; (g + 1) * lanes <= columns; g++) {
        double8 c0 = splat(0), c1 = c0, c2 = c0, c3 = c0;
        const double *bt = panel + g * k * lanes;
        for (size_t t = 0; t < k; t++) {
            double8 v = load8(bt + t * lanes);
            const double *p = a + t * rowBlock;
            c0 = c0 + splat(p[0]) * v;
            c1 = c1 + splat(p[1]) * v;
            c2 = c2 + splat(p[2]) * v;
            c3 = c3 + splat(p[3]) * v;
        }
        *(double8 *)&tile[0][g * lanes] = c0;
        *(double8 *)&tile[1][g * lanes] = c1;
        *(double8 *)&tile[2][g * lanes] = c2;
        *(double8 *)&tile[3][g * lanes] = c3;
    }
    for (size_t j = g * lanes; j < columns; j++)
        for (size_t r = 0; r < rowBlock; r++) {
            double c = 0;
            for (size_t t = 0; t < k; t++) c = c + a[t * rowBlock + r] * b[t * m + j0 + j];
            tile[r][j] = c;
        }
}

// Histogram's rule, per value: non-finite → slot bins + 2; below `lower` → bins; above `upper` →
// bins + 1; else bin min(⌊(x − lower) / width⌋, bins − 1). `slots` holds four copies of the
// bins + 3 counts, one per element position mod 4, so consecutive increments never wait on each
// other. The row's extremes and whether it held a NaN are folded into `rowLower`, `rowUpper`
// and `rowUnordered`.
NNLAB_BODY void scan_row(const double *restrict x, size_t count, double lower, double upper, double width, int32_t bins,
                         int32_t *restrict index, uint64_t *restrict slots, size_t slotStride,
                         double *rowLower, double *rowUpper, int *rowUnordered) {
    const double8 lowerV = splat(lower), upperV = splat(upper), widthV = splat(width);
    const int8v last = (int8v){0} + (bins - 1), belowSlot = (int8v){0} + bins;
    const int8v aboveSlot = (int8v){0} + (bins + 1), nonFiniteSlot = (int8v){0} + (bins + 2);
    double8 lows = splat(*rowLower), highs = splat(*rowUpper);
    mask8 unordered = (mask8){0};
    size_t j = 0;
    for (; j + lanes <= count; j += lanes) {
        double8 v = load8(x + j);
        mask8 nan = v != v;
        unordered |= nan;
        lows = select8(v < lows, v, lows);
        highs = select8(v > highs, v, highs);
        mask8 below = v < lowerV, above = v > upperV;
        mask8 nonFinite = nan | (v == splat(INFINITY)) | (v == splat(-INFINITY));
        // Out-of-range and NaN lanes divide a 0 instead, so every conversion is of a number in [0, bins].
        double8 q = select8(~(below | above | nan), (v - lowerV) / widthV, splat(0));
        int8v slot = __builtin_convertvector(q, int8v);
        slot = selectInt(slot > last, last, slot);
        slot = selectInt(__builtin_convertvector(below, int8v), belowSlot, slot);
        slot = selectInt(__builtin_convertvector(above, int8v), aboveSlot, slot);
        slot = selectInt(__builtin_convertvector(nonFinite, int8v), nonFiniteSlot, slot);
        *(int8v *)(index + j) = slot;
    }
    double low = *rowLower, high = *rowUpper;
    for (int l = 0; l < lanes; l++) {
        *rowUnordered |= unordered[l] != 0;
        if (lows[l] < low) low = lows[l];
        if (highs[l] > high) high = highs[l];
    }
    for (; j < count; j++) {
        double v = x[j];
        if (v != v) { *rowUnordered = 1; index[j] = bins + 2; continue; }
        if (v < low) low = v;
        if (v > high) high = v;
        if (isinf(v)) index[j] = bins + 2;
        else if (v < lower) index[j] = bins;
        else if (v > upper) index[j] = bins + 1;
        else {
            int32_t s = (int32_t)((v - lower) / width);
            index[j] = s > bins - 1 ? bins - 1 : s;
        }
    }
    *rowLower = low;
    *rowUpper = high;
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        slots[index[i]]++;
        slots[slotStride + index[i + 1]]++;
        slots[2 * slotStride + index[i + 2]]++;
        slots[3 * slotStride + index[i + 3]]++;
    }
    for (; i < count; i++) slots[index[i]]++;
}

// What to do with each tile of C: with `out`, copy its rows there ([rowEnd − rowBegin, m]);
// without, bin its values into `slots` and fold each row's extremes into `rowLower`, `rowUpper`
// and `rowUnordered` (indexed from rowBegin).
typedef struct {
    double lower, upper, width;
    int32_t bins;
    uint64_t *slots;
    size_t slotStride;
    double *rowLower, *rowUpper;
    int *rowUnordered;
    double *out;
    size_t m, rowBegin;
} Visit;

NNLAB_BODY void visit_tile(double tile[rowBlock][tileColumns], size_t i0, size_t rows, size_t j0, size_t columns,
                           const Visit *v, int32_t *index) {
    for (size_t r = 0; r < rows; r++) {
        size_t row = i0 + r - v->rowBegin;
        if (v->out != NULL) memcpy(v->out + row * v->m + j0, tile[r], sizeof(double) * columns);
        else scan_row(tile[r], columns, v->lower, v->upper, v->width, v->bins, index, v->slots, v->slotStride,
                      v->rowLower + row, v->rowUpper + row, v->rowUnordered + row);
    }
}

// Computes every tile of rows rowBegin ..< rowEnd of C and hands it to `visit_tile`, column tiles
// outermost so that each of B's panels is packed once.
NNLAB_BODY void for_each_tile(const double *a, const double *b, size_t k, size_t n, size_t m, size_t rowBegin,
                              size_t rowEnd, const Visit *visit) {
    double tile[rowBlock][tileColumns] __attribute__((aligned(64)));
    int32_t index[tileColumns] __attribute__((aligned(64)));
    size_t blocks = (rowEnd - rowBegin + rowBlock - 1) / rowBlock, step = tile_width(k);
    double *panels = malloc(sizeof(double) * (blocks * k * rowBlock + 1));
    double *panel = malloc(sizeof(double) * (k * step + 1));
    if (panels == NULL || panel == NULL) abort();
    pack_a(a, k, n, rowBegin, rowEnd, panels);
    for (size_t j0 = 0; j0 < m; j0 += step) {
        size_t columns = m - j0 < step ? m - j0 : step;
        pack_b(b, k, m, j0, columns, panel);
        for (size_t block = 0; block < blocks; block++) {
            size_t i0 = rowBegin + block * rowBlock;
            size_t rows = rowEnd - i0 < rowBlock ? rowEnd - i0 : rowBlock;
            product_tile(panels + block * k * rowBlock, panel, b, k, m, j0, columns, tile);
            visit_tile(tile, i0, rows, j0, columns, visit, index);
        }
    }
    free(panel);
    free(panels);
}

NNLAB_BODY void nnlab_transposed_product_summary_body(const double *a, const double *b, size_t k, size_t n, size_t m,
                                                      size_t rowBegin, size_t rowEnd, double lower, double upper,
                                                      size_t bins, uint64_t *counts, double *ranges) {
    size_t rows = rowEnd - rowBegin, stride = bins + 3;
    Visit visit = {lower, upper, (upper - lower) / (double)bins, (int32_t)bins, calloc(4 * stride, sizeof(uint64_t)), stride,
                   malloc(sizeof(double) * (rows + 1)), malloc(sizeof(double) * (rows + 1)), calloc(rows + 1, sizeof(int)),
                   NULL, m, rowBegin};
    if (visit.slots == NULL || visit.rowLower == NULL || visit.rowUpper == NULL || visit.rowUnordered == NULL) abort();
    for (size_t r = 0; r < rows; r++) { visit.rowLower[r] = INFINITY; visit.rowUpper[r] = -INFINITY; }
    for_each_tile(a, b, k, n, m, rowBegin, rowEnd, &visit);
    for (size_t r = 0; r < rows; r++) {
        double range = visit.rowUpper[r] - visit.rowLower[r];
        // NaN for a row with a NaN (or none at all, m = 0); +0, not −0, for a row of equal values.
        ranges[r] = visit.rowUnordered[r] || m == 0 ? NAN : range == 0 ? 0 : range;
    }
    for (size_t s = 0; s < stride; s++)
        counts[s] += visit.slots[s] + visit.slots[stride + s] + visit.slots[2 * stride + s] + visit.slots[3 * stride + s];
    free(visit.rowUnordered);
    free(visit.rowUpper);
    free(visit.rowLower);
    free(visit.slots);
}

NNLAB_BODY void nnlab_transposed_product_rows_body(const double *a, const double *b, size_t k, size_t n, size_t m,
                                                   size_t rowBegin, size_t rowEnd, double *out) {
    Visit visit = {0, 0, 0, 0, NULL, 0, NULL, NULL, NULL, out, m, rowBegin};
    for_each_tile(a, b, k, n, m, rowBegin, rowEnd, &visit);
}

NNLAB_DISPATCHED(level(), nnlab_transposed_product_summary,
                 (const double *a, const double *b, size_t k, size_t n, size_t m, size_t rowBegin, size_t rowEnd,
                  double lower, double upper, size_t bins, uint64_t *counts, double *ranges),
                 (a, b, k, n, m, rowBegin, rowEnd, lower, upper, bins, counts, ranges))
NNLAB_DISPATCHED(level(), nnlab_transposed_product_rows,
                 (const double *a, const double *b, size_t k, size_t n, size_t m, size_t rowBegin, size_t rowEnd, double *out),
                 (a, b, k, n, m, rowBegin, rowEnd, out))
