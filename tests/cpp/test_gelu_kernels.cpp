#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32_gelu_problem.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "lab/runner.h"

using namespace lab;

namespace {

// Both schedules of GELU over x.
std::vector<float> fused(const std::vector<float>& x) {
  std::vector<float> y(x.size());
  f32_gelu_fused_wasmsimd(x.data(), y.data(), static_cast<int64_t>(x.size()));
  return y;
}

std::vector<float> unfused(const std::vector<float>& x) {
  std::vector<float> y(x.size()), scratch(x.size());
  f32_gelu_unfused_wasmsimd(x.data(), y.data(), scratch.data(), static_cast<int64_t>(x.size()));
  return y;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

float from_bits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Every 61st f32 from 2^-12 to 16, both signs (where GELU and tanh curve), a
// fine grid over [-12, 12], huge values up to the largest f32, subnormals, 0 and -0.
std::vector<float> dense_sweep() {
  std::vector<float> x;
  for (uint32_t bits = 0x39800000u; bits < 0x41800000u; bits += 61) {
    x.push_back(from_bits(bits));
    x.push_back(-from_bits(bits));
  }
  for (int i = -120000; i <= 120000; ++i) x.push_back(i * 1e-4f);
  for (float big :
       {20.0f, 100.0f, 1e4f, 1e12f, 1e20f, 1e30f, 1e38f, std::numeric_limits<float>::max()}) {
    x.push_back(big);
    x.push_back(-big);
  }
  for (float tiny : {std::numeric_limits<float>::denorm_min(), 1e-40f,
                     std::numeric_limits<float>::min(), 1e-30f}) {
    x.push_back(tiny);
    x.push_back(-tiny);
  }
  x.push_back(0.0f);
  x.push_back(-0.0f);
  return x;
}

}  // namespace

TEST_CASE("every reference GELU kernel passes its check at every length, odd ones included") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kGeluF32) continue;
    for (int64_t n : {1, 2, 3, 4, 5, 7, 15, 16, 17, 33, 100, 1001, (1 << 20) + 3}) {
      INFO(kernel.name << " at N=" << n);
      KernelStatus status = KernelStatus::not_implemented;
      const ErrorReport report = run_once_and_check(kernel, Shape{1, n, 1, 0}, &status);
      INFO("max_rel_err " << report.max_rel_err);
      REQUIRE(status == KernelStatus::done);
      REQUIRE(report.passed);
    }
  }
}

TEST_CASE("fused and unfused GELU give the same bits: one algorithm, two schedules") {
  std::vector<int64_t> lengths;
  for (int64_t n = 1; n <= 33; ++n) lengths.push_back(n);
  for (int64_t n : {100, 1001, (1 << 20) + 3}) lengths.push_back(n);
  for (int64_t n : lengths) {
    INFO("N=" << n);
    GeluProblem problem(Shape{1, n, 1, 0});
    const std::vector<float> x(problem.x(), problem.x() + n);
    REQUIRE(same_bits(fused(x), unfused(x)));
  }
  const std::vector<float> sweep = dense_sweep();
  CHECK(same_bits(fused(sweep), unfused(sweep)));
}

TEST_CASE("the GELU kernels leave everything past n alone") {
  for (int64_t n = 1; n <= 9; ++n) {
    INFO("N=" << n);
    const std::vector<float> x(16, 1.5f);
    std::vector<float> y(16, 7.0f), scratch(16, 7.0f);
    f32_gelu_fused_wasmsimd(x.data(), y.data(), n);
    for (int64_t i = n; i < 16; ++i) CHECK(y[i] == 7.0f);
    std::fill(y.begin(), y.end(), 7.0f);
    f32_gelu_unfused_wasmsimd(x.data(), y.data(), scratch.data(), n);
    for (int64_t i = n; i < 16; ++i) {
      CHECK(y[i] == 7.0f);
      CHECK(scratch[i] == 7.0f);
    }
    CHECK(y[n - 1] != 7.0f);
  }
}

