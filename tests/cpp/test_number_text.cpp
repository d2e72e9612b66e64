#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "lab/number_text.h"
#include "lab/validate.h"

using namespace lab;

namespace {

const double kNaN = std::nan("");
const double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("whole numbers get thousands separators") {
  CHECK(number_text(0) == "0");
  CHECK(number_text(7) == "7");
  CHECK(number_text(999) == "999");
  CHECK(number_text(1000) == "1,000");
  CHECK(number_text(1048576) == "1,048,576");
  CHECK(number_text(-2048) == "-2,048");
  CHECK(number_text(1099511627776.0) == "1,099,511,627,776");
}

TEST_CASE("fractions get a few significant digits, and always a decimal") {
  CHECK(number_text(2.5) == "2.5");
  CHECK(number_text(0.001) == "0.001");
  CHECK(number_text(1.0 / 3) == "0.3333");
  CHECK(number_text(-0.75) == "-0.75");
  CHECK(number_text(3.14159) == "3.142");
  CHECK(number_text(12345.01) == "12,345.0");
  CHECK(number_text(1048576.5) == "1,048,576.5");
}

TEST_CASE("very large and very small numbers are written as JavaScript writes them") {
  CHECK(number_text(1e300) == "1e+300");
  CHECK(number_text(1.5e20) == "1.5e+20");
  CHECK(number_text(-1e15) == "-1e+15");
  CHECK(number_text(1e-7) == "1e-7");
  CHECK(number_text(2.5e-5) == "2.5e-5");
}

TEST_CASE("NaN and the infinities are spelled as JavaScript spells them") {
  CHECK(number_text(kNaN) == "NaN");
  CHECK(number_text(kInf) == "Infinity");
  CHECK(number_text(-kInf) == "-Infinity");
}

TEST_CASE("sizes in MiB: whole from 10 MiB up") {
  CHECK(mib_text(1536.4 * 1024 * 1024) == "1,536");
  CHECK(mib_text(0.5 * 1024 * 1024) == "0.5");
  CHECK(mib_text(64.0 * 1024 * 1024) == "64");
}

TEST_CASE("validation messages write their numbers for people") {
  const Limits limits{64.0 * 1024 * 1024, 4};
  const Kernel& loops = *find_kernel("f32_matmul_ikj");
  const Kernel& blocked = *find_kernel("f32_matmul_blocked");
  const Kernel& simd = *find_kernel("f32_matmul_4x8_wasmsimd");
  const auto n_only = [&](const Kernel& k, double n, double block = 0, double threads = 1) {
    return validate(k, Params{kNaN, n, kNaN, block, threads}, limits).error;
  };
  // A huge N: the most it can be, with separators, never 1.04858e+06.
  CHECK(n_only(loops, 1e7) == "N = 10,000,000 is too large; the most it can be is 1,048,576.");
  CHECK(n_only(loops, 1e300) == "N = 1e+300 is too large; the most it can be is 1,048,576.");
  CHECK(n_only(loops, kInf) == "N = Infinity is too large; the most it can be is 1,048,576.");
  CHECK(n_only(loops, -kInf) == "N must be at least 1 (got -Infinity).");
  CHECK(n_only(loops, kNaN) == "N must be a number.");
  CHECK(n_only(loops, 2.5) == "N must be a whole number (got 2.5).");
  // A block larger than N.
  CHECK(n_only(blocked, 1500, 2048) ==
        "Block size 2,048 is larger than the matrix (1,500); choose at most 1,500.");
  CHECK(n_only(blocked, 64, 0.5) == "Block size must be at least 1 (got 0.5).");
  CHECK(n_only(simd, 64, 16, kNaN) == "Threads must be a number.");
  CHECK(n_only(simd, 64, 16, 1.5) == "Threads must be a whole number (got 1.5).");
  // The memory cap: MiB and the largest size that fits, with separators.
  const std::string memory = n_only(loops, 100000);
  CHECK_THAT(memory,
             Catch::Matches("This size needs \\d{1,3}(,\\d{3})+ MiB, but a run may use only 64 MiB "
                            "here\\. The largest square size that fits is N = \\d,\\d{3}\\."));
  TimingOptions timing;
  timing.min_time_s = kNaN;
  CHECK(validate_timing(timing).error ==
        "Minimum time must be between 0.001 and 60 seconds (got NaN).");
}
