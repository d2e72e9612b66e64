#include "kernels/matmul/f32_matmul_problem.h"

#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"

namespace lab {

MatmulProblem::MatmulProblem(const Shape& shape)
    : shape_(shape),
      a_(shape.m * shape.k),
      b_(shape.k * shape.n),
      c_(shape.m * shape.n),
      exact_(shape.m * shape.n, 0.0),
      magnitude_(shape.m * shape.n, 0.0) {
  fill_uniform(a_.data(), a_.size(), 1);
  fill_uniform(b_.data(), b_.size(), 2);
  const int64_t m = shape.m, n = shape.n, k = shape.k;
  // i-k-j order: unit stride on B and on the outputs keeps this affordable.
  for (int64_t i = 0; i < m; ++i) {
    double* exact_row = &exact_[i * n];
    double* magnitude_row = &magnitude_[i * n];
    for (int64_t p = 0; p < k; ++p) {
      const double av = a_[i * k + p];
      const float* b_row = &b_[p * n];
      for (int64_t j = 0; j < n; ++j) {
        exact_row[j] += av * b_row[j];
        magnitude_row[j] += std::fabs(av * b_row[j]);
      }
    }
  }
}

void MatmulProblem::poison_output() {
  std::fill(c_.begin(), c_.end(), std::numeric_limits<float>::quiet_NaN());
}

double matmul_f32_tolerance(int64_t k) {
  const double u = std::ldexp(1.0, -24);  // unit roundoff of f32
  const double ku = static_cast<double>(k) * u;
  return ku / (1.0 - ku);
}

ErrorReport MatmulProblem::check() const {
  ErrorReport report;
  report.tolerance = matmul_f32_tolerance(shape_.k);
  bool all_finite = true;
  for (size_t i = 0; i < c_.size(); ++i) {
    const double err = std::fabs(static_cast<double>(c_[i]) - exact_[i]);
    const double rel = magnitude_[i] > 0
                           ? err / magnitude_[i]
                           : (err == 0 ? 0.0 : std::numeric_limits<double>::infinity());
    if (!(rel <= report.tolerance) && !report.first_bad.found) {
      const int64_t index = static_cast<int64_t>(i);
      report.first_bad = {true, "C", index, index / shape_.n, index % shape_.n, exact_[i], c_[i]};
    }
    if (!std::isfinite(err)) {
      all_finite = false;
      report.max_abs_err = std::numeric_limits<double>::infinity();
      report.max_rel_err = std::numeric_limits<double>::infinity();
      break;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err = std::max(report.max_rel_err, rel);
  }
  report.passed = all_finite && report.max_rel_err <= report.tolerance;
  return report;
}

namespace {

double flops(const Shape& s) { return 2.0 * s.m * s.n * s.k; }
double bytes(const Shape& s) { return 4.0 * (s.m * s.k + s.k * s.n + s.m * s.n); }
double workspace(const Shape& s) {
  return 4.0 * (static_cast<double>(s.m) * s.k + static_cast<double>(s.k) * s.n) +
         (4.0 + 8.0 + 8.0) * static_cast<double>(s.m) * s.n;
}
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<MatmulProblem>(s); }

}  // namespace

const Operation kMatmulF32{
    "f32_matmul",
    ShapeKind::matrix,
    "C = A x B for row-major f32 matrices: A is M x K, B is K x N, C is M x N",
    "the exact product A x B, accumulated in double (f32 x f32 products are exact in double)",
    LAB_THIS_FILE,
    "max_rel_err is max over C of |C - exact| / (|A| x |B|), exact computed in double; "
    "it must stay within gamma_K = K u / (1 - K u), u = 2^-24, the bound for any summation order",
    "2 M N K (one multiply and one add per term)",
    "4 (M K + K N + M N) (read A and B once, write C once)",
    flops,
    bytes,
    workspace,
    make,
};

}  // namespace lab
