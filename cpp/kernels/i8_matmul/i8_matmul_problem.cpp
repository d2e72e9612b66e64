#include "kernels/i8_matmul/i8_matmul_problem.h"

#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab {

I8MatmulProblem::I8MatmulProblem(const Shape& shape)
    : shape_(shape),
      qa_(shape.m * shape.k),
      qb_(shape.k * shape.n),
      scale_a_(shape.m),
      scale_b_(shape.n),
      c_(shape.m * shape.n),
      exact_(shape.m * shape.n, 0.0),
      f32_(shape.m * shape.n, 0.0) {
  const int64_t m = shape.m, n = shape.n, k = shape.k;
  std::vector<float> a(m * k), b(k * n);
  fill_normal(a.data(), a.size(), 11);
  fill_normal(b.data(), b.size(), 12);
  for (int64_t i = 0; i < m; ++i) quantize_symmetric(&a[i * k], k, 1, 8, &qa_[i * k], &scale_a_[i]);
  for (int64_t j = 0; j < n; ++j) quantize_symmetric(&b[j], k, n, 8, &qb_[j], &scale_b_[j]);
  // Both references in one i-k-j pass, built once per shape (the runner keeps
  // the problem): the integer sums exactly in int64, the f32 product in double.
  std::vector<int64_t> sums(n);
  for (int64_t i = 0; i < m; ++i) {
    std::fill(sums.begin(), sums.end(), 0);
    double* f32_row = &f32_[i * n];
    for (int64_t p = 0; p < k; ++p) {
      const int64_t qa = qa_[i * k + p];
      const double av = a[i * k + p];
      for (int64_t j = 0; j < n; ++j) {
        sums[j] += qa * qb_[p * n + j];
        f32_row[j] += av * b[p * n + j];
      }
    }
    for (int64_t j = 0; j < n; ++j)
      exact_[i * n + j] =
          static_cast<double>(scale_a_[i]) * scale_b_[j] * static_cast<double>(sums[j]);
  }
}

void I8MatmulProblem::poison_output() {
  std::fill(c_.begin(), c_.end(), std::numeric_limits<float>::quiet_NaN());
}

double i8_matmul_tolerance() { return 4.0 * std::ldexp(1.0, -24); }

ErrorReport I8MatmulProblem::check() const {
  ErrorReport report;
  report.tolerance = i8_matmul_tolerance();
  double vs_f32_max = 0, diff_squares = 0, f32_squares = 0;
  for (size_t i = 0; i < c_.size(); ++i) {
    const double err = std::fabs(static_cast<double>(c_[i]) - exact_[i]);
    const double rel = exact_[i] != 0 ? err / std::fabs(exact_[i]) : err;
    if (!(rel <= report.tolerance) && !report.first_bad.found) {
      const int64_t index = static_cast<int64_t>(i);
      report.first_bad = {true, "C", index, index / shape_.n, index % shape_.n, exact_[i], c_[i]};
    }
    if (!std::isfinite(err)) {  // NaN: an element the kernel never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err = std::max(report.max_rel_err, rel);
    const double diff = c_[i] - f32_[i];
    vs_f32_max = std::max(vs_f32_max, std::fabs(diff));
    diff_squares += diff * diff;
    f32_squares += f32_[i] * f32_[i];
  }
  report.passed = report.max_rel_err <= report.tolerance;
  report.metrics = {
      {"max_abs_err_vs_f32", vs_f32_max},
      {"rel_frobenius_vs_f32", f32_squares > 0 ? std::sqrt(diff_squares / f32_squares) : 0.0}};
  return report;
}

namespace {

double flops(const Shape& s) { return 2.0 * s.m * s.n * s.k; }
double bytes(const Shape& s) {
  return static_cast<double>(s.m) * s.k + static_cast<double>(s.k) * s.n + 4.0 * s.m * s.n +
         4.0 * (s.m + s.n);
}
// The f32 inputs while they are quantized, the codes and scales, C and both
// references.
double workspace(const Shape& s) {
  const double inputs = static_cast<double>(s.m) * s.k + static_cast<double>(s.k) * s.n;
  return 5.0 * inputs + 4.0 * (s.m + s.n) + (4.0 + 8.0 + 8.0) * static_cast<double>(s.m) * s.n +
         8.0 * s.n;
}
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<I8MatmulProblem>(s); }

}  // namespace

const Operation kMatmulI8{
    "i8_matmul",
    ShapeKind::matrix,
    "C = scale_a[i] x scale_b[j] x (qA x qB)[i][j]: the product of int8 matrices (A quantized "
    "per row, B per column, both symmetric), summed in int32 and dequantized to f32",
    "the integer product summed exactly in int64, times both scales in double",
    LAB_THIS_FILE,
    "the int32 sum is exact, so the only error is the epilogue's: float(sum) x (scale_a x "
    "scale_b) rounds three times. max_rel_err is max over C of |C - exact| / |exact|, within "
    "4 u, u = 2^-24. The metrics compare C with the f32 product of the unquantized A and B: "
    "that gap is the quantization error, not a kernel's",
    "2 M N K (integer multiplies and adds: GOP)",
    "M K + K N + 4 M N + 4 (M + N) (int8 A and B read once, f32 C written once, the scales)",
    flops,
    bytes,
    workspace,
    make,
    kI8MatmulMaxK,
    "the int32 sum of K products of int8 codes can reach K x 127 x 127 = K x 16129, and an "
    "int32 holds at most 2^31 - 1 = 2147483647",
};

}  // namespace lab
