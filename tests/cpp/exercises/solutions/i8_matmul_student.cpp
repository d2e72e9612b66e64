// Solutions to the int8 matmul exercise, for the tests: i-k-j over blocks of
// 64 columns with int32 sums on the stack (correct; a kernel compiled in the
// page has no malloc), i-j-k with one int32 sum per element (correct, but it
// walks B down its columns: slow), and i-k-j with int16 sums, which overflow
// (wrong). The browser tests compile the same function bodies in the page
// (exercise-sources.mjs reads them from this file), so keep braces out of
// comments inside them.
#include "exercises/solution_check.h"
#include "kernels/i8_matmul/i8_matmul_adapter.h"

namespace lab::correct {
KernelStatus i8_matmul_student(const int8_t* a, const float* scale_a, const int8_t* b,
                               const float* scale_b, float* c, int64_t m, int64_t n, int64_t k) {
  constexpr int64_t kColumns = 64;
  int32_t sums[kColumns];
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j0 = 0; j0 < n; j0 += kColumns) {
      const int64_t width = n - j0 < kColumns ? n - j0 : kColumns;
      for (int64_t j = 0; j < width; ++j) sums[j] = 0;
      for (int64_t p = 0; p < k; ++p) {
        const int32_t aip = a[i * k + p];
        const int8_t* b_row = b + p * n + j0;
        for (int64_t j = 0; j < width; ++j) sums[j] += aip * b_row[j];
      }
      for (int64_t j = 0; j < width; ++j)
        c[i * n + j0 + j] = static_cast<float>(sums[j]) * (scale_a[i] * scale_b[j0 + j]);
    }
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus i8_matmul_student(const int8_t* a, const float* scale_a, const int8_t* b,
                               const float* scale_b, float* c, int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      int32_t sum = 0;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];
      c[i * n + j] = static_cast<float>(sum) * (scale_a[i] * scale_b[j]);
    }
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus i8_matmul_student(const int8_t* a, const float* scale_a, const int8_t* b,
                               const float* scale_b, float* c, int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      int16_t sum = 0;
      for (int64_t p = 0; p < k; ++p) sum = static_cast<int16_t>(sum + a[i * k + p] * b[p * n + j]);
      c[i * n + j] = static_cast<float>(sum) * (scale_a[i] * scale_b[j]);
    }
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("int8 matmul exercise: int32 sums pass every check shape, int16 sums overflow",
          "[solutions][i8_matmul_student]") {
  const char* stub = "i8_matmul_student";
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_i8_matmul<correct::i8_matmul_student>)));
  CHECK_FALSE(first_failing_shape(as_exercise(stub, run_i8_matmul<slow::i8_matmul_student>)));
  CHECK(first_failing_shape(as_exercise(stub, run_i8_matmul<wrong::i8_matmul_student>)));
}
