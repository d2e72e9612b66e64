// Solutions to the blocking exercise, for the tests: tiled i-k-j (correct),
// plain i-j-k that ignores the block (correct, but slow), and tiles that stop
// at the last whole block (wrong whenever the size is not a multiple of it).
// exercise-sources.mjs reads the same bodies for the page's tests, so keep
// braces out of comments inside them.
#include "exercises/solution_check.h"
#include "kernels/matmul/f32_matmul_adapter.h"

namespace lab::correct {
KernelStatus f32_matmul_student_blocked(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t block) {
  for (int64_t i = 0; i < m * n; ++i) c[i] = 0;
  for (int64_t i0 = 0; i0 < m; i0 += block)
    for (int64_t p0 = 0; p0 < k; p0 += block)
      for (int64_t j0 = 0; j0 < n; j0 += block) {
        const int64_t i1 = i0 + block < m ? i0 + block : m;
        const int64_t p1 = p0 + block < k ? p0 + block : k;
        const int64_t j1 = j0 + block < n ? j0 + block : n;
        for (int64_t i = i0; i < i1; ++i)
          for (int64_t p = p0; p < p1; ++p) {
            const float av = a[i * k + p];
            for (int64_t j = j0; j < j1; ++j) c[i * n + j] += av * b[p * n + j];
          }
      }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_matmul_student_blocked(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t block) {
  (void)block;
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
KernelStatus f32_matmul_student_blocked(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t block) {
  for (int64_t i = 0; i < m * n; ++i) c[i] = 0;
  for (int64_t i0 = 0; i0 + block <= m; i0 += block)
    for (int64_t p0 = 0; p0 + block <= k; p0 += block)
      for (int64_t j0 = 0; j0 + block <= n; j0 += block)
        for (int64_t i = i0; i < i0 + block; ++i)
          for (int64_t p = p0; p < p0 + block; ++p)
            for (int64_t j = j0; j < j0 + block; ++j) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("blocking exercise: correct solutions pass every check shape, a wrong one fails",
          "[solutions][f32_matmul_student_blocked]") {
  const char* stub = "f32_matmul_student_blocked";
  CHECK_FALSE(
      first_failing_shape(as_exercise(stub, run_matmul<correct::f32_matmul_student_blocked>)));
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_matmul<slow::f32_matmul_student_blocked>)));
  CHECK(first_failing_shape(as_exercise(stub, run_matmul<wrong::f32_matmul_student_blocked>)));
}
