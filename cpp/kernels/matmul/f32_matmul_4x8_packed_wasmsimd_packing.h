// Packing: copies a block of A or B into the order the micro-kernel reads it
// (f32_matmul_4x8_packed_wasmsimd_tile.h), once per block, so that the kernel, which reads
// each packed value many times, always reads contiguous memory.
//
//   A block (mc x kc) -> slivers of kRows rows; in a sliver, step p holds the
//                        kRows values A[i..i+kRows)[p] side by side.
//   B panel (kc x nc) -> slivers of kCols columns; in a sliver, step p holds
//                        the kCols values B[p][j..j+kCols), one row of the sliver.
//
// A sliver that runs past the edge of the matrix is filled up with zeros: the
// kernel then computes a whole tile whose extra sums are zero and are never
// stored (Tile::run cuts them off). The copy costs O(mc kc) or O(kc nc), read
// back by O(mc nc kc) multiply-adds, so it pays for itself many times over.
#pragma once

#include <wasm_simd128.h>

#include <algorithm>
#include <cstdint>
#include "core/source_file.h"

namespace lab::gemm {

namespace {

// Four rows of A, four steps of K: a 4 x 4 transpose in registers, so packing
// moves four floats per instruction, as pack_b does. At N = 64, where the
// whole product takes microseconds, packing A one float at a time cost a
// tenth of the run.
void pack_4x4(const float* a, int64_t lda, float* packed, int64_t step) {
  const v128_t r0 = wasm_v128_load(a), r1 = wasm_v128_load(a + lda);
  const v128_t r2 = wasm_v128_load(a + 2 * lda), r3 = wasm_v128_load(a + 3 * lda);
  const v128_t r01_lo = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);             // a0 b0 a1 b1
  const v128_t r23_lo = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);             // c0 d0 c1 d1
  const v128_t r01_hi = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);             // a2 b2 a3 b3
  const v128_t r23_hi = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);             // c2 d2 c3 d3
  wasm_v128_store(packed, wasm_i32x4_shuffle(r01_lo, r23_lo, 0, 1, 4, 5));  // a0 b0 c0 d0
  wasm_v128_store(packed + step, wasm_i32x4_shuffle(r01_lo, r23_lo, 2, 3, 6, 7));
  wasm_v128_store(packed + 2 * step, wasm_i32x4_shuffle(r01_hi, r23_hi, 0, 1, 4, 5));
  wasm_v128_store(packed + 3 * step, wasm_i32x4_shuffle(r01_hi, r23_hi, 2, 3, 6, 7));
}

// Rows [0, rows) and steps [q0, q1) of one A sliver, one float at a time: the
// steps past the last whole 4 x 4 block, and slivers cut by the bottom edge.
// Each row is read along K, contiguously.
template <int64_t kRows>
void pack_a_rest(const float* a, int64_t lda, int64_t rows, int64_t q0, int64_t q1, float* packed) {
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t q = q0; q < q1; ++q) packed[q * kRows + r] = a[r * lda + q];
}

// Rows [0, mc) and columns [0, kc) of A (row stride lda) into packed slivers.
// A whole sliver goes four rows by four steps at a time, the last kc % 4 steps
// and a sliver cut by the bottom edge one float at a time; the rows past the
// edge are zeros.
template <class Tile>
void pack_a(const float* a, int64_t lda, int64_t mc, int64_t kc, float* packed) {
  constexpr int64_t kRows = Tile::kRows;
  static_assert(kRows % 4 == 0, "A slivers are packed as whole 4 x 4 blocks");
  for (int64_t i = 0; i < mc; i += kRows, a += kRows * lda, packed += kRows * kc) {
    const int64_t rows = std::min(kRows, mc - i);
    const int64_t blocked_steps = rows == kRows ? kc / 4 * 4 : 0;
    for (int64_t p = 0; p < blocked_steps; p += 4)
      for (int64_t r = 0; r < kRows; r += 4)
        pack_4x4(a + r * lda + p, lda, packed + p * kRows + r, kRows);
    pack_a_rest<kRows>(a, lda, rows, blocked_steps, kc, packed);
    if (rows < kRows)
      for (int64_t q = 0; q < kc; ++q)
        for (int64_t r = rows; r < kRows; ++r) packed[q * kRows + r] = 0.0f;
  }
}

// Rows [0, kc) and columns [0, nc) of B (row stride ldb) into packed slivers.
// Whole slivers copy each row as kCols / 4 vectors.
template <class Tile>
void pack_b(const float* b, int64_t ldb, int64_t kc, int64_t nc, float* packed) {
  for (int64_t j = 0; j < nc; j += Tile::kCols, packed += Tile::kCols * kc) {
    const int64_t cols = std::min(Tile::kCols, nc - j);
    const float* sliver = b + j;
    for (int64_t p = 0; p < kc; ++p) {
      const float* row = sliver + p * ldb;
      float* step = packed + p * Tile::kCols;
      if (cols == Tile::kCols) {
        for (int64_t v = 0; v < Tile::kCols; v += 4)
          wasm_v128_store(step + v, wasm_v128_load(row + v));
      } else {
        std::copy(row, row + cols, step);
        std::fill(step + cols, step + Tile::kCols, 0.0f);
      }
    }
  }
}

}  // namespace
}  // namespace lab::gemm

LAB_SOURCE_HEADER(f32_matmul_4x8_packed_wasmsimd_packing_h)
