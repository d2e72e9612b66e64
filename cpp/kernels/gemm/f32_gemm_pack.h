// Packing: copies a block of A or B into the order the micro-kernel reads it
// (f32_gemm_tile_wasmsimd.h), once per block, so that the kernel, which reads
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

namespace lab::gemm {

namespace {

// Rows [0, mc) and columns [0, kc) of A (row stride lda) into packed slivers.
template <class Tile>
void pack_a(const float* a, int64_t lda, int64_t mc, int64_t kc, float* packed) {
  for (int64_t i = 0; i < mc; i += Tile::kRows, packed += Tile::kRows * kc) {
    const int64_t rows = std::min(Tile::kRows, mc - i);
    const float* sliver = a + i * lda;
    for (int64_t p = 0; p < kc; ++p) {
      float* step = packed + p * Tile::kRows;
      for (int64_t r = 0; r < rows; ++r) step[r] = sliver[r * lda + p];
      for (int64_t r = rows; r < Tile::kRows; ++r) step[r] = 0.0f;
    }
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
        for (int64_t v = 0; v < Tile::kCols; v += 4) wasm_v128_store(step + v, wasm_v128_load(row + v));
      } else {
        std::copy(row, row + cols, step);
        std::fill(step + cols, step + Tile::kCols, 0.0f);
      }
    }
  }
}

}  // namespace
}  // namespace lab::gemm
