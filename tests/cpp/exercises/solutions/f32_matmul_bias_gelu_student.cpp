// Solutions to the capstone's layer exercise, for the tests: 4 x 8 SIMD128
// tiles with bias and GELU applied in registers (correct), the three steps as
// three passes over C, an i-k-j product, a bias pass and a GELU pass (correct,
// but slow), and the bias added after GELU instead of before (wrong).
// exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include <wasm_simd128.h>

#include <cmath>

#include "exercises/solution_check.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_adapter.h"

namespace lab::correct {
KernelStatus f32_matmul_bias_gelu_student(const float* a, const float* b, const float* bias,
                                          float* c, int64_t m, int64_t n, int64_t k) {
  using namespace f32x4_gelu;
  const Constants g = constants();
  const int64_t whole_rows = m - m % 4, whole_cols = n - n % 8;
  for (int64_t j = 0; j < whole_cols; j += 8)
    for (int64_t i = 0; i < whole_rows; i += 4) {
      v128_t acc[4][2];
      for (auto& row : acc) row[0] = row[1] = wasm_f32x4_splat(0.0f);
      for (int64_t p = 0; p < k; ++p) {
        const v128_t b0 = wasm_v128_load(b + p * n + j);
        const v128_t b1 = wasm_v128_load(b + p * n + j + 4);
        for (int64_t r = 0; r < 4; ++r) {
          const v128_t arp = wasm_v128_load32_splat(a + (i + r) * k + p);
          acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(arp, b0));
          acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(arp, b1));
        }
      }
      // The epilogue: bias and GELU on the tile while it is in registers.
      const v128_t bias0 = wasm_v128_load(bias + j), bias1 = wasm_v128_load(bias + j + 4);
      for (auto& row : acc) {
        row[0] = wasm_f32x4_add(row[0], bias0);
        row[1] = wasm_f32x4_add(row[1], bias1);
      }
      gelu_each<8>(g, &acc[0][0]);
      for (int64_t r = 0; r < 4; ++r) {
        wasm_v128_store(c + (i + r) * n + j, acc[r][0]);
        wasm_v128_store(c + (i + r) * n + j + 4, acc[r][1]);
      }
    }
  // The edges, one element at a time: the last n % 8 columns, then the last m % 4 rows.
  const auto edge = [&](int64_t row0, int64_t row1, int64_t col0, int64_t col1) {
    for (int64_t i = row0; i < row1; ++i)
      for (int64_t j = col0; j < col1; ++j) {
        float z = bias[j];
        for (int64_t p = 0; p < k; ++p) z += a[i * k + p] * b[p * n + j];
        c[i * n + j] = 0.5f * z * (1.0f + std::tanh(kSqrt2OverPi * (z + kCubic * z * z * z)));
      }
  };
  edge(0, whole_rows, whole_cols, n);
  edge(whole_rows, m, 0, n);
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_matmul_bias_gelu_student(const float* a, const float* b, const float* bias,
                                          float* c, int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m * n; ++i) c[i] = 0.0f;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += a[i * k + p] * b[p * n + j];
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) c[i * n + j] += bias[j];
  for (int64_t i = 0; i < m * n; ++i) {
    const float z = c[i];
    c[i] = 0.5f * z * (1.0f + std::tanh(0.797884560802865f * (z + 0.044715f * z * z * z)));
  }
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_matmul_bias_gelu_student(const float* a, const float* b, const float* bias,
                                          float* c, int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float z = 0.0f;
      for (int64_t p = 0; p < k; ++p) z += a[i * k + p] * b[p * n + j];
      c[i * n + j] =
          0.5f * z * (1.0f + std::tanh(0.797884560802865f * (z + 0.044715f * z * z * z))) + bias[j];
    }
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE(
    "layer exercise: fused tiles and three passes pass every check shape, bias after GELU "
    "fails",
    "[solutions][f32_matmul_bias_gelu_student]") {
  const char* stub = "f32_matmul_bias_gelu_student";
  CHECK_FALSE(first_failing_shape(
      as_exercise(stub, run_matmul_bias_gelu<correct::f32_matmul_bias_gelu_student>)));
  CHECK_FALSE(first_failing_shape(
      as_exercise(stub, run_matmul_bias_gelu<slow::f32_matmul_bias_gelu_student>)));
  CHECK(first_failing_shape(
      as_exercise(stub, run_matmul_bias_gelu<wrong::f32_matmul_bias_gelu_student>)));
}
