#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "kernels/matmul/f32_matmul_problem.h"
#include "kernels/relu/f32_relu_problem.h"
#include "lab/number_text.h"
#include "lab/validate.h"

using namespace lab;

namespace {

const Limits kLimits{64.0 * 1024 * 1024};
const double kNaN = std::nan("");
const double kInf = std::numeric_limits<double>::infinity();

const Kernel& loops() { return *find_kernel("f32_matmul_ikj"); }
const Kernel& blocked() { return *find_kernel("f32_matmul_blocked"); }

Validation square(const Kernel& k, double n, double block = 0) {
  return validate(k, Params{n, n, n, block}, kLimits);
}

}  // namespace

TEST_CASE("valid sizes pass and come back whole") {
  const auto v = validate(blocked(), Params{3, 5, 7, 4}, kLimits);
  REQUIRE(v.ok);
  CHECK(v.shape.m == 3);
  CHECK(v.shape.n == 5);
  CHECK(v.shape.k == 7);
  CHECK(v.shape.block == 4);
}

TEST_CASE("bad sizes are refused with a message naming N") {
  const struct {
    double n;
    const char* says;
  } cases[] = {
      {kNaN, "must be a number"}, {0, "at least 1"},
      {-3, "at least 1"},         {2.5, "whole number"},
      {kInf, "too large"},        {-kInf, "at least 1"},
      {1e300, "too large"},       {(1 << 20) + 1.0, "too large"},
  };
  for (const auto& c : cases) {
    INFO("n = " << c.n);
    const auto v = square(loops(), c.n);
    CHECK_FALSE(v.ok);
    CHECK(v.field == "n");
    CHECK_THAT(v.error, Catch::Contains(c.says));
    CHECK_THAT(v.error, Catch::StartsWith("N "));
  }
}

TEST_CASE("non-square problems name the dimension at fault") {
  auto v = validate(loops(), Params{4, 4, 0, 0}, kLimits);
  CHECK(v.field == "k");
  CHECK_THAT(v.error, Catch::StartsWith("K "));
  v = validate(loops(), Params{kNaN, 4, 4, 0}, kLimits);
  CHECK(v.field == "m");
}

TEST_CASE("sizes above the memory cap are refused with the largest size that fits") {
  const int64_t largest = max_size(kMatmulF32, kLimits);
  REQUIRE(largest > 100);
  CHECK(square(loops(), static_cast<double>(largest)).ok);
  const auto v = square(loops(), static_cast<double>(largest + 1));
  CHECK_FALSE(v.ok);
  CHECK(v.field == "n");
  CHECK_THAT(v.error, Catch::Contains("MiB"));
  CHECK_THAT(v.error, Catch::Contains("N = " + number_text(static_cast<double>(largest))));
}

TEST_CASE("the cap follows the memory available") {
  const Limits small{1024.0 * 1024};
  const Limits big{16.0 * 1024 * 1024 * 1024};
  CHECK(max_size(kMatmulF32, small) < max_size(kMatmulF32, big));
  CHECK(max_size(kMatmulF32, Limits{0}) == 0);
}

TEST_CASE("bad block sizes are refused") {
  const struct {
    double block;
    const char* says;
  } cases[] = {
      {0, "at least 1"},
      {-1, "at least 1"},
      {kNaN, "must be a number"},
      {65, "larger than the matrix"},
      {1e9, "larger than the matrix"},
      {kInf, "too large"},
      {3.5, "whole number"},
  };
  for (const auto& c : cases) {
    INFO("block = " << c.block);
    const auto v = square(blocked(), 64, c.block);
    CHECK_FALSE(v.ok);
    CHECK(v.field == "block");
    CHECK_THAT(v.error, Catch::Contains(c.says));
  }
  CHECK(square(blocked(), 64, 64).ok);
  CHECK(square(blocked(), 64, 1).ok);
}

TEST_CASE("kernels without a block size ignore it") { CHECK(square(loops(), 8, kNaN).ok); }

TEST_CASE("threads are checked against the pool, and a single-threaded build says so") {
  const Kernel& simd = *find_kernel("f32_matmul_4x8_wasmsimd");
  const Limits four{kLimits.memory_bytes, 4};
  auto with_threads = [&](double threads, const Limits& limits) {
    return validate(simd, Params{64, 64, 64, 16, threads}, limits);
  };
  const auto ok = with_threads(3, four);
  REQUIRE(ok.ok);
  CHECK(ok.shape.threads == 3);
  const struct {
    double threads;
    const char* says;
  } cases[] = {{0, "at least 1"}, {-1, "at least 1"},         {1.5, "whole number"},
               {5, "too large"},  {kNaN, "must be a number"}, {kInf, "too large"}};
  for (const auto& c : cases) {
    INFO("threads " << c.threads);
    const auto v = with_threads(c.threads, four);
    CHECK_FALSE(v.ok);
    CHECK(v.field == "threads");
    CHECK_THAT(v.error, Catch::Contains(c.says));
  }
  const auto single = with_threads(2, Limits{kLimits.memory_bytes, 1});
  CHECK_FALSE(single.ok);
  CHECK_THAT(single.error, Catch::Contains("single-threaded"));
  CHECK(with_threads(1, Limits{kLimits.memory_bytes, 1}).ok);
}

