#include "kernels/quantize/quantize_problems.h"

#include <cmath>
#include <limits>
#include <utility>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// x x (qmax / max|x|) and x / scale differ by a few roundings of a number
// below 128: far less than this share of a step.
constexpr double kStepSlack = 1.0 / 4096;

}  // namespace

QuantizeProblem::QuantizeProblem(const Shape& shape) : x_(shape.n), q_(shape.n) {
  fill_normal(x_.data(), x_.size(), 5);
}

QuantizeProblem::QuantizeProblem(std::vector<float> x) : x_(std::move(x)), q_(x_.size()) {}

void QuantizeProblem::poison_output() {
  // 0x80 is -128: outside the symmetric range, so an unwritten code fails.
  std::fill(q_.begin(), q_.end(), std::numeric_limits<int8_t>::min());
  scale_ = std::numeric_limits<float>::quiet_NaN();
}

ErrorReport QuantizeProblem::check() const {
  return check_quantized_i8(x_.data(), x_.size(), q_.data(), scale_);
}

ErrorReport check_quantized_i8(const float* x, int64_t n, const int8_t* q, float scale) {
  ErrorReport report;
  report.tolerance = 0.5 + kStepSlack;
  double max_abs = 0;
  for (int64_t i = 0; i < n; ++i) max_abs = std::max(max_abs, std::fabs(static_cast<double>(x[i])));
  const double expected_scale = max_abs > 0 ? max_abs / kInt8Qmax : 1.0;
  const double scale_err = std::fabs(scale - expected_scale) / expected_scale;
  report.metrics = {{"scale_rel_err", std::isnan(scale_err) ? kInfinity : scale_err}};
  // A few ulp of f32: the scale may be computed as max / 127 or by any other honest route.
  const bool scale_ok = scale_err <= 4 * std::ldexp(1.0, -24);
  if (!scale_ok) report.first_bad = {true, "scale", 0, -1, -1, expected_scale, scale};
  bool codes_ok = true;
  for (int64_t i = 0; i < n; ++i) {
    codes_ok = codes_ok && q[i] >= -kInt8Qmax;
    const double err = std::fabs(x[i] - static_cast<double>(q[i]) * scale);
    report.max_abs_err = std::max(report.max_abs_err, std::isnan(err) ? kInfinity : err);
    // The code x / scale rounds to, at the expected scale (any rounding of a tie passes).
    const bool code_ok = q[i] >= -kInt8Qmax && err <= (0.5 + kStepSlack) * scale;
    if (scale_ok && !code_ok && !report.first_bad.found)
      report.first_bad = {
          true, "q", i, -1, -1, std::nearbyint(x[i] / expected_scale), static_cast<double>(q[i])};
  }
  // In steps of the scale: how far the worst value is from its code.
  report.max_rel_err = scale_ok ? report.max_abs_err / scale : kInfinity;
  report.passed = scale_ok && codes_ok && report.max_rel_err <= report.tolerance;
  return report;
}

DequantizeProblem::DequantizeProblem(const Shape& shape)
    : q_(shape.n), scale_(0.0173f), x_(shape.n) {
  std::vector<float> x(shape.n);
  fill_normal(x.data(), x.size(), 6);
  float ignored;
  quantize_symmetric(x.data(), shape.n, 1, 8, q_.data(), &ignored);
}

void DequantizeProblem::poison_output() {
  std::fill(x_.begin(), x_.end(), std::numeric_limits<float>::quiet_NaN());
}

// q x scale is one f32 multiply of exact values: every kernel must match it bit for bit.
ErrorReport DequantizeProblem::check() const {
  ErrorReport report;
  report.tolerance = 0;
  for (size_t i = 0; i < x_.size(); ++i) {
    const float expected = static_cast<float>(q_[i]) * scale_;
    const double err = std::fabs(static_cast<double>(x_[i]) - expected);
    if (std::isnan(err)) {
      report.max_abs_err = report.max_rel_err = kInfinity;
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err =
        std::max(report.max_rel_err, expected != 0 ? err / std::fabs(expected) : err);
  }
  report.passed = report.max_abs_err == 0;
  return report;
}

namespace {

double elements(const Shape& s) { return static_cast<double>(s.n); }
double bytes_5n(const Shape& s) { return 5.0 * s.n; }
std::unique_ptr<Problem> make_quantize(const Shape& s) {
  return std::make_unique<QuantizeProblem>(s);
}
std::unique_ptr<Problem> make_dequantize(const Shape& s) {
  return std::make_unique<DequantizeProblem>(s);
}
double quantize_workspace(const Shape& s) { return 5.0 * s.n; }
double dequantize_workspace(const Shape& s) { return 9.0 * s.n; }  // and the f32 it was made from

}  // namespace

const Operation kQuantizeF32I8{
    "f32_quantize_i8",
    ShapeKind::vector,
    "q = clamp(round(x / scale), -127, 127) with scale = max|x| / 127, for an f32 vector of "
    "N standard-normal values (symmetric, per tensor)",
    "max|x| / 127 for the scale; any rounding to nearest for the codes",
    LAB_THIS_FILE,
    "the scale must be max|x| / 127 within 4 ulp; max_rel_err is max over x of |x - q scale| / "
    "scale, in steps: rounding to nearest keeps it within 1/2 (plus 1/4096 for the rounding of "
    "x / scale), and every code must lie in [-127, 127]",
    "N (one multiply and one rounding per value; the max-abs pass is not counted)",
    "5 N (read N floats, write N int8 codes; the max-abs pass rereads x)",
    elements,
    bytes_5n,
    quantize_workspace,
    make_quantize,
};

const Operation kDequantizeI8F32{
    "i8_dequantize_f32",
    ShapeKind::vector,
    "x = q x scale for a vector of N int8 codes and one f32 scale",
    "float(q) x scale, one exactly rounded f32 multiply per value",
    LAB_THIS_FILE,
    "float(q) is exact and the multiply is rounded once, so every kernel must equal float(q) x "
    "scale exactly: tolerance 0",
    "N (one multiply per value)",
    "5 N (read N int8 codes, write N floats)",
    elements,
    bytes_5n,
    dequantize_workspace,
    make_dequantize,
};

}  // namespace lab
