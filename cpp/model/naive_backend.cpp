// The educational backend: what a first implementation of the model looks
// like. The GEMM is lesson 1's textbook i-j-k loop, one dot product per output
// element; the bias and GELU are plain loops over every element, with GELU's
// formula written as it reads, one std::tanh per element. One thread.
#include <cmath>

#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_loop_orders.h"
#include "model/backend.h"

namespace lab::model {

namespace {

float gelu(float x) {
  constexpr float kSqrt2OverPi = 0.797884560802865f;
  return 0.5f * x * (1.0f + std::tanh(kSqrt2OverPi * (x + 0.044715f * x * x * x)));
}

class NaiveLinear final : public Linear {
 public:
  explicit NaiveLinear(const LinearWeights& w) : w_(w) {}

  void run(const float* x, float* y, int64_t m, Activation act, int64_t, Scratch&,
           StepClock& clock) const override {
    f32_matmul_ijk(x, w_.w, y, m, w_.out, w_.in);
    clock.mark("GEMM");
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < w_.out; ++j) {
        const float v = y[i * w_.out + j] + w_.bias[j];
        y[i * w_.out + j] = act == Activation::gelu ? gelu(v) : v;
      }
    clock.mark(bias_step_name(act));
  }

 private:
  LinearWeights w_;
};

class NaiveBackend final : public Backend {
 public:
  std::unique_ptr<Linear> prepare(const LinearWeights& weights) const override {
    return std::make_unique<NaiveLinear>(weights);
  }
};

}  // namespace

const Backend& naive_backend() {
  static const NaiveBackend backend;
  return backend;
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(naive_backend_cpp)
