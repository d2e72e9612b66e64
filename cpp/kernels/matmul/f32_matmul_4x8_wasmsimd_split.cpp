// The rows of C computed as a split hands them out (f32_matmul_row_split.h),
// with the micro-kernel and loop nest of f32_matmul_4x8_wasmsimd.
#include <algorithm>
#include <vector>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/matmul/f32_matmul_4x8_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"
#include "kernels/matmul/f32_matmul_row_split.h"

namespace lab {

namespace {

// The panel of B the SIMD matmul's ladder step runs with.
constexpr int64_t kBlock = 128;

void compute_rows(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t row0,
                  int64_t row1) {
  register_blocked::rows<Tile4x8Simd>(a, b, c, n, k, kBlock, row0, row1,
                                      register_blocked::NoEpilogue{});
}

}  // namespace

void f32_matmul_4x8_wasmsimd_split(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                   int64_t k, const int64_t* begin, const int64_t* end,
                                   int64_t threads) {
  const auto clip = [m](int64_t row) { return std::clamp<int64_t>(row, 0, m); };
  // How many ranges claim each row, counted before any row is computed.
  std::vector<int64_t> claims(static_cast<size_t>(m), 0);
  for (int64_t t = 0; t < threads; ++t)
    for (int64_t row = clip(begin[t]); row < clip(end[t]); ++row) ++claims[row];
  // Each thread computes the runs of its rows that no other range claims.
  parallel_for(threads, static_cast<int>(threads), [&](int64_t t) {
    const int64_t stop = clip(end[t]);
    for (int64_t row = clip(begin[t]); row < stop;) {
      if (claims[row] != 1) {
        ++row;
        continue;
      }
      int64_t run_end = row;
      while (run_end < stop && claims[run_end] == 1) ++run_end;
      compute_rows(a, b, c, n, k, row, run_end);
      row = run_end;
    }
  });
  // Rows claimed more than once, one at a time on this thread.
  for (int64_t row = 0; row < m; ++row) {
    if (claims[row] < 2) continue;
    compute_rows(a, b, c, n, k, row, row + 1);
    const float times = static_cast<float>(claims[row]);
    for (int64_t j = 0; j < n; ++j) c[row * n + j] *= times;
  }
}

void even_row_split(int64_t rows, int64_t thread, int64_t threads, int64_t* begin, int64_t* end) {
  *begin = thread * rows / threads;
  *end = (thread + 1) * rows / threads;
}

void f32_matmul_4x8_wasmsimd_even_split(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t threads) {
  std::vector<int64_t> begin(static_cast<size_t>(threads)), end(static_cast<size_t>(threads));
  for (int64_t t = 0; t < threads; ++t) even_row_split(m, t, threads, &begin[t], &end[t]);
  f32_matmul_4x8_wasmsimd_split(a, b, c, m, n, k, begin.data(), end.data(), threads);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_4x8_wasmsimd_split_cpp)
