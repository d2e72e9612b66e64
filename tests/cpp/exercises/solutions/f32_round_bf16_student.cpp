// Solutions to the bf16 rounding exercise, for the tests: round to nearest
// with ties to even on the bits (correct), and truncation, which drops the
// low 16 bits (wrong: it rounds toward zero and turns a NaN whose payload is
// only in the low half into infinity). The browser tests compile the same
// function bodies in the page (exercise-sources.mjs reads them from this
// file), so keep braces out of comments inside them.
#include <cstring>

#include "exercises/solution_check.h"
#include "kernels/convert/f32_round_bf16_adapter.h"

namespace lab::correct {
KernelStatus f32_round_bf16_student(const float* x, uint16_t* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    uint32_t u;
    std::memcpy(&u, &x[i], sizeof u);
    if ((u & 0x7FFFFFFFu) > 0x7F800000u)
      y[i] = static_cast<uint16_t>((u >> 16) | 0x0040u);
    else
      y[i] = static_cast<uint16_t>((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
  }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::wrong {
KernelStatus f32_round_bf16_student(const float* x, uint16_t* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    uint32_t u;
    std::memcpy(&u, &x[i], sizeof u);
    y[i] = static_cast<uint16_t>(u >> 16);
  }
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("bf16 rounding exercise: ties to even pass every check shape, truncation fails",
          "[solutions][f32_round_bf16_student]") {
  const char* stub = "f32_round_bf16_student";
  CHECK_FALSE(
      first_failing_shape(as_exercise(stub, run_round_bf16<correct::f32_round_bf16_student>)));
  const std::optional<Shape> truncated =
      first_failing_shape(as_exercise(stub, run_round_bf16<wrong::f32_round_bf16_student>));
  REQUIRE(truncated);
  CHECK(truncated->n == 1);  // the first input is just above a half
}
