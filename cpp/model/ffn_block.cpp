#include "model/ffn_block.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/gelu/f32_gelu_problem.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_problem.h"
#include "model/model_weights.h"

namespace lab::model {

FfnWeights::FfnWeights(const FfnSizes& s)
    : sizes(s),
      w1(layer_weights(s.d_model, s.d_model * s.d_ff, 101)),
      b1(layer_bias(s.d_model, s.d_ff, 102)),
      w2(layer_weights(s.d_ff, s.d_ff * s.d_model, 103)),
      b2(layer_bias(s.d_ff, s.d_model, 104)) {}

std::vector<float> ffn_input(const FfnSizes& s) {
  std::vector<float> x(s.batch * s.d_model);
  fill_normal(x.data(), x.size(), 100);
  return x;
}

FfnBlock::FfnBlock(const FfnWeights& weights, const Backend& backend)
    : sizes_(weights.sizes),
      linear1_(backend.prepare(weights.linear1())),
      linear2_(backend.prepare(weights.linear2())),
      hidden_(sizes_.batch * sizes_.d_ff) {
  scratch_.reserve(sizes_.batch, std::max(sizes_.d_model, sizes_.d_ff));
}

void FfnBlock::forward(const float* x, float* y, int64_t threads, StepClock& clock) {
  clock.layer("linear1");
  linear1_->run(x, hidden_.data(), sizes_.batch, Activation::gelu, threads, scratch_, clock);
  clock.layer("linear2");
  linear2_->run(hidden_.data(), y, sizes_.batch, Activation::none, threads, scratch_, clock);
}

namespace {

// out (m x n) = act(in (m x k) W + bias), in double; with `magnitude`, each
// term and the bias taken by its absolute value instead (no activation).
std::vector<double> linear_exact(const std::vector<double>& in, const LinearWeights& w, int64_t m,
                                 bool gelu, bool magnitude = false) {
  const auto term = [magnitude](double v) { return magnitude ? std::fabs(v) : v; };
  std::vector<double> out(m * w.out);
  for (int64_t i = 0; i < m; ++i) {
    double* row = &out[i * w.out];
    for (int64_t j = 0; j < w.out; ++j) row[j] = term(w.bias[j]);
    for (int64_t p = 0; p < w.in; ++p) {
      const double v = in[i * w.in + p];
      const float* w_row = w.w + p * w.out;
      for (int64_t j = 0; j < w.out; ++j) row[j] += term(v * w_row[j]);
    }
    if (gelu)
      for (int64_t j = 0; j < w.out; ++j) row[j] = gelu_exact(row[j]);
  }
  return out;
}

}  // namespace

Reference ffn_reference(const FfnWeights& weights, const float* x) {
  const int64_t m = weights.sizes.batch;
  const std::vector<double> in(x, x + m * weights.sizes.d_model);
  const std::vector<double> hidden = linear_exact(in, weights.linear1(), m, true);
  Reference r;
  r.y = linear_exact(hidden, weights.linear2(), m, false);
  double squares = 0;
  for (double v : linear_exact(hidden, weights.linear2(), m, false, true)) squares += v * v;
  r.term_norm = std::sqrt(squares);
  return r;
}

FfnInt8Reference::FfnInt8Reference(const FfnWeights& weights, const float* x)
    : sizes_(weights.sizes),
      second_(weights.linear2(), kInt8Group),
      pre_gelu_(sizes_.batch * sizes_.d_ff),
      pre_gelu_allowed_(sizes_.batch * sizes_.d_ff) {
  const Int8LinearReference first(weights.linear1(), kInt8Group);
  for (int64_t i = 0; i < sizes_.batch; ++i)
    first.row(x + i * sizes_.d_model, &pre_gelu_[i * sizes_.d_ff],
              &pre_gelu_allowed_[i * sizes_.d_ff]);
}

Int8Error FfnInt8Reference::error(const float* hidden, const float* y) const {
  Int8Error e;
  // The hidden layer: GELU's slope stretches the sum's rounding, and the f32
  // GELU adds its own error, relative to its input (kernels/gelu/f32_gelu_problem.h).
  for (size_t j = 0; j < pre_gelu_.size(); ++j) {
    const double input = std::fabs(pre_gelu_[j]) + pre_gelu_allowed_[j];
    e.add(std::fabs(hidden[j] - gelu_exact(pre_gelu_[j])),
          kGeluMaxSlope * pre_gelu_allowed_[j] +
              kGeluTolerance * std::max<double>(input, std::numeric_limits<float>::min()));
  }
  std::vector<double> expected(sizes_.d_model), allowed(sizes_.d_model);
  for (int64_t i = 0; i < sizes_.batch; ++i) {
    second_.row(hidden + i * sizes_.d_ff, expected.data(), allowed.data());
    e.add_all(y + i * sizes_.d_model, expected.data(), allowed.data(), expected.size());
  }
  return e;
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(ffn_block_cpp)
