// The loop nest of the micro-kernel exercise (f32_matmul_student_4x8.cpp): the
// lab's half of a register-blocked matmul, the student's tile the other half.
// It walks C = A x B in 4 x 8 tiles, calls the tile for every whole one and
// computes the rows and columns left over at the edges itself. The page
// compiles it beside the student's file (page_entry.cpp), so it uses nothing
// the page's module lacks: no thread pool, no library call.
#pragma once

#include <cstdint>

#include "core/kernel_status.h"
#include "core/source_file.h"

namespace lab::tiles_4x8 {

constexpr int64_t kRows = 4;
constexpr int64_t kCols = 8;

// C[i][j] for i in [row0, row1) and j in [col0, col1), one dot product each:
// the edges are a small share of C once it is a few tiles wide.
inline void edge(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t row0,
                 int64_t row1, int64_t col0, int64_t col1) {
  for (int64_t i = row0; i < row1; ++i)
    for (int64_t j = col0; j < col1; ++j) {
      float sum = 0.0f;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];
      c[i * n + j] = sum;
    }
}

// C = A x B (row-major, M x K times K x N) with Tile computing each whole
// 4 x 8 tile: Tile(a, lda, b, ldb, c, ldc, k) -> KernelStatus. Returns the
// first status that is not done (a tile not written yet), else done.
template <auto Tile>
KernelStatus matmul(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k) {
  const int64_t whole_rows = m - m % kRows, whole_cols = n - n % kCols;
  // Columns outside, rows inside: the k x 8 strip of B a column of tiles reads
  // stays in L1 while A streams past it, four rows at a time.
  for (int64_t j = 0; j < whole_cols; j += kCols)
    for (int64_t i = 0; i < whole_rows; i += kRows) {
      const KernelStatus status = Tile(a + i * k, k, b + j, n, c + i * n + j, n, k);
      if (status != KernelStatus::done) return status;
    }
  edge(a, b, c, n, k, 0, whole_rows, whole_cols, n);  // the last n % 8 columns
  edge(a, b, c, n, k, whole_rows, m, 0, n);           // the last m % 4 rows, whole
  return KernelStatus::done;
}

}  // namespace lab::tiles_4x8

LAB_SOURCE_HEADER(f32_matmul_4x8_tiles_h)
