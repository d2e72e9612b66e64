// The matmul that runs a work split (the threads exercise's harness): the
// lab's even split is right at every check shape and thread count, and a
// wrong split shows in C the same way every time: a row nobody claims stays
// poisoned, a row claimed twice doubles, and a range outside the rows writes
// nothing outside C.
#include <cmath>
#include <vector>

#include "check_cases.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "kernels/matmul/f32_matmul_row_split.h"

using namespace lab;

namespace {

// C for these ranges, and the exact product's C[row][column], at 9 x 11 x 13.
struct SplitRun {
  static constexpr int64_t kM = 9, kN = 11, kK = 13;
  MatmulProblem problem{{kM, kN, kK, 0}};
  ErrorReport run(std::vector<int64_t> begin, std::vector<int64_t> end) {
    problem.poison_output();
    f32_matmul_4x8_wasmsimd_split(problem.a(), problem.b(), problem.c(), kM, kN, kK, begin.data(),
                                  end.data(), static_cast<int64_t>(begin.size()));
    return problem.check();
  }
  float c(int64_t row, int64_t column) const {
    return static_cast<const MatmulProblem&>(problem).c()[row * kN + column];
  }
};

}  // namespace

TEST_CASE("the lab's even split is right at every check shape and thread count") {
  const Kernel* kernel = find_kernel("f32_matmul_4x8_wasmsimd_even_split");
  REQUIRE(kernel != nullptr);
  testing::require_correct_at_check_shapes(*kernel);
}

TEST_CASE("the even split gives each thread rows / threads rows, or one more") {
  for (int64_t rows : {1, 7, 64, 65}) {
    for (int64_t threads : {1, 2, 3, 8}) {
      int64_t next = 0;
      for (int64_t t = 0; t < threads; ++t) {
        int64_t begin = -1, end = -1;
        even_row_split(rows, t, threads, &begin, &end);
        CHECK(begin == next);
        CHECK(end - begin >= rows / threads);
        CHECK(end - begin <= rows / threads + 1);
        next = end;
      }
      CHECK(next == rows);
    }
  }
}

TEST_CASE("a split that covers every row once computes C") {
  SplitRun split;
  CHECK(split.run({0, 4}, {4, 9}).passed);
  CHECK(split.run({5, 0, 2}, {9, 2, 5}).passed);  // any order of threads
}

TEST_CASE("a row no thread claims stays poisoned, and the check names it") {
  SplitRun split;
  const ErrorReport report = split.run({0, 5}, {4, 9});
  CHECK_FALSE(report.passed);
  CHECK(report.first_bad.row == 4);
  CHECK(report.first_bad.column == 0);
  CHECK(std::isnan(report.first_bad.actual));
}

TEST_CASE("a row two threads claim is added twice") {
  SplitRun split;
  REQUIRE(split.run({0, 5}, {5, 9}).passed);
  const float right = split.c(4, 10);
  const ErrorReport report = split.run({0, 3}, {5, 9});  // rows 3 and 4 twice
  CHECK_FALSE(report.passed);
  CHECK(report.first_bad.row == 3);
  CHECK(report.first_bad.column == 0);
  CHECK(report.first_bad.actual == 2 * static_cast<float>(report.first_bad.expected));
  CHECK(split.c(4, 10) == 2 * right);
  CHECK_FALSE(std::isnan(split.c(5, 0)));  // claimed once: computed
}

TEST_CASE("ranges outside the rows are clipped to them and write nothing else") {
  SplitRun split;
  CHECK(split.run({-5, 4}, {4, 100}).passed);
  CHECK(split.run({0, 9, 7}, {9, 20, 3}).passed);  // past the end, and backwards: empty
}
