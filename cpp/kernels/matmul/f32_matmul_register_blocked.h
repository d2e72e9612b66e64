// The loop nest every register-blocked matmul shares; only the micro-kernel,
// the code that updates one small tile of C, differs between them (the BLIS
// idea). Included by each kernel file with its own micro-kernel, so each copy
// is compiled with that file's flags.
//
// A micro-kernel is a type with kRows, kCols and
//   static void update(const float* a, int64_t lda, const float* b, int64_t ldb,
//                      float* c, int64_t ldc, int64_t kc);
// which adds A[0:kRows, 0:kc] * B[0:kc, 0:kCols] into C[0:kRows, 0:kCols].
//
// An epilogue finishes each tile of C after its last block of K, while the
// micro-kernel still holds the sums in registers: the bias and activation
// that BLIS and cuBLAS epilogues fuse into a GEMM. A kernel with one passes it
// to matmul(); its micro-kernel then also needs
//   template <class Epilogue>
//   static void update(..., int64_t kc, const Epilogue& epilogue, int64_t col);
// which calls epilogue.finish(sums, col) on its whole tile of sums, still in
// registers, before it stores them (col: the tile's first column of C). Edge
// tiles get epilogue.finish_edge(c, ldc, rows, cols, col) on C in memory
// instead. Without an epilogue (NoEpilogue, the default) the nest compiles to
// exactly what it was before the hook.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "core/source_file.h"
#include "core/thread_pool.h"

namespace lab::register_blocked {

// Internal linkage on purpose: every kernel file gets its own copy of the nest,
// compiled with that file's flags. Shared inline copies would let the linker
// hand the scalar kernel a vectorized edge loop, or the other way round.
namespace {

// Finishes nothing: the plain C = A * B.
struct NoEpilogue {
  template <class Tile>
  void finish(Tile& /*sums*/, int64_t /*col*/) const {}
};

// The tiles at the right and bottom edges, smaller than the micro-kernel's:
// plain loops, a small share of the work once N is a few tiles wide.
void edge_update(const float* a, int64_t lda, const float* b, int64_t ldb, float* c, int64_t ldc,
                 int64_t rows, int64_t cols, int64_t kc) {
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t p = 0; p < kc; ++p) {
      const float arp = a[r * lda + p];
      for (int64_t j = 0; j < cols; ++j) c[r * ldc + j] += arp * b[p * ldb + j];
    }
}

// Rows [row0, row1) of C = epilogue(A * B).
template <class Tile, class Epilogue>
void rows(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t block,
          int64_t row0, int64_t row1, const Epilogue& epilogue) {
  constexpr bool kPlain = std::is_same_v<Epilogue, NoEpilogue>;
  std::fill(c + row0 * n, c + row1 * n, 0.0f);
  // A block of K, then a block of N: the block x block panel of B they select
  // stays in cache while every row of C passes over it.
  for (int64_t p0 = 0; p0 < k; p0 += block) {
    const int64_t kc = std::min(block, k - p0);
    const bool last_k = p0 + kc == k;  // the sums are final after this block
    for (int64_t j0 = 0; j0 < n; j0 += block) {
      const int64_t j1 = std::min(j0 + block, n);
      for (int64_t i = row0; i < row1; i += Tile::kRows) {
        const int64_t tile_rows = std::min(Tile::kRows, row1 - i);
        const float* a_tile = a + i * k + p0;
        for (int64_t j = j0; j < j1; j += Tile::kCols) {
          const int64_t tile_cols = std::min(Tile::kCols, j1 - j);
          const float* b_tile = b + p0 * n + j;
          float* c_tile = c + i * n + j;
          if (tile_rows == Tile::kRows && tile_cols == Tile::kCols) {
            if constexpr (!kPlain)
              if (last_k) {
                Tile::update(a_tile, k, b_tile, n, c_tile, n, kc, epilogue, j);
                continue;
              }
            Tile::update(a_tile, k, b_tile, n, c_tile, n, kc);
          } else {
            edge_update(a_tile, k, b_tile, n, c_tile, n, tile_rows, tile_cols, kc);
            if constexpr (!kPlain)
              if (last_k) epilogue.finish_edge(c_tile, n, tile_rows, tile_cols, j);
          }
        }
      }
    }
  }
}

// All of C = epilogue(A * B), its rows split over `threads` threads (see
// parallel_rows).
template <class Tile, class Epilogue = NoEpilogue>
void matmul(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
            int64_t block, int64_t threads, const Epilogue& epilogue = {}) {
  parallel_rows(m, Tile::kRows, threads, [&](int64_t row0, int64_t row1) {
    rows<Tile>(a, b, c, n, k, block, row0, row1, epilogue);
  });
}

}  // namespace
}  // namespace lab::register_blocked

LAB_SOURCE_HEADER(f32_matmul_register_blocked_h)
