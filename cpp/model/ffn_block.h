// The transformer's feed-forward block, the model's first part:
//
//   y = GELU(x W1 + b1) W2 + b2      x, y: batch x d_model; W1: d_model x d_ff;
//                                   W2: d_ff x d_model
//
// Two linear layers with GELU between them, as in every transformer layer
// (d_ff is usually 4 d_model). Weights and input come from fixed seeds.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/source_file.h"
#include "model/backend.h"
#include "model/int8_reference.h"
#include "model/model_reference.h"

namespace lab::model {

struct FfnSizes {
  int64_t batch;
  int64_t d_model;
  int64_t d_ff;
};

struct FfnWeights {
  explicit FfnWeights(const FfnSizes& sizes);

  FfnSizes sizes;
  std::vector<float> w1, b1, w2, b2;

  LinearWeights linear1() const { return {w1.data(), b1.data(), sizes.d_model, sizes.d_ff}; }
  LinearWeights linear2() const { return {w2.data(), b2.data(), sizes.d_ff, sizes.d_model}; }
};

// The block's input: batch x d_model standard-normal values.
std::vector<float> ffn_input(const FfnSizes& sizes);

// The block on one backend: its two layers prepared, its hidden activations
// and scratch allocated, so that forward() allocates nothing.
class FfnBlock {
 public:
  FfnBlock(const FfnWeights& weights, const Backend& backend);

  // y = the block applied to x. The clock sees linear1's and linear2's steps.
  void forward(const float* x, float* y, int64_t threads, StepClock& clock);
  // The last forward pass's hidden layer, after GELU.
  const float* hidden() const { return hidden_.data(); }

 private:
  FfnSizes sizes_;
  std::unique_ptr<Linear> linear1_, linear2_;
  std::vector<float> hidden_;  // batch x d_ff: GELU(x W1 + b1)
  Scratch scratch_;
};

// The block in double, from the same f32 weights and input, with GELU's
// formula in double: the reference every backend is compared with.
Reference ffn_reference(const FfnWeights& weights, const float* x);

// The int8 backend's reference for the block (int8_reference.h), one layer at
// a time: the hidden layer from x, the output from the block's own hidden
// layer, the input its second layer was given.
class FfnInt8Reference {
 public:
  FfnInt8Reference(const FfnWeights& weights, const float* x);

  // The int8 block's error over its hidden layer (after GELU) and its output.
  Int8Error error(const float* hidden, const float* y) const;

 private:
  FfnSizes sizes_;
  Int8LinearReference second_;
  // The first layer's sums before GELU, exact, and what rounding allows them.
  std::vector<double> pre_gelu_, pre_gelu_allowed_;
};

}  // namespace lab::model

LAB_SOURCE_DECLARE(ffn_block_cpp)
