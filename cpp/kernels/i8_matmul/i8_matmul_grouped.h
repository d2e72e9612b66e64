// An int8 matmul with one scale per group of `group` values along K, as
// llama.cpp's Q8_0 blocks and XNNPACK's blockwise-quantized GEMMs do:
//
//   C[i][j] = sum over groups g of  scale_a[i][g] * scale_b[g][j] * S_g[i][j]
//   S_g[i][j] = sum over p in group g of  a[i][p] * b[p][j]      (exact, int32)
//
// A scale per row or column has to fit the row's largest value, so every other
// value of the row is rounded on that coarse step; a scale per group of 32
// values only has to fit the largest of those 32. Each group's integer sum is
// exact; the scales are applied once per group, in f32.
//
// B is constant (a layer's weights): it is quantized and packed once, ahead of
// time. A is the activations, quantized at run time: each value is an 8-bit
// code minus its group's zero point (model/asymmetric_quantize.h), at most 255
// in size, held in i16, which is what the SIMD dot product multiplies anyway.
#pragma once

#include <cstdint>
#include <vector>
#include "core/source_file.h"

namespace lab {

// B's codes widened to i16 and packed in pairs along K, tiles of 8 columns
// (kernels/i8_matmul/i16_pairs_wasmsimd.h), and its scales per group and column.
struct I8GroupedB {
  int64_t k = 0, n = 0, group = 0;
  std::vector<int16_t> pairs;  // tile t, pair q at (t * ceil(k / 2) + q) * 16
  std::vector<float> scales;   // groups x (n rounded up to 8), zeros beyond n
};

// The number of groups along K: the last one is partial when group does not divide k.
inline int64_t group_count(int64_t k, int64_t group) { return (k + group - 1) / group; }

// Packs B's codes (k x n, row-major, |code| <= 127) and scales (groups x n,
// row-major). `group` must be even and positive, so that no pair of K
// straddles two groups.
I8GroupedB i8_pack_grouped_b(const int8_t* codes, const float* scales, int64_t k, int64_t n,
                             int64_t group);

// C (m x b.n, row-major) from A (m rows of b.k values at a + i * lda, |a| <= 255;
// lda even, with a zero at a[i][k] when k is odd), scale_a (m x groups,
// row-major) and the packed B. 4 x 8 tiles of int32 sums from
// i32x4.dot_i16x8_s, emptied into f32 sums at the end of every group; the
// columns of C are split over `threads` threads, each with its own tiles of B.
void i8_matmul_grouped_4x8_wasmsimd(const int16_t* a, int64_t lda, const float* scale_a,
                                    const I8GroupedB& b, float* c, int64_t m, int64_t threads);

}  // namespace lab

LAB_SOURCE_HEADER(i8_matmul_grouped_h)

LAB_SOURCE_DECLARE(i8_matmul_grouped_4x8_wasmsimd_cpp)
