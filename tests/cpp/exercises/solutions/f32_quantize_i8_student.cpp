// Solutions to the int8 quantize exercise, for the tests: one correct (its
// std::fmax is a libm call in the page, so it also checks that math
// functions link there), and one that truncates instead of rounding (wrong).
// exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include <cmath>

#include "exercises/solution_check.h"
#include "kernels/quantize/quantize_adapters.h"

namespace lab::correct {
KernelStatus f32_quantize_i8_student(const float* x, int8_t* q, float* scale, int64_t n) {
  float max_abs = 0;
  for (int64_t i = 0; i < n; ++i) max_abs = std::fmax(max_abs, std::fabs(x[i]));
  *scale = max_abs > 0 ? max_abs / 127 : 1.0f;
  for (int64_t i = 0; i < n; ++i) {
    const float r = std::nearbyint(x[i] / *scale);
    q[i] = static_cast<int8_t>(r > 127 ? 127 : (r < -127 ? -127 : r));
  }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::wrong {
KernelStatus f32_quantize_i8_student(const float* x, int8_t* q, float* scale, int64_t n) {
  float max_abs = 0;
  for (int64_t i = 0; i < n; ++i) max_abs = std::fmax(max_abs, std::fabs(x[i]));
  *scale = max_abs > 0 ? max_abs / 127 : 1.0f;
  for (int64_t i = 0; i < n; ++i) q[i] = static_cast<int8_t>(x[i] / *scale);
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("quantize exercise: a correct solution passes every check shape, a wrong one fails",
          "[solutions][f32_quantize_i8_student]") {
  const char* stub = "f32_quantize_i8_student";
  CHECK_FALSE(
      first_failing_shape(as_exercise(stub, run_quantize<correct::f32_quantize_i8_student>)));
  CHECK(first_failing_shape(as_exercise(stub, run_quantize<wrong::f32_quantize_i8_student>)));
}
