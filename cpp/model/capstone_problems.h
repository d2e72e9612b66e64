// The capstone's two operations in the catalog, and their problems. One
// operation per model; its kernels are the three backends. The catalog's
// matrix Shape carries each model's sizes:
//
//   ffn_block:     M = batch, K = d_model, N = d_ff
//   conv2d_im2col: M = the image's side (height = width = M), K = input
//                  channels, N = output channels; 3 x 3 filters, stride 1,
//                  padding 1 (so the output is M x M too)
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/operation.h"
#include "model/backend.h"
#include "model/conv2d_im2col.h"
#include "model/ffn_block.h"

namespace lab::model {

// The check's bound for the f32 backends on the error's Frobenius norm
// relative to the reference's term norm (model_reference.h). They stay near
// f32's rounding error, far below it. The int8 backend is checked instead
// against its own computation done exactly (int8_reference.h); relative to the
// f32 model (the metric rel_frobenius_vs_f32), the capstone aims to keep its
// error under 1%.
constexpr double kModelTolerance = 0.01;

// The convolution's filters are kConvKernel x kConvKernel.
constexpr int64_t kConvKernel = 3;

FfnSizes ffn_sizes(const Shape& shape);
ConvSizes conv_sizes(const Shape& shape);

// A model's input, output and reference, and the model prepared on every
// backend, built once per shape (the int8 weights are quantized here, before
// any timing).
class ModelProblem : public Problem {
 public:
  void poison_output() override;
  ErrorReport check() const override;

  // One forward pass of the model on one backend, into the output; the check
  // then holds it to that backend's bound.
  void forward(BackendKind kind, int64_t threads, StepClock& clock);
  void forward(BackendKind kind, int64_t threads);

 protected:
  std::vector<float> y_;
  Reference reference_;

 private:
  virtual void run(BackendKind kind, int64_t threads, StepClock& clock) = 0;
  // The int8 backend's error against its own reference (int8_reference.h).
  virtual Int8Error int8_error() const = 0;

  BackendKind last_run_ = BackendKind::naive;
};

class FfnProblem final : public ModelProblem {
 public:
  explicit FfnProblem(const FfnSizes& sizes);

 private:
  void run(BackendKind kind, int64_t threads, StepClock& clock) override;
  Int8Error int8_error() const override;

  FfnWeights weights_;
  std::vector<float> x_;
  FfnInt8Reference int8_reference_;
  std::unique_ptr<FfnBlock> blocks_[kBackendCount];
};

class ConvProblem final : public ModelProblem {
 public:
  explicit ConvProblem(const ConvSizes& sizes);

 private:
  void run(BackendKind kind, int64_t threads, StepClock& clock) override;
  Int8Error int8_error() const override;

  ConvWeights weights_;
  std::vector<float> x_;
  Int8Expected int8_expected_;
  std::unique_ptr<Conv2dLayer> layers_[kBackendCount];
};

}  // namespace lab::model

namespace lab {

extern const Operation kFfnBlock;
extern const Operation kConv2dIm2col;
// The int8 backend reads its weights as 8-bit codes held in i16, with a scale
// per group: about half the bytes.
extern const Traffic kFfnBlockInt8Traffic;
extern const Traffic kConv2dIm2colInt8Traffic;

}  // namespace lab
