// The bf16 rounding operation: its reference kernel is right at every check
// length, and its check, exact to the bit, catches truncation, a lost NaN and
// an element never written, naming the first.
#include <cstring>

#include "check_cases.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f32_round_bf16_problem.h"

using namespace lab;

TEST_CASE("every reference bf16 rounding kernel is right at every check length") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kRoundBf16) continue;
    DYNAMIC_SECTION(kernel.name) { testing::require_correct_at_check_shapes(kernel); }
  }
}

TEST_CASE("the bf16 rounding check is exact and names the first bad element") {
  const int64_t n = 4096;
  RoundBf16Problem problem({1, n, 1, 0});
  const auto fill = [&](uint16_t (*round)(float)) {
    problem.poison_output();
    for (int64_t i = 0; i < n; ++i) problem.y()[i] = round(problem.x()[i]);
    return problem.check();
  };
  CHECK(fill(f32_to_bf16).passed);

  SECTION("truncation fails at the first element, which is just above a half") {
    const ErrorReport report = fill([](float f) {
      uint32_t u;
      std::memcpy(&u, &f, sizeof u);
      return static_cast<uint16_t>(u >> 16);
    });
    CHECK_FALSE(report.passed);
    CHECK(report.first_bad.index == 0);
    CHECK(report.first_bad.expected == 0x3F81);
    CHECK(report.first_bad.actual == 0x3F80);
  }
  SECTION("a NaN may become any NaN, but not infinity") {
    const auto quiet_nan = [](float f) -> uint16_t { return f != f ? 0x7FFF : f32_to_bf16(f); };
    CHECK(fill(quiet_nan).passed);
    const auto infinity = [](float f) -> uint16_t { return f != f ? 0x7F80 : f32_to_bf16(f); };
    const ErrorReport report = fill(infinity);
    CHECK_FALSE(report.passed);
    CHECK(report.first_bad.index == 9);  // the NaN whose payload is in the low half
  }
  SECTION("an element never written") {
    problem.poison_output();
    for (int64_t i = 0; i + 1 < n; ++i) problem.y()[i] = f32_to_bf16(problem.x()[i]);
    const ErrorReport report = problem.check();
    CHECK_FALSE(report.passed);
    CHECK(report.first_bad.index == n - 1);
  }
}
