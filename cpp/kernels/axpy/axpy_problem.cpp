#include "kernels/axpy/axpy_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/convert/bf16_convert.h"

namespace lab {

namespace {

constexpr uint64_t kSeedX = 11, kSeedY = 12;
// One f32 rounding after the multiply and one after the add: gamma_2.
constexpr double kUnit = 1.0 / (1 << 24);
constexpr double kTwoRoundings = 2 * kUnit / (1 - 2 * kUnit);
// How many leading elements the bf16 check also compares with the f32 result.
constexpr int64_t kCompareWithF32 = 1 << 16;

// |a x| + |y|: the scale each element's rounding errors are measured against,
// so an element near zero after cancellation is not held to a tighter bound.
double magnitude(double x, double y) { return std::fabs(kAxpyScale * x) + std::fabs(y); }

std::vector<float> inputs(int64_t n, uint64_t seed) {
  std::vector<float> v(n);
  fill_uniform(v.data(), v.size(), seed);
  return v;
}

std::vector<uint16_t> to_bf16(const std::vector<float>& v) {
  std::vector<uint16_t> h(v.size());
  std::transform(v.begin(), v.end(), h.begin(), f32_to_bf16);
  return h;
}

}  // namespace

F32AxpyProblem::F32AxpyProblem(const Shape& s)
    : x_(inputs(s.n, kSeedX)), y_(inputs(s.n, kSeedY)), z_(s.n) {}

void F32AxpyProblem::poison_output() {
  std::fill(z_.begin(), z_.end(), std::numeric_limits<float>::quiet_NaN());
}

ErrorReport F32AxpyProblem::check() const {
  ErrorReport report;
  report.tolerance = kTwoRoundings;
  for (size_t i = 0; i < z_.size(); ++i) {
    const double exact = static_cast<double>(kAxpyScale) * x_[i] + y_[i];
    const double err = std::fabs(z_[i] - exact);
    if (!(err == err)) {  // NaN: an element the kernel never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err = std::max(report.max_rel_err, err / magnitude(x_[i], y_[i]));
  }
  report.passed = report.max_rel_err <= report.tolerance;
  return report;
}

Bf16AxpyProblem::Bf16AxpyProblem(const Shape& s)
    : x_(to_bf16(inputs(s.n, kSeedX))), y_(to_bf16(inputs(s.n, kSeedY))), z_(s.n) {}

void Bf16AxpyProblem::poison_output() { std::fill(z_.begin(), z_.end(), 0x7FC0); }  // a NaN

// Exact: every element must be the bit pattern the scalar conversion gives
// for the f32 result. Separately, the first elements are compared with the
// f32 computation on the unrounded inputs: what bf16 storage costs.
ErrorReport Bf16AxpyProblem::check() const {
  ErrorReport report;
  report.tolerance = 0;
  bool identical = true;
  for (size_t i = 0; i < z_.size(); ++i) {
    const float product =
        kAxpyScale * bf16_to_f32(x_[i]);  // no fused multiply-add, like the kernel
    const float sum = product + bf16_to_f32(y_[i]);
    const uint16_t expected = f32_to_bf16(sum);
    identical = identical && z_[i] == expected;
    const double err = std::fabs(static_cast<double>(bf16_to_f32(z_[i])) - bf16_to_f32(expected));
    if (!(err == err)) {
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err =
        std::max(report.max_rel_err, err / magnitude(bf16_to_f32(x_[i]), bf16_to_f32(y_[i])));
  }
  report.passed = identical;
  const int64_t compared = std::min<int64_t>(kCompareWithF32, z_.size());
  const std::vector<float> x = inputs(compared, kSeedX), y = inputs(compared, kSeedY);
  double vs_f32 = 0;
  for (int64_t i = 0; i < compared; ++i) {
    const double exact = static_cast<double>(kAxpyScale) * x[i] + y[i];
    vs_f32 = std::max(vs_f32, std::fabs(bf16_to_f32(z_[i]) - exact) / magnitude(x[i], y[i]));
  }
  report.metrics.push_back({"max_rel_err_vs_f32", vs_f32});
  return report;
}

namespace {

double flops(const Shape& s) { return 2.0 * s.n; }
double f32_bytes(const Shape& s) { return 12.0 * s.n; }
double bf16_bytes(const Shape& s) { return 6.0 * s.n; }
// The bf16 problem builds its inputs in f32 first (8 N bytes, briefly).
double bf16_workspace(const Shape& s) { return 6.0 * s.n + 8.0 * s.n; }

std::unique_ptr<Problem> make_f32(const Shape& s) { return std::make_unique<F32AxpyProblem>(s); }
std::unique_ptr<Problem> make_bf16(const Shape& s) { return std::make_unique<Bf16AxpyProblem>(s); }

}  // namespace

const Operation kAxpyF32{
    "f32_axpy",
    ShapeKind::vector,
    "z = a x + y for each of the N elements of f32 vectors x, y and z (a = 0.3)",
    "a x + y computed in double from the same f32 inputs",
    LAB_THIS_FILE,
    "one rounding after the multiply and one after the add: max_rel_err is max over z of "
    "|z - (a x + y)| / (|a x| + |y|), and must stay within gamma_2 = 2u / (1 - 2u), u = 2^-24",
    "2 N (a multiply and an add per element)",
    "12 N (read x and y, write z: 4 bytes each)",
    flops,
    f32_bytes,
    f32_bytes,
    make_f32,
};

const Operation kAxpyBf16{
    "bf16_axpy",
    ShapeKind::vector,
    "z = a x + y for each of the N elements of bf16 vectors x, y and z (a = 0.3), computed in f32 "
    "and rounded to bf16",
    "the scalar conversions: f32_to_bf16(a * bf16_to_f32(x) + bf16_to_f32(y)) for each element",
    LAB_THIS_FILE,
    "every element must be that bf16 bit pattern exactly: tolerance 0; max_rel_err is "
    "|z - reference| / (|a x| + |y|). The metric max_rel_err_vs_f32 compares the first 65536 "
    "elements with a x + y on the f32 inputs before they were rounded to bf16",
    "2 N (a multiply and an add per element, in f32)",
    "6 N (read x and y, write z: 2 bytes each)",
    flops,
    bf16_bytes,
    bf16_workspace,
    make_bf16,
};

}  // namespace lab

LAB_SOURCE_DEFINE(axpy_problem_cpp)
