// Solutions to the threads exercise, for the tests: the even split (correct),
// every row to thread 0 (correct, but one thread does all the work: slow),
// and a split that rounds rows / threads down and so leaves the last
// rows % threads rows to nobody (wrong). The browser tests compile the same
// function bodies in the page (exercise-sources.mjs reads them from this
// file), so keep braces out of comments inside them.
#include "exercises/solution_check.h"
#include "kernels/matmul/f32_matmul_split_adapter.h"

namespace lab::correct {
KernelStatus f32_matmul_student_threads(int64_t rows, int64_t thread, int64_t threads,
                                        int64_t* begin, int64_t* end) {
  *begin = thread * rows / threads;
  *end = (thread + 1) * rows / threads;
  return KernelStatus::done;
}
}  // namespace lab::correct

namespace lab::slow {
KernelStatus f32_matmul_student_threads(int64_t rows, int64_t thread, int64_t threads,
                                        int64_t* begin, int64_t* end) {
  (void)threads;
  *begin = 0;
  *end = thread == 0 ? rows : 0;
  return KernelStatus::done;
}
}  // namespace lab::slow

namespace lab::wrong {
KernelStatus f32_matmul_student_threads(int64_t rows, int64_t thread, int64_t threads,
                                        int64_t* begin, int64_t* end) {
  const int64_t share = rows / threads;
  *begin = thread * share;
  *end = *begin + share;
  return KernelStatus::done;
}
}  // namespace lab::wrong

using namespace lab;
using namespace lab::testing;

TEST_CASE("threads exercise: an even split passes every check shape, a gap fails",
          "[solutions][f32_matmul_student_threads]") {
  const char* stub = "f32_matmul_student_threads";
  CHECK_FALSE(first_failing_shape(
      as_exercise(stub, run_matmul_split<correct::f32_matmul_student_threads>)));
  CHECK_FALSE(
      first_failing_shape(as_exercise(stub, run_matmul_split<slow::f32_matmul_student_threads>)));
  const std::optional<Shape> gap =
      first_failing_shape(as_exercise(stub, run_matmul_split<wrong::f32_matmul_student_threads>));
  REQUIRE(gap);
  CHECK(gap->m % gap->threads != 0);
}
