#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "kernels/probe/probe.h"
#include "kernels/probe/probe_problems.h"
#include "lab/catalog.h"
#include "lab/runner.h"
#include "lab/validate.h"

using namespace lab;

namespace {

const Kernel& probe(const char* name) {
  const Kernel* k = find_kernel(name);
  REQUIRE(k != nullptr);
  return *k;
}

// Lengths at and around every boundary: the 4 lanes of a vector, the 52 of a
// group, the 12480 of the whole set, and several passes over it.
std::vector<int64_t> mul_add_lengths() {
  std::vector<int64_t> n = {1,
                            2,
                            3,
                            4,
                            5,
                            51,
                            52,
                            53,
                            1000,
                            kMulAddLanes - 1,
                            kMulAddLanes,
                            kMulAddLanes + 1,
                            2 * kMulAddLanes + 7,
                            3 * kMulAddLanes + 5,
                            5 * kMulAddLanes - 3};
  return n;
}

std::vector<int64_t> triad_lengths() {
  std::vector<int64_t> n;
  for (int64_t i = 1; i <= 70; ++i) n.push_back(i);
  for (int64_t i : {127, 128, 129, 1000, 4099}) n.push_back(i);
  n.push_back((1 << 20) + 3);
  return n;
}

}  // namespace

TEST_CASE("the closed form of the ceiling probe is the scalar f32 recurrence") {
  // Starts across [1, 2), and close below the point where a lane stops growing.
  for (float x : {1.0f, 1.0f + kMulAddC, 1.5f, 2.0f - kMulAddC, 255.0f,
                  static_cast<float>(kMulAddSaturation) - 3 * kMulAddC}) {
    float lane = x;
    for (int64_t t = 0; t <= 200; ++t) {
      INFO("start " << x << " after " << t << " steps");
      REQUIRE(static_cast<double>(lane) == mul_add_after(x, t));
      lane = lane * kMulAddM + kMulAddC;
    }
  }
}

TEST_CASE("the ceiling probe passes its check at every length and thread count") {
  const Kernel& k = probe("f32_mul_add_13chains_wasmsimd");
  for (int64_t threads : {1, 2, 3}) {
    for (int64_t n : mul_add_lengths()) {
      INFO("N=" << n << ", " << threads << " threads");
      KernelStatus status = KernelStatus::not_implemented;
      const ErrorReport report = run_once_and_check(k, Shape{1, n, 1, 0, threads}, &status);
      REQUIRE(status == KernelStatus::done);
      REQUIRE(report.passed);
    }
  }
}

TEST_CASE("the ceiling probe's check catches a missing update") {
  for (int64_t n : {int64_t{1}, int64_t{53}, kMulAddLanes, 3 * kMulAddLanes + 5}) {
    INFO("N=" << n);
    MulAddProblem problem(Shape{1, n, 1, 0, 1});
    problem.poison_output();
    f32_mul_add_13chains_wasmsimd(problem.x(), problem.y(), kMulAddM, kMulAddC, kMulAddLanes, n - 1,
                                  1);
    CHECK_FALSE(problem.check().passed);
    f32_mul_add_13chains_wasmsimd(problem.x(), problem.y(), kMulAddM, kMulAddC, kMulAddLanes, n, 2);
    CHECK(problem.check().passed);
  }
}

TEST_CASE("the ceiling probe counts two flops per update and a fixed set of lanes in bytes") {
  const Kernel& k = probe("f32_mul_add_13chains_wasmsimd");
  for (int64_t n : {int64_t{1}, int64_t{1000}, int64_t{1} << 30}) {
    CHECK(k.op->flops(Shape{1, n, 1, 0, 2}) == 2.0 * n);
    CHECK(bytes_moved(k, Shape{1, n, 1, 0, 2}) == 8.0 * kMulAddLanes);
  }
  CHECK(kMulAddLanes % kMulAddGroupLanes == 0);
}

TEST_CASE("the triad passes its check at every length and thread count") {
  const Kernel& k = probe("f32_triad_wasmsimd");
  for (int64_t threads : {1, 2, 3}) {
    for (int64_t n : triad_lengths()) {
      INFO("N=" << n << ", " << threads << " threads");
      KernelStatus status = KernelStatus::not_implemented;
      const ErrorReport report = run_once_and_check(k, Shape{1, n, 1, 0, threads}, &status);
      REQUIRE(status == KernelStatus::done);
      REQUIRE(report.passed);
    }
  }
  CHECK(k.op->flops(Shape{1, 1000, 1, 0, 1}) == 2000);
  CHECK(bytes_moved(k, Shape{1, 1000, 1, 0, 1}) == 12000);
}

TEST_CASE("the triad writes a = b + s c and leaves the elements past n alone") {
  for (int64_t threads : {1, 2, 3}) {
    for (int64_t n : {1, 15, 16, 17, 33, 47, 100}) {
      INFO("N=" << n << ", " << threads << " threads");
      std::vector<float> a(n + 8, 7.0f), b(n + 8, 2.0f), c(n + 8, 1.0f);
      f32_triad_wasmsimd(0.5f, b.data(), c.data(), a.data(), n, threads);
      for (int64_t i = 0; i < n; ++i) REQUIRE(a[i] == 2.5f);
      for (int64_t i = n; i < n + 8; ++i) REQUIRE(a[i] == 7.0f);
    }
  }
}

TEST_CASE("bad probe sizes and thread counts are refused with a message") {
  const Limits limits{64.0 * 1024 * 1024, 4};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const char* name : {"f32_mul_add_13chains_wasmsimd", "f32_triad_wasmsimd"}) {
    const Kernel& k = probe(name);
    for (double n : {0.0, -1.0, 2.5, nan, std::numeric_limits<double>::infinity(), 1e13}) {
      INFO(name << " N=" << n);
      const Validation v = validate(k, Params{1, n, 1, 0, 1}, limits);
      CHECK_FALSE(v.ok);
      CHECK(v.field == "n");
      CHECK_FALSE(v.error.empty());
    }
    for (double threads : {0.0, 5.0, nan, 1.5}) {
      INFO(name << " threads=" << threads);
      const Validation v = validate(k, Params{1, 4096, 1, 0, threads}, limits);
      CHECK_FALSE(v.ok);
      CHECK(v.field == "threads");
    }
    const Validation ok = validate(k, Params{1, 4099, 1, 0, 3}, limits);
    CHECK(ok.ok);
    CHECK(ok.shape.threads == 3);
  }
  // The triad's arrays must fit: a length past the memory gets the largest one that does.
  const Validation big = validate(probe("f32_triad_wasmsimd"), Params{1, 1e8, 1, 0, 1}, limits);
  CHECK_FALSE(big.ok);
  CHECK_THAT(big.error, Catch::Contains("largest length"));
}
