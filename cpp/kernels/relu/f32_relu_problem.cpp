#include "kernels/relu/f32_relu_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"

namespace lab {

ReluProblem::ReluProblem(const Shape& shape) : x_(shape.n), y_(shape.n) {
  fill_uniform(x_.data(), x_.size(), 3);  // half negative, half positive
}

void ReluProblem::poison_output() {
  std::fill(y_.begin(), y_.end(), std::numeric_limits<float>::quiet_NaN());
}

// max(x, 0) involves no rounding, so every correct kernel is exact.
ErrorReport ReluProblem::check() const {
  ErrorReport report;
  report.tolerance = 0;
  for (size_t i = 0; i < x_.size(); ++i) {
    const double expected = x_[i] > 0.0f ? x_[i] : 0.0;
    const double err = std::fabs(static_cast<double>(y_[i]) - expected);
    if (!(err == 0) && !report.first_bad.found)
      report.first_bad = {true, "y", static_cast<int64_t>(i), -1, -1, expected, y_[i]};
    if (!(err == err)) {  // NaN: an element the kernel never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    const double rel = expected != 0 ? err / std::fabs(expected) : (err == 0 ? 0.0 : err);
    report.max_rel_err = std::max(report.max_rel_err, rel);
  }
  report.passed = report.max_abs_err == 0;
  return report;
}

namespace {

double flops(const Shape& s) { return static_cast<double>(s.n); }
double bytes(const Shape& s) { return 8.0 * s.n; }
double workspace(const Shape& s) { return 8.0 * s.n; }
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<ReluProblem>(s); }

}  // namespace

const Operation kReluF32{
    "f32_relu",
    ShapeKind::vector,
    "y = max(x, 0) for each of the N elements of an f32 vector",
    "max(x, 0), computed element by element in the checker",
    LAB_THIS_FILE,
    "ReLU rounds nothing, so every element must equal max(x, 0) exactly: tolerance 0; "
    "max_rel_err is max over y of |y - max(x, 0)| / |max(x, 0)|, or the absolute error "
    "where max(x, 0) is 0",
    "N (one compare per element)",
    "8 N (read x once, write y once)",
    flops,
    bytes,
    workspace,
    make,
};

}  // namespace lab
