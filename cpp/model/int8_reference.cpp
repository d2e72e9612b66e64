#include "model/int8_reference.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels/i8_matmul/i8_matmul_grouped.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "model/asymmetric_quantize.h"

namespace lab::model {

Int8LinearReference::Int8LinearReference(const LinearWeights& weights, int64_t group)
    : w_(quantize_weights(weights, group)), bias_(weights.bias) {}

void Int8LinearReference::row(const float* x, double* y, double* allowed) const {
  const int64_t in = w_.in, out = w_.out, group = w_.group, groups = group_count(in, group);
  std::vector<int16_t> codes(in + 1);  // the quantizer pads an odd row with one zero
  std::vector<float> x_scales(groups);
  f32_quantize_asymmetric_groups_wasmsimd(x, codes.data(), x_scales.data(), in, group);
  std::vector<int64_t> sums(out);
  for (int64_t j = 0; j < out; ++j) {
    y[j] = bias_[j];
    allowed[j] = std::fabs(bias_[j]);
  }
  for (int64_t g = 0; g < groups; ++g) {
    std::fill(sums.begin(), sums.end(), 0);
    for (int64_t p = g * group; p < std::min(in, (g + 1) * group); ++p) {
      const int8_t* w_row = &w_.codes[p * out];
      for (int64_t j = 0; j < out; ++j) sums[j] += int64_t{codes[p]} * w_row[j];
    }
    const float* w_scales = &w_.scales[g * out];
    for (int64_t j = 0; j < out; ++j) {
      const double term = double{x_scales[g]} * w_scales[j] * static_cast<double>(sums[j]);
      y[j] += term;
      allowed[j] += std::fabs(term);
    }
  }
  // Higham's gamma for the G + 4 roundings each term can go through.
  const double f32 = matmul_f32_tolerance(groups + 4);
  for (int64_t j = 0; j < out; ++j) allowed[j] *= f32;
}

void Int8Error::add(double error, double allowed) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (std::isnan(error)) error = kInfinity;
  max_abs = std::max(max_abs, error);
  const double fraction = allowed > 0 ? error / allowed : (error > 0 ? kInfinity : 0.0);
  max_fraction = std::max(max_fraction, fraction);
}

void Int8Error::add_all(const float* values, const double* expected, const double* allowed,
                        size_t n) {
  for (size_t i = 0; i < n; ++i) add(std::fabs(values[i] - expected[i]), allowed[i]);
}

}  // namespace lab::model
