// What the lab's int8 GEMMs share: B's codes widened to i16 and packed in
// pairs along K, and the 4 x 8 micro-kernel that multiplies them with
// i32x4.dot_i16x8_s. SIMD128 has no int8 multiply that sums into int32, but
// dot_i16x8_s makes eight i16 x i16 products and adds them in pairs into four
// int32 lanes (one x86 pmaddwd). So:
//
//   B panel: for each pair of rows (p, p+1) and each column j, the i16 pair
//            (B[p][j], B[p+1][j]): four columns' pairs fill one v128.
//   A rows:  each row in i16, so (A[r][p], A[r][p+1]) is one 32-bit word,
//            splatted to all four lanes.
//
// dot(splat(A pair), B pairs) is then A[r][p] B[p][j] + A[r][p+1] B[p+1][j] for
// four columns j at once. With the i32x4.add that accumulates it, that is eight
// multiply-adds in two instructions, where f32x4.mul and f32x4.add do four: a 2x
// edge per instruction, not 4x. Used by i8_matmul_4x8_wasmsimd.cpp and
// i8_matmul_grouped_4x8_wasmsimd.cpp.
#pragma once

#include <wasm_simd128.h>

#include <cstdint>
#include "core/source_file.h"

namespace lab::i16_pairs {

constexpr int64_t kRows = 4;
constexpr int64_t kCols = 8;

// Rows [p0, p0 + kc) and columns [j0, j0 + nc) of B (row-major, n columns) as
// i16 pairs along K, in tiles of 8 columns, each tile's pairs contiguous: tile
// t, pair q is the 16 values at panel[(t * pairs + q) * 16], pairs = (kc + 1) / 2.
// Beyond kc or nc, zeros: an odd K's last pair, or an edge tile's missing
// columns, add nothing.
inline void pack_b(const int8_t* b, int64_t n, int64_t p0, int64_t kc, int64_t j0, int64_t nc,
                   int16_t* panel) {
  const int64_t pairs = (kc + 1) / 2;
  for (int64_t t = 0; t * kCols < nc; ++t)
    for (int64_t q = 0; q < pairs; ++q, panel += 2 * kCols) {
      const int64_t col0 = t * kCols, p = 2 * q;
      const int8_t* row = b + (p0 + p) * n + j0 + col0;
      if (col0 + kCols <= nc && p + 1 < kc) {
        // Two rows of 8 codes, widened to i16 and interleaved: (B[p][j], B[p+1][j]).
        const v128_t lo = wasm_i16x8_extend_low_i8x16(wasm_v128_load64_zero(row));
        const v128_t hi = wasm_i16x8_extend_low_i8x16(wasm_v128_load64_zero(row + n));
        wasm_v128_store(panel, wasm_i16x8_shuffle(lo, hi, 0, 8, 1, 9, 2, 10, 3, 11));
        wasm_v128_store(panel + 8, wasm_i16x8_shuffle(lo, hi, 4, 12, 5, 13, 6, 14, 7, 15));
        continue;
      }
      for (int64_t j = 0; j < kCols; ++j) {
        const bool in = col0 + j < nc;
        panel[2 * j] = in ? row[j] : 0;
        panel[2 * j + 1] = in && p + 1 < kc ? row[n + j] : 0;
      }
    }
}

// The micro-kernel: adds `pairs` pairs of four i16 rows of A (row r at
// a + r * width) times a packed B tile into the 4 x 8 int32 sums in acc. The
// inner loop per two steps of K: 2 loads of B, and per row one splat load,
// 2 dots and 2 adds.
inline void update(const int16_t* a, int64_t width, const int16_t* b, int64_t pairs,
                   v128_t acc[kRows][2]) {
  for (int64_t q = 0; q < pairs; ++q, a += 2, b += 2 * kCols) {
    const v128_t b0 = wasm_v128_load(b);
    const v128_t b1 = wasm_v128_load(b + 8);
    for (int64_t r = 0; r < kRows; ++r) {
      const v128_t ar = wasm_v128_load32_splat(a + r * width);  // (A[r][p], A[r][p+1]) x 4
      acc[r][0] = wasm_i32x4_add(acc[r][0], wasm_i32x4_dot_i16x8(ar, b0));
      acc[r][1] = wasm_i32x4_add(acc[r][1], wasm_i32x4_dot_i16x8(ar, b1));
    }
  }
}

}  // namespace lab::i16_pairs

LAB_SOURCE_HEADER(i16_pairs_wasmsimd_h)
