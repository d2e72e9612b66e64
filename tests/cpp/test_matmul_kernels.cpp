#include <cmath>

#include "kernels/matmul/f32_matmul_loop_orders.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "matmul_cases.h"

using namespace lab;

TEST_CASE("every reference matmul kernel matches the exact product at edge and odd shapes") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kMatmulF32) continue;
    DYNAMIC_SECTION(kernel.name) { testing::require_matmul_kernel_correct(kernel); }
  }
}

TEST_CASE("the matmul check rejects wrong output") {
  const Shape shape{9, 11, 13, 0};
  MatmulProblem problem(shape);

  SECTION("an output the kernel never wrote") {
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("a product that skips the last term of every sum") {
    float* c = problem.c();
    for (int64_t i = 0; i < shape.m; ++i)
      for (int64_t j = 0; j < shape.n; ++j) {
        float sum = 0;
        for (int64_t p = 0; p + 1 < shape.k; ++p)
          sum += problem.a()[i * shape.k + p] * problem.b()[p * shape.n + j];
        c[i * shape.n + j] = sum;
      }
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("a correct product with one element off by 0.1%") {
    f32_matmul_ikj(problem.a(), problem.b(), problem.c(), shape.m, shape.n, shape.k);
    REQUIRE(problem.check().passed);
    problem.c()[5] *= 1.001f;
    CHECK_FALSE(problem.check().passed);
  }
}

TEST_CASE("the tolerance is Higham's gamma_k for f32") {
  CHECK(matmul_f32_tolerance(1) == Approx(std::ldexp(1.0, -24)).epsilon(1e-6));
  CHECK(matmul_f32_tolerance(1000) == Approx(1000 * std::ldexp(1.0, -24)).epsilon(1e-3));
}
