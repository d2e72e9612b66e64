#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_problem.h"
#include "lab/runner.h"
#include "matmul_cases.h"

using namespace lab;

namespace {

// Edge sizes around the 4 x 8 tile and the 4-lane vector, and shapes with M, N and K all different.
const std::vector<Shape> kShapes = {{1, 1, 1, 0},    {3, 3, 3, 0},  {4, 4, 4, 0},   {5, 5, 5, 0},
                                    {7, 7, 7, 0},    {8, 8, 8, 0},  {9, 9, 9, 0},   {17, 17, 17, 0},
                                    {33, 33, 33, 0}, {5, 9, 17, 0}, {17, 33, 2, 0}, {9, 13, 33, 0},
                                    {33, 7, 65, 0},  {2, 31, 9, 0}};

}  // namespace

TEST_CASE(
    "the reference matmul + bias + GELU kernels pass the check at edge shapes, blocks and "
    "threads") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kMatmulBiasGeluF32) continue;
    for (Shape shape : kShapes)
      for (int64_t block : check_blocks(shape))
        for (int64_t threads : {1, 2, 3}) {
          shape.block = block;
          shape.threads = threads;
          INFO(kernel.name << " at M=" << shape.m << " N=" << shape.n << " K=" << shape.k
                           << " block=" << block << " threads=" << threads);
          KernelStatus status = KernelStatus::not_implemented;
          const ErrorReport report = run_once_and_check(kernel, shape, &status);
          INFO("max_rel_err " << report.max_rel_err << " tolerance " << report.tolerance);
          REQUIRE(report.passed);
        }
  }
}

TEST_CASE("the epilogue gives the same C as the GEMM, bias and GELU run separately") {
  for (Shape shape : kShapes)
    for (int64_t block : check_blocks(shape))
      for (int64_t threads : {1, 3}) {
        INFO("M=" << shape.m << " N=" << shape.n << " K=" << shape.k << " block=" << block
                  << " threads=" << threads);
        MatmulBiasGeluProblem problem(shape);
        const size_t size = shape.m * shape.n;
        f32_matmul_bias_gelu_separate_wasmsimd(problem.a(), problem.b(), problem.bias(),
                                               problem.c(), shape.m, shape.n, shape.k, block,
                                               threads);
        const std::vector<float> separate(problem.c(), problem.c() + size);
        problem.poison_output();
        f32_matmul_bias_gelu_4x8_wasmsimd(problem.a(), problem.b(), problem.bias(), problem.c(),
                                          shape.m, shape.n, shape.k, block, threads);
        REQUIRE(problem.check().passed);
        // Within tolerance is what the lesson needs; the same bits is what
        // the same steps in the same order give.
        for (size_t i = 0; i < size; ++i)
          REQUIRE(std::fabs(problem.c()[i] - separate[i]) <=
                  matmul_bias_gelu_tolerance(shape.k) * (1 + std::fabs(separate[i])));
        CHECK(std::memcmp(problem.c(), separate.data(), size * sizeof(float)) == 0);
      }
}

TEST_CASE("the matmul + bias + GELU check rejects wrong output") {
  const Shape shape{9, 11, 13, 0};
  MatmulBiasGeluProblem problem(shape);
  SECTION("an output the kernel never wrote") {
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("the product alone, without bias and GELU") {
    f32_matmul_4x8_wasmsimd(problem.a(), problem.b(), problem.c(), shape.m, shape.n, shape.k, 16,
                            1);
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("GELU of the product, the bias forgotten") {
    const std::vector<float> zero_bias(shape.n, 0.0f);
    f32_matmul_bias_gelu_4x8_wasmsimd(problem.a(), problem.b(), zero_bias.data(), problem.c(),
                                      shape.m, shape.n, shape.k, 16, 1);
    CHECK_FALSE(problem.check().passed);
  }
}

TEST_CASE("the FLOP and byte counts of matmul + bias + GELU") {
  const Shape s{3, 5, 7, 0};
  CHECK(kMatmulBiasGeluF32.flops(s) == 2 * 3 * 5 * 7 + 27 * 3 * 5);
  CHECK(kMatmulBiasGeluF32.bytes(s) == 4 * (3 * 7 + 7 * 5 + 5 + 3 * 5));
  const Kernel* separate = find_kernel("f32_matmul_bias_gelu_separate_wasmsimd");
  const Kernel* fused = find_kernel("f32_matmul_bias_gelu_4x8_wasmsimd");
  REQUIRE(separate);
  REQUIRE(fused);
  // The separate schedule reads and writes C twice more: 4 x 4 M N bytes.
  CHECK(bytes_moved(*separate, s) - bytes_moved(*fused, s) == 16 * 3 * 5);
}
