// The i-k-j loop order from the loops lesson, run tile by tile. One tile of A,
// one of B and one of C together take 3 * block^2 * 4 bytes: when that fits in a
// cache level, every float loaded into it is reused about `block` times before
// it is evicted, instead of once per pass over a whole row.
#include "kernels/matmul/f32_matmul_blocked.h"

#include <algorithm>
#include "core/source_file.h"

namespace lab {

namespace {

// One tile: C[i0:i1, j0:j1] += A[i0:i1, p0:p1] * B[p0:p1, j0:j1], in i-k-j order.
// __restrict promises the compiler that C does not overlap A or B, so it can
// vectorize the j loop without checking for overlap on every (i, p).
void tile_ikj(const float* __restrict a, const float* __restrict b, float* __restrict c, int64_t n,
              int64_t k, int64_t i0, int64_t i1, int64_t p0, int64_t p1, int64_t j0, int64_t j1) {
  for (int64_t i = i0; i < i1; ++i) {
    float* __restrict c_row = c + i * n;
    for (int64_t p = p0; p < p1; ++p) {
      const float aip = a[i * k + p];
      const float* __restrict b_row = b + p * n;
      for (int64_t j = j0; j < j1; ++j) c_row[j] += aip * b_row[j];
    }
  }
}

}  // namespace

void f32_matmul_blocked(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                        int64_t block) {
  std::fill(c, c + m * n, 0.0f);
  for (int64_t i0 = 0; i0 < m; i0 += block)
    for (int64_t p0 = 0; p0 < k; p0 += block)
      for (int64_t j0 = 0; j0 < n; j0 += block)
        tile_ikj(a, b, c, n, k, i0, std::min(i0 + block, m), p0, std::min(p0 + block, k), j0,
                 std::min(j0 + block, n));
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_blocked_cpp)
