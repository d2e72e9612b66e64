// Deterministic weights for the capstone's layers, drawn as PyTorch draws a
// new nn.Linear's: weights and biases uniform in [-1/sqrt(fan_in),
// 1/sqrt(fan_in)), fan_in being the number of inputs each output sums.
// Trained weights have heavier tails than these; a larger max/rms would make
// the int8 backend's rounding error larger.
#pragma once

#include <cstdint>
#include <vector>

namespace lab::model {

std::vector<float> layer_weights(int64_t fan_in, int64_t count, uint64_t seed);
std::vector<float> layer_bias(int64_t fan_in, int64_t count, uint64_t seed);

// GELU's tanh form in double, for the references.
double gelu_exact(double x);

}  // namespace lab::model
