// Solutions to the GELU exercise, for the tests: one pass with the lab's
// f32x4 steps and a scalar tail (correct), one scalar pass with std::tanh
// (correct, but scalar where SIMD is asked, and far slower), and one pass that forgets the last n %
// 4 elements (wrong). exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include <wasm_simd128.h>

#include <cmath>

#include "exercises/solution_check.h"
#include "kernels/gelu/f32_gelu_adapter.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab::correct {
KernelStatus f32_gelu_student(const float* x, float* y, int64_t n) {
  using namespace f32x4_gelu;
  const Constants k = constants();
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    const v128_t t = scale_sqrt_2_over_pi(k, add(k, v, scale_cubic(k, cube(k, v))));
    wasm_v128_store(y + i, mul(k, v, half(k, one_plus(k, fast_tanh(k, t)))));
  }
  for (; i < n; ++i) {
    const float v = x[i];
    y[i] = 0.5f * v * (1.0f + std::tanh(kSqrt2OverPi * (v + kCubic * v * v * v)));
  }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_gelu_student(const float* x, float* y, int64_t n) {
  using namespace f32x4_gelu;
  for (int64_t i = 0; i < n; ++i) {
    const float v = x[i];
    y[i] = 0.5f * v * (1.0f + std::tanh(kSqrt2OverPi * (v + kCubic * v * v * v)));
  }
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_gelu_student(const float* x, float* y, int64_t n) {
  using namespace f32x4_gelu;
  const Constants k = constants();
  for (int64_t i = 0; i + 4 <= n; i += 4) wasm_v128_store(y + i, gelu(k, wasm_v128_load(x + i)));
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("GELU exercise: a SIMD and a scalar pass pass every check shape, a lost tail fails",
          "[solutions][f32_gelu_student]") {
  const char* stub = "f32_gelu_student";
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_gelu<correct::f32_gelu_student>)));
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_gelu<slow::f32_gelu_student>)));
  CHECK(first_failing_shape(as_exercise(stub, run_gelu<wrong::f32_gelu_student>)));
}
