// Solutions to the loop-order exercise, for the tests: i-k-j (correct), the
// textbook i-j-k (correct, but slow), and one that forgets to zero C (wrong).
// exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include "exercises/solution_check.h"
#include "kernels/matmul/f32_matmul_adapter.h"

namespace lab::correct {
KernelStatus f32_matmul_student_loops(const float* a, const float* b, float* c, int64_t m,
                                      int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i) {
    for (int64_t j = 0; j < n; ++j) c[i * n + j] = 0;
    for (int64_t p = 0; p < k; ++p) {
      const float av = a[i * k + p];
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += av * b[p * n + j];
    }
  }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_matmul_student_loops(const float* a, const float* b, float* c, int64_t m,
                                      int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = 0;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];
      c[i * n + j] = sum;
    }
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_matmul_student_loops(const float* a, const float* b, float* c, int64_t m,
                                      int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("loop-order exercise: correct solutions pass every check shape, a wrong one fails",
          "[solutions][f32_matmul_student_loops]") {
  const char* stub = "f32_matmul_student_loops";
  CHECK_FALSE(
      first_failing_shape(as_exercise(stub, run_matmul<correct::f32_matmul_student_loops>)));
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_matmul<slow::f32_matmul_student_loops>)));
  CHECK(first_failing_shape(as_exercise(stub, run_matmul<wrong::f32_matmul_student_loops>)));
}