TEST_CASE("the fast tanh stays within 4 ulp of 1 of std::tanh") {
  const std::vector<float> t = dense_sweep();
  std::vector<float> out(4);
  double worst = 0;
  const f32x4_gelu::Constants k = f32x4_gelu::constants();
  for (size_t i = 0; i + 4 <= t.size(); i += 4) {
    wasm_v128_store(out.data(), f32x4_gelu::fast_tanh(k, wasm_v128_load(&t[i])));
    for (int lane = 0; lane < 4; ++lane)
      worst = std::max(worst, std::fabs(out[lane] - std::tanh(static_cast<double>(t[i + lane]))));
  }
  INFO("worst |tanh error| " << worst);
  CHECK(worst <= 0x1p-22);
}

TEST_CASE("the f32 GELU stays within its documented tolerance over a dense sweep") {
  const std::vector<float> x = dense_sweep();
  const std::vector<float> y = fused(x);
  double worst = 0;
  float worst_x = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double rel = std::fabs(y[i] - gelu_exact(x[i])) / gelu_error_scale(x[i]);
    REQUIRE(rel == rel);
    if (rel > worst) worst = rel, worst_x = x[i];
  }
  INFO("worst error " << worst << " at x = " << worst_x);
  CHECK(worst <= kGeluTolerance);
  // The tolerance is a margin over what the kernel does, not a blanket.
  CHECK(worst >= kGeluTolerance / 16);
  CHECK(y[x.size() - 2] == 0.0f);  // GELU(0) and GELU(-0) are exactly 0
  CHECK(y[x.size() - 1] == 0.0f);
}

TEST_CASE("GELU's slope never exceeds the bound the matmul epilogue's tolerance uses") {
  double steepest = 0;
  for (double x = -10; x <= 10; x += 1e-4)
    steepest = std::max(steepest, (gelu_exact(x + 1e-7) - gelu_exact(x - 1e-7)) / 2e-7);
  CHECK(steepest > 1.12);
  CHECK(steepest < 1.13);
}

TEST_CASE("the GELU FLOP count is the one the formulas state") {
  CHECK(f32x4_gelu::kGeluFlops == 26);
  CHECK(kGeluF32.flops(Shape{1, 10, 1, 0}) == 260);
  const Kernel* unfused_kernel = find_kernel("f32_gelu_unfused_wasmsimd");
  const Kernel* fused_kernel = find_kernel("f32_gelu_fused_wasmsimd");
  REQUIRE(unfused_kernel);
  REQUIRE(fused_kernel);
  CHECK(bytes_moved(*unfused_kernel, Shape{1, 10, 1, 0}) == 720);
  CHECK(bytes_moved(*fused_kernel, Shape{1, 10, 1, 0}) == 80);
}

TEST_CASE("the GELU check rejects wrong output") {
  GeluProblem problem(Shape{1, 37, 1, 0});
  SECTION("an output the kernel never wrote") {
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("one element off by 1e-5 of itself") {
    f32_gelu_fused_wasmsimd(problem.x(), problem.y(), 37);
    REQUIRE(problem.check().passed);
    int i = 0;
    while (problem.x()[i] < 1) ++i;  // where y is close to x
    problem.y()[i] *= 1 + 1e-5f;
    const ErrorReport report = problem.check();
    CHECK_FALSE(report.passed);
    // The page names the element a student's kernel got wrong.
    CHECK(report.first_bad.found);
    CHECK(std::string(report.first_bad.output) == "y");
    CHECK(report.first_bad.index == i);
    CHECK(report.first_bad.actual == problem.y()[i]);
  }
  SECTION("ReLU in place of GELU") {
    for (int i = 0; i < 37; ++i) problem.y()[i] = std::max(problem.x()[i], 0.0f);
    CHECK_FALSE(problem.check().passed);
  }
}
