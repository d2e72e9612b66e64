// Six loop orders of one computation. Only the order changes, and with it the
// stride at which the innermost loop walks memory:
//   innermost j: B and C are read along a row, stride 1 (every byte of a cache line used)
//   innermost i: A and C are read down a column, stride K or N (one float per cache line)
//   innermost k: A along a row (stride 1), B down a column (stride N)
//
// __restrict promises the compiler that C overlaps neither A nor B. Every
// matmul kernel in the lab makes that promise, so the lessons compare
// schedules, not aliasing checks.
#include "kernels/matmul/f32_matmul_loop_orders.h"

#include <algorithm>
#include "core/source_file.h"

namespace lab {

// Orders that keep one C element in a register need no zeroing;
// the others accumulate into C in memory, so C starts at zero.
static void zero(float* c, int64_t count) { std::fill(c, c + count, 0.0f); }

void f32_matmul_ijk(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = 0.0f;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];  // B: stride N
      c[i * n + j] = sum;
    }
}

void f32_matmul_jik(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i < m; ++i) {
      float sum = 0.0f;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];  // B: stride N
      c[i * n + j] = sum;
    }
}

void f32_matmul_ikj(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  zero(c, m * n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p) {
      const float aip = a[i * k + p];
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += aip * b[p * n + j];  // all stride 1
    }
}

void f32_matmul_kij(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  zero(c, m * n);
  for (int64_t p = 0; p < k; ++p)
    for (int64_t i = 0; i < m; ++i) {
      const float aip = a[i * k + p];
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += aip * b[p * n + j];  // all stride 1
    }
}

void f32_matmul_jki(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  zero(c, m * n);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t p = 0; p < k; ++p) {
      const float bpj = b[p * n + j];
      for (int64_t i = 0; i < m; ++i) c[i * n + j] += a[i * k + p] * bpj;  // A, C: stride K, N
    }
}

void f32_matmul_kji(const float* __restrict a, const float* __restrict b, float* __restrict c,
                    int64_t m, int64_t n, int64_t k) {
  zero(c, m * n);
  for (int64_t p = 0; p < k; ++p)
    for (int64_t j = 0; j < n; ++j) {
      const float bpj = b[p * n + j];
      for (int64_t i = 0; i < m; ++i) c[i * n + j] += a[i * k + p] * bpj;  // A, C: stride K, N
    }
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_loop_orders_cpp)
