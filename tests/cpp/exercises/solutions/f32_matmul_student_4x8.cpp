// Solutions to the micro-kernel exercise, for the tests: the tile in SIMD128
// (correct), the tile in scalar code, its inner loop neither unrolled nor
// vectorized (correct, but it must miss the bar and the v128 check), and a scalar tile that steps
// through B by 8 floats instead of ldb (wrong unless N is 8). Each runs in the lab's loop nest, as
// the student's does. exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include <wasm_simd128.h>

#include "exercises/f32_matmul_4x8_tiles.h"
#include "exercises/solution_check.h"
#include "kernels/matmul/f32_matmul_adapter.h"

namespace lab::correct {
KernelStatus f32_matmul_student_4x8(const float* a, int64_t lda, const float* b, int64_t ldb,
                                    float* c, int64_t ldc, int64_t k) {
  v128_t acc[4][2];
  for (auto& row : acc) row[0] = row[1] = wasm_f32x4_splat(0.0f);
  for (int64_t p = 0; p < k; ++p) {
    const v128_t b0 = wasm_v128_load(b + p * ldb);
    const v128_t b1 = wasm_v128_load(b + p * ldb + 4);
    for (int64_t r = 0; r < 4; ++r) {
      const v128_t arp = wasm_v128_load32_splat(a + r * lda + p);  // A[r][p] in all 4 lanes
      acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(arp, b0));
      acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(arp, b1));
    }
  }
  for (int64_t r = 0; r < 4; ++r) {
    wasm_v128_store(c + r * ldc, acc[r][0]);
    wasm_v128_store(c + r * ldc + 4, acc[r][1]);
  }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_matmul_student_4x8(const float* a, int64_t lda, const float* b, int64_t ldb,
                                    float* c, int64_t ldc, int64_t k) {
  float acc[4][8] = {};
  for (int64_t p = 0; p < k; ++p)
    for (int64_t r = 0; r < 4; ++r)
#pragma clang loop vectorize(disable) unroll(disable)
      for (int64_t j = 0; j < 8; ++j) acc[r][j] += a[r * lda + p] * b[p * ldb + j];
  for (int64_t r = 0; r < 4; ++r)
    for (int64_t j = 0; j < 8; ++j) c[r * ldc + j] = acc[r][j];
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_matmul_student_4x8(const float* a, int64_t lda, const float* b, int64_t ldb,
                                    float* c, int64_t ldc, int64_t k) {
  (void)ldb;
  for (int64_t r = 0; r < 4; ++r)
    for (int64_t j = 0; j < 8; ++j) {
      float sum = 0.0f;
      for (int64_t p = 0; p < k; ++p) sum += a[r * lda + p] * b[p * 8 + j];
      c[r * ldc + j] = sum;
    }
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE(
    "micro-kernel exercise: correct tiles pass every check shape in the nest, a wrong one "
    "fails",
    "[solutions][f32_matmul_student_4x8]") {
  const char* stub = "f32_matmul_student_4x8";
  CHECK_FALSE(first_failing_shape(
      as_exercise(stub, run_matmul<tiles_4x8::matmul<correct::f32_matmul_student_4x8>>)));
  CHECK_FALSE(first_failing_shape(
      as_exercise(stub, run_matmul<tiles_4x8::matmul<slow::f32_matmul_student_4x8>>)));
  CHECK(first_failing_shape(
      as_exercise(stub, run_matmul<tiles_4x8::matmul<wrong::f32_matmul_student_4x8>>)));
}