TEST_CASE("kernels without a thread count run on one, whatever was asked") {
  const auto v = validate(blocked(), Params{8, 8, 8, 4, 7}, Limits{kLimits.memory_bytes, 2});
  REQUIRE(v.ok);
  CHECK(v.shape.threads == 1);
}

TEST_CASE("vector operations check only the length N") {
  const Kernel& relu = *find_kernel("f32_relu_scalar");
  const auto v = validate(relu, Params{kNaN, 1000, kNaN, kNaN}, kLimits);
  REQUIRE(v.ok);
  CHECK(v.shape.n == 1000);
  CHECK(v.shape.m == 1);
  CHECK(v.shape.k == 1);
  const auto bad = validate(relu, Params{1, 0, 1, 0}, kLimits);
  CHECK_FALSE(bad.ok);
  CHECK(bad.field == "n");
  CHECK_THAT(bad.error, Catch::Contains("Length N must be at least 1"));
  const int64_t largest = max_size(kReluF32, kLimits);
  CHECK(largest == static_cast<int64_t>(kLimits.memory_bytes / 8));
  CHECK(validate(relu, Params{1, static_cast<double>(largest), 1, 0}, kLimits).ok);
  const auto over = validate(relu, Params{1, static_cast<double>(largest + 1), 1, 0}, kLimits);
  CHECK_FALSE(over.ok);
  CHECK(over.field == "n");
  CHECK_THAT(over.error, Catch::Contains("largest length that fits is N = " +
                                         number_text(static_cast<double>(largest))));
}

TEST_CASE("the minimum time must be sensible") {
  for (double t : {0.0, -1.0, kNaN, 61.0, kInf}) {
    TimingOptions timing;
    timing.min_time_s = t;
    const auto v = validate_timing(timing);
    CHECK_FALSE(v.ok);
    CHECK(v.field == "min_time");
  }
  CHECK(validate_timing(TimingOptions{}).ok);
}

TEST_CASE("a matrix request with only N is the square N x N x N problem") {
  const auto v = validate(blocked(), Params{kNaN, 48, kNaN, 16}, kLimits);
  REQUIRE(v.ok);
  CHECK(v.shape.m == 48);
  CHECK(v.shape.n == 48);
  CHECK(v.shape.k == 48);
  CHECK(v.shape.block == 16);
  // Its errors name N, as a square request's do.
  for (double n : {kNaN, 0.0, 2.5, 1e9}) {
    INFO("n = " << n);
    const auto bad = validate(loops(), Params{kNaN, n, kNaN}, kLimits);
    CHECK_FALSE(bad.ok);
    CHECK(bad.field == "n");
    CHECK_THAT(bad.error, Catch::StartsWith("N "));
  }
  // The memory cap and the block rule apply to it as to N, N, N.
  const int64_t largest = max_size(kMatmulF32, kLimits);
  CHECK(validate(loops(), Params{kNaN, static_cast<double>(largest), kNaN}, kLimits).ok);
  CHECK(validate(loops(), Params{kNaN, static_cast<double>(largest + 1), kNaN}, kLimits).field ==
        "n");
  CHECK(validate(blocked(), Params{kNaN, 48, kNaN, 49}, kLimits).field == "block");
  // Only M missing, or only K, is not a square request: the missing one is named.
  CHECK(validate(loops(), Params{kNaN, 8, 8}, kLimits).field == "m");
  CHECK(validate(loops(), Params{8, 8, kNaN}, kLimits).field == "k");
}

TEST_CASE(
    "cap_block runs a block larger than the matrix at its largest side, and refuses other bad "
    "blocks") {
  Params p{kNaN, 48, kNaN, 128};
  p.cap_block = true;
  auto v = validate(blocked(), p, kLimits);
  REQUIRE(v.ok);
  CHECK(v.shape.block == 48);
  p.block = 16;
  CHECK(validate(blocked(), p, kLimits).shape.block == 16);
  for (double block : {0.0, -1.0, kNaN, kInf, 3.5}) {
    INFO("block = " << block);
    p.block = block;
    CHECK(validate(blocked(), p, kLimits).field == "block");
  }
}
