#include "kernels/gelu/f32_gelu_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

const double kGeluTolerance = 0x1p-21;

double gelu_error_scale(float x) {
  return std::max<double>(std::fabs(x), std::numeric_limits<float>::min());
}

double gelu_exact(double x) {
  const double c = std::sqrt(2.0 / 3.141592653589793238);
  return 0.5 * x * (1.0 + std::tanh(c * (x + 0.044715 * x * x * x)));
}

// x uniform in [-6, 6]: both tails, where tanh saturates to -1 and to 1, and
// the curved middle.
GeluProblem::GeluProblem(const Shape& shape) : x_(shape.n), y_(shape.n), scratch_(shape.n) {
  fill_uniform(x_.data(), x_.size(), 4);
  for (float& v : x_) v *= 6.0f;
}

void GeluProblem::poison_output() {
  std::fill(y_.begin(), y_.end(), std::numeric_limits<float>::quiet_NaN());
}

ErrorReport GeluProblem::check() const {
  ErrorReport report;
  report.tolerance = kGeluTolerance;
  for (size_t i = 0; i < x_.size(); ++i) {
    const double expected = gelu_exact(x_[i]);
    const double err = std::fabs(static_cast<double>(y_[i]) - expected);
    if (!(err / gelu_error_scale(x_[i]) <= report.tolerance) && !report.first_bad.found)
      report.first_bad = {true, "y", static_cast<int64_t>(i), -1, -1, expected, y_[i]};
    if (!(err == err)) {  // NaN: an element the kernel never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err = std::max(report.max_rel_err, err / gelu_error_scale(x_[i]));
  }
  report.passed = report.max_rel_err <= report.tolerance;
  return report;
}

namespace {

double flops(const Shape& s) { return f32x4_gelu::kGeluFlops * s.n; }
double bytes(const Shape& s) { return 8.0 * s.n; }
double workspace(const Shape& s) { return 12.0 * s.n; }  // x, y and the scratch vector
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<GeluProblem>(s); }

}  // namespace

const Operation kGeluF32{
    "f32_gelu",
    ShapeKind::vector,
    "y = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), the tanh approximation of "
    "GELU(x) = x Phi(x) (Phi the standard normal CDF), for each of the N elements of an f32 "
    "vector, x uniform in [-6, 6]",
    "the same formula in double, with std::tanh",
    LAB_THIS_FILE,
    "max_rel_err is max over y of |y - exact| / max(|x|, 2^-126): relative to the input, not "
    "to y. For very negative x, 1 + tanh cancels, y is tiny, and its error is still about |x| "
    "times an ulp of 1, so an error relative to y would blame the cancellation, not the kernel "
    "(2^-126, the smallest normal f32, only matters for x at 0 or subnormal). The tolerance "
    "is 2^-21 (about 4.8e-7, 8 ulp of 1): the f32 steps with the fast tanh (a Pade exp, "
    "within 2.5 ulp of 1 of tanh) stay below 3 ulp of 1 over a dense sweep of x in the "
    "tests, and the margin leaves room for other compilers",
    "26 N (8 steps, the tanh counted as its 18 f32 operations)",
    "8 N (read x once, write y once)",
    flops,
    bytes,
    workspace,
    make,
};

}  // namespace lab
