#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/gelu/f32_gelu_problem.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

MatmulBiasGeluProblem::MatmulBiasGeluProblem(const Shape& shape) : product_(shape), bias_(shape.n) {
  fill_uniform(bias_.data(), bias_.size(), 5);
}

// The sum, with the bias as one more term, is within gamma_(K+1) of exact
// relative to |A| |B| + |bias|; GELU's slope stretches that by at most
// kGeluMaxSlope; and the f32 GELU adds its own error relative to its input.
double matmul_bias_gelu_tolerance(int64_t k) {
  return kGeluMaxSlope * matmul_f32_tolerance(k + 1) + kGeluTolerance;
}

ErrorReport MatmulBiasGeluProblem::check() const {
  const Shape& s = product_.shape();
  const float* c = product_.c();
  ErrorReport report;
  report.tolerance = matmul_bias_gelu_tolerance(s.k);
  for (int64_t i = 0; i < s.m; ++i)
    for (int64_t j = 0; j < s.n; ++j) {
      const int64_t at = i * s.n + j;
      const double z = product_.exact()[at] + bias_[j];
      const double expected = gelu_exact(z);
      const double err = std::fabs(static_cast<double>(c[at]) - expected);
      const double scale =
          std::max<double>(product_.magnitude()[at] + std::fabs(bias_[j]) + std::fabs(z),
                           std::numeric_limits<float>::min());
      if (!(err / scale <= report.tolerance) && !report.first_bad.found)
        report.first_bad = {true, "C", at, i, j, expected, c[at]};
      if (!(err < std::numeric_limits<double>::infinity())) {  // NaN: never written
        report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
        return report;
      }
      report.max_abs_err = std::max(report.max_abs_err, err);
      report.max_rel_err = std::max(report.max_rel_err, err / scale);
    }
  report.passed = report.max_rel_err <= report.tolerance;
  return report;
}

namespace {

double flops(const Shape& s) {
  return 2.0 * s.m * s.n * s.k + (1.0 + f32x4_gelu::kGeluFlops) * s.m * s.n;
}
double bytes(const Shape& s) {
  return 4.0 * (static_cast<double>(s.m) * s.k + static_cast<double>(s.k) * s.n + s.n +
                static_cast<double>(s.m) * s.n);
}
double workspace(const Shape& s) { return kMatmulF32.workspace_bytes(s) + 4.0 * s.n; }
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<MatmulBiasGeluProblem>(s); }

}  // namespace

const Operation kMatmulBiasGeluF32{
    "f32_matmul_bias_gelu",
    ShapeKind::matrix,
    "C = GELU(A x B + bias) for row-major f32 matrices, A M x K, B K x N, the bias a row of N "
    "added to every row, GELU the tanh approximation of x Phi(x)",
    "the same tanh formula in double, applied to the exact product plus the bias",
    LAB_THIS_FILE,
    "max_rel_err is max over C of |C - exact| / (|A| x |B| + |bias| + |A x B + bias|), all in "
    "double. The tolerance is 1.13 gamma_(K+1) + 2^-21: the summation bound of the product "
    "with the bias as one more term, stretched by GELU's steepest slope (below 1.13), plus "
    "the f32 GELU's own error relative to its input (see f32_gelu)",
    "2 M N K + 27 M N (the product, one add for the bias and 26 for GELU per element of C)",
    "4 (M K + K N + N + M N) (read A, B and the bias once, write C once)",
    flops,
    bytes,
    workspace,
    make,
};

}  // namespace lab
