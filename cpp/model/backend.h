// The capstone's backends: one model, three implementations of the ops it
// needs, chosen at run time. This is the "naive versus optimized backend" of a
// teaching framework made real: the model's code (ffn_block.cpp,
// conv2d_im2col.cpp) is written once against this interface, and only the
// backend changes what runs.
//
// Like XNNPACK's operators, a layer is prepared once with its weights (copied,
// or quantized to int8) and then run many times: preparing is not part of a
// forward pass, so it is never timed.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/source_file.h"
#include "model/step_clock.h"

namespace lab::model {

enum class Activation { none, gelu };

// The profile's name for the step after a layer's GEMM, the same on every backend.
inline const char* bias_step_name(Activation act) {
  return act == Activation::gelu ? "bias + GELU" : "bias";
}

// A linear layer's f32 weights: y = x W + bias, W is `in` x `out`, row-major,
// so a row of x times W gives a row of y (the GEMM's B operand).
struct LinearWeights {
  const float* w;
  const float* bias;
  int64_t in;
  int64_t out;
};

// The int8 backend's group along K: one scale per row of activations and per
// column of weights for every kGroup values (int8_backend.cpp says why 32).
constexpr int64_t kInt8Group = 32;

// Memory a forward pass lends its layers, sized once for the largest layer, so
// that no timed call allocates: the int8 backend's activation codes (rows
// padded to whole pairs) and their scales, one per row and group.
struct Scratch {
  std::vector<int16_t> codes;
  std::vector<float> scales;

  void reserve(int64_t rows, int64_t widest_input);
};

// One linear layer on one backend, its weights already in that backend's form.
class Linear {
 public:
  virtual ~Linear() = default;
  // y (m x out) = act(x (m x in) W + bias). Each step (quantize, GEMM, bias
  // and activation) is reported to `clock`, which times it when profiling.
  virtual void run(const float* x, float* y, int64_t m, Activation act, int64_t threads,
                   Scratch& scratch, StepClock& clock) const = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // The layer in this backend's form; `weights` must outlive the result.
  virtual std::unique_ptr<Linear> prepare(const LinearWeights& weights) const = 0;
};

enum class BackendKind { naive, optimized, int8 };
constexpr int kBackendCount = 3;

// Plain i-j-k loops and a scalar GELU, one thread: the educational backend.
const Backend& naive_backend();
// The lab's own fast kernels: the threaded SIMD GEMM and a SIMD bias + GELU pass.
const Backend& optimized_backend();
// Weights quantized and packed ahead of time, activations quantized at run
// time, both with a scale per group of kInt8Group values along K; the grouped
// int8 SIMD GEMM, then bias and GELU in f32.
const Backend& int8_backend();

// The int8 backend with another group: int8_backend() is Int8Backend(kInt8Group).
// `group` must be even and at least kInt8Group (the scratch is sized for that);
// a group as wide as K is one scale per row, which is how the tests measure
// what groups buy.
class Int8Backend final : public Backend {
 public:
  explicit Int8Backend(int64_t group) : group_(group) {}
  std::unique_ptr<Linear> prepare(const LinearWeights& weights) const override;

 private:
  int64_t group_;
};

const Backend& backend(BackendKind kind);
const char* backend_name(BackendKind kind);

}  // namespace lab::model

LAB_SOURCE_HEADER(backend_h)

LAB_SOURCE_DECLARE(naive_backend_cpp)
LAB_SOURCE_DECLARE(optimized_backend_cpp)
LAB_SOURCE_DECLARE(int8_backend_cpp)
