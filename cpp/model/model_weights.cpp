#include "model/model_weights.h"

#include <cmath>

#include "core/random_fill.h"

namespace lab::model {

namespace {

std::vector<float> uniform(int64_t fan_in, int64_t count, uint64_t seed) {
  std::vector<float> v(count);
  fill_uniform(v.data(), v.size(), seed);
  const float bound = static_cast<float>(1.0 / std::sqrt(static_cast<double>(fan_in)));
  for (float& x : v) x *= bound;
  return v;
}

}  // namespace

std::vector<float> layer_weights(int64_t fan_in, int64_t count, uint64_t seed) {
  return uniform(fan_in, count, seed);
}

std::vector<float> layer_bias(int64_t fan_in, int64_t count, uint64_t seed) {
  return uniform(fan_in, count, seed);
}

double gelu_exact(double x) {
  const double kSqrt2OverPi = std::sqrt(2.0 / 3.14159265358979323846);
  return 0.5 * x * (1.0 + std::tanh(kSqrt2OverPi * (x + 0.044715 * x * x * x)));
}

}  // namespace lab::model
