#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "kernels/axpy/axpy.h"
#include "kernels/axpy/axpy_problem.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/float_bits.h"
#include "lab/catalog.h"
#include "lab/runner.h"

using namespace lab;

namespace {

// Every length from 1 to 33 (all tails of the 4- and 8-element steps), and
// one of a million and three.
std::vector<int64_t> axpy_lengths() {
  std::vector<int64_t> n;
  for (int64_t i = 1; i <= 33; ++i) n.push_back(i);
  n.push_back((1 << 20) + 3);
  return n;
}

}  // namespace

TEST_CASE("both axpy kernels pass their checks at every length") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.op != &kAxpyF32 && kernel.op != &kAxpyBf16) continue;
    for (int64_t n : axpy_lengths()) {
      INFO(kernel.name << " at N=" << n);
      KernelStatus status = KernelStatus::not_implemented;
      const ErrorReport report = run_once_and_check(kernel, Shape{1, n, 1, 0}, &status);
      REQUIRE(status == KernelStatus::done);
      INFO("max_rel_err " << report.max_rel_err);
      REQUIRE(report.passed);
      if (kernel.op == &kAxpyBf16) {
        REQUIRE(report.metrics.size() == 1);
        // Inputs and output each rounded to 8 significant bits: a few 2^-9.
        CHECK(report.metrics[0].value > 0);
        CHECK(report.metrics[0].value < 4 * std::ldexp(1.0, -8));
      }
    }
  }
}

TEST_CASE("the axpy kernels leave the elements past n alone") {
  for (int64_t n = 1; n <= 33; ++n) {
    INFO("n=" << n);
    std::vector<float> x(n + 8, 1.0f), y(n + 8, 2.0f), z(n + 8, 7.0f);
    f32_axpy_wasmsimd(0.5f, x.data(), y.data(), z.data(), n);
    for (int64_t i = 0; i < n; ++i) REQUIRE(z[i] == 2.5f);
    for (int64_t i = n; i < n + 8; ++i) REQUIRE(z[i] == 7.0f);

    std::vector<uint16_t> hx(n + 8, f32_to_bf16(1.0f)), hy(n + 8, f32_to_bf16(2.0f)),
        hz(n + 8, 0x1234);
    bf16_axpy_wasmsimd(0.5f, hx.data(), hy.data(), hz.data(), n);
    for (int64_t i = 0; i < n; ++i) REQUIRE(hz[i] == f32_to_bf16(2.5f));
    for (int64_t i = n; i < n + 8; ++i) REQUIRE(hz[i] == 0x1234);
  }
}

namespace {

struct Bf16Case {
  uint16_t x, y;
  uint16_t z;  // a x + y rounded to bf16
};

// Runs the SIMD kernel on the cases, padded to a multiple of 8 so that every
// case goes through the vector loop, not the scalar tail.
void check_simd_rounding(float a, const std::vector<Bf16Case>& cases) {
  std::vector<uint16_t> x, y;
  for (const Bf16Case& c : cases) {
    x.push_back(c.x);
    y.push_back(c.y);
  }
  while (x.size() % 8) {
    x.push_back(0);
    y.push_back(0);
  }
  std::vector<uint16_t> z(x.size());
  bf16_axpy_wasmsimd(a, x.data(), y.data(), z.data(), static_cast<int64_t>(x.size()));
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i << std::hex << ": x 0x" << cases[i].x << ", y 0x" << cases[i].y);
    const uint16_t scalar = f32_to_bf16(a * bf16_to_f32(x[i]) + bf16_to_f32(y[i]));
    const bool nan = (cases[i].z & 0x7FFF) > 0x7F80;
    if (nan) {
      CHECK((z[i] & 0x7FFF) > 0x7F80);
      CHECK((scalar & 0x7FFF) > 0x7F80);
    } else {
      CHECK(z[i] == cases[i].z);
      CHECK(scalar == cases[i].z);
    }
  }
}

}  // namespace

TEST_CASE("the SIMD bf16 rounding agrees with the scalar one on ties, overflow, NaN and inf") {
  check_simd_rounding(
      1.0f, {
                {0x3F80, 0x3B80, 0x3F80},  // 1 + 2^-8: a tie, down to the even 1
                {0x3F81, 0x3B80, 0x3F82},  // (1 + 2^-7) + 2^-8: a tie, up to even
                {0x3F80, 0x3B81, 0x3F81},  // 1 + 2^-8 (1 + 2^-7): just above the tie
                {0x7F7F, 0x7B00, 0x7F80},  // largest bf16 + half its ulp (2^119): a tie, to inf
                {0xFF7F, 0xFB00, 0xFF80},
                {0x7F7F, 0x7AFF, 0x7F7F},  // just below that tie
                {0x8000, 0x8000, 0x8000},  // -0 + -0 = -0
                {0x7F80, 0x3F80, 0x7F80},  // inf + 1
                {0xFF80, 0x3F80, 0xFF80},
                {0x7F80, 0xFF80, 0x7FC0},  // inf - inf: NaN
                {0x7FC0, 0x3F80, 0x7FC0},  // NaN in, NaN out
                {0xFFC1, 0x0000, 0xFFC1},
            });
  // a = 0.5 halves bf16 subnormals into f32 values between them.
  check_simd_rounding(
      0.5f, {
                {0x0001, 0x0000, 0x0000},  // 2^-134: a tie with 0, to even
                {0x0003, 0x0000, 0x0002},  // 1.5 * 2^-133: a tie, up to even
                {0x0005, 0x0000, 0x0002},  // 2.5 * 2^-133: a tie, down to even
                {0x00FF, 0x0000, 0x0080},  // 127.5 steps of 2^-133: a tie between the largest
                                           // subnormal and the smallest normal, to the even normal
            });
}

TEST_CASE("the axpy checks reject wrong output") {
  SECTION("bf16: an output never written, or one element one pattern off") {
    Bf16AxpyProblem problem(Shape{1, 37, 1, 0});
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
    bf16_axpy_wasmsimd(kAxpyScale, problem.x(), problem.y(), problem.z(), 37);
    REQUIRE(problem.check().passed);
    problem.z()[20] += 1;
    CHECK_FALSE(problem.check().passed);
  }
  SECTION("f32: an output never written, or one element off by more than two roundings") {
    F32AxpyProblem problem(Shape{1, 37, 1, 0});
    problem.poison_output();
    CHECK_FALSE(problem.check().passed);
    f32_axpy_wasmsimd(kAxpyScale, problem.x(), problem.y(), problem.z(), 37);
    REQUIRE(problem.check().passed);
    float& z = problem.z()[20];
    for (int step = 0; step < 4; ++step) z = std::nextafter(z, 10.0f);
    CHECK_FALSE(problem.check().passed);
  }
}
