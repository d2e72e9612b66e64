#include <cmath>

#include "kernels/relu/f32_relu.h"
#include "kernels/relu/f32_relu_problem.h"
#include "relu_cases.h"

using namespace lab;

TEST_CASE("every reference ReLU kernel is exact at every length, odd ones included") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kReluF32) continue;
    DYNAMIC_SECTION(kernel.name) { testing::require_relu_kernel_correct(kernel); }
  }
}

TEST_CASE("the SIMD ReLU leaves the elements past n alone") {
  // n = 6: one vector and a two-element tail, inside a larger buffer.
  std::vector<float> x(12, -1.0f), y(12, 7.0f);
  for (int i = 0; i < 6; ++i) x[i] = static_cast<float>(i) - 2.5f;
  f32_relu_wasmsimd(x.data(), y.data(), 6);
  const std::vector<float> expected = {0, 0, 0, 0.5f, 1.5f, 2.5f, 7, 7, 7, 7, 7, 7};
  CHECK(y == expected);
}

TEST_CASE("the ReLU check rejects wrong output") {
  ReluProblem problem(Shape{1, 37, 1, 0});
  SECTION("an output the kernel never wrote") {
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("one element off by one ulp") {
    f32_relu_scalar(problem.x(), problem.y(), 37);
    REQUIRE(problem.check().passed);
    float* y = problem.y();
    int i = 0;
    while (y[i] == 0) ++i;  // a positive element
    y[i] = std::nextafter(y[i], 2.0f);
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("the identity: negatives passed through") {
    for (int i = 0; i < 37; ++i) problem.y()[i] = problem.x()[i];
    CHECK_FALSE(problem.check().passed);
  }
}
