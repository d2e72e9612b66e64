// Solutions to the SIMD ReLU exercise, for the tests: one correct, one correct
// but a plain loop (the auto-vectorizer would make it SIMD; graded with it off,
// as the page grades a SIMD exercise, it must miss the bar and the v128
// check), one wrong. The browser
// tests compile the same function bodies in the page (exercise-sources.mjs
// reads them from this file), so keep braces out of comments inside them.
#include <wasm_simd128.h>

#include "exercises/solution_check.h"
#include "kernels/relu/f32_relu_adapter.h"

namespace lab::correct {
KernelStatus f32_relu_student_wasmsimd(const float* x, float* y, int64_t n) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(zero, wasm_v128_load(x + i)));
  for (; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_relu_student_wasmsimd(const float* x, float* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_relu_student_wasmsimd(const float* x, float* y, int64_t n) {
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_v128_load(x + i));
  for (; i < n; ++i) y[i] = x[i];
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("SIMD ReLU exercise: a correct solution passes every check shape, a wrong one fails",
          "[solutions][f32_relu_student_wasmsimd]") {
  CHECK_FALSE(first_failing_shape(
      as_exercise("f32_relu_student_wasmsimd", run_relu<correct::f32_relu_student_wasmsimd>)));
  CHECK_FALSE(first_failing_shape(
      as_exercise("f32_relu_student_wasmsimd", run_relu<slow::f32_relu_student_wasmsimd>)));
  CHECK(first_failing_shape(
      as_exercise("f32_relu_student_wasmsimd", run_relu<wrong::f32_relu_student_wasmsimd>)));
}
