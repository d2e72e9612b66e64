// The i-k-j loop order from the loops lesson, run tile by tile. One tile of A,
// one of B and one of C together take 3 * block^2 * 4 bytes: when that fits in a
// cache level, every float loaded into it is reused about `block` times before
// it is evicted, instead of once per pass over a whole row.
#include "kernels/matmul/f32_matmul_blocked.h"

#include <algorithm>

namespace lab {

void f32_matmul_blocked(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                        int64_t block) {
  std::fill(c, c + m * n, 0.0f);
  for (int64_t i0 = 0; i0 < m; i0 += block) {
    const int64_t i_end = std::min(i0 + block, m);
    for (int64_t p0 = 0; p0 < k; p0 += block) {
      const int64_t p_end = std::min(p0 + block, k);
      for (int64_t j0 = 0; j0 < n; j0 += block) {
        const int64_t j_end = std::min(j0 + block, n);
        // One tile of C += one tile of A * one tile of B, in i-k-j order.
        for (int64_t i = i0; i < i_end; ++i)
          for (int64_t p = p0; p < p_end; ++p) {
            const float aip = a[i * k + p];
            for (int64_t j = j0; j < j_end; ++j) c[i * n + j] += aip * b[p * n + j];
          }
      }
    }
  }
}

}  // namespace lab
