// The optimized backend: the same steps as the naive one, on the lab's own
// fast kernels. The GEMM is optimized_gemm (the expert GEMM); the bias and
// GELU are one SIMD pass over the output, split over the same threads.
#include "model/backend.h"
#include "model/bias_act_wasmsimd.h"
#include "model/optimized_gemm.h"

namespace lab::model {

namespace {

class OptimizedLinear final : public Linear {
 public:
  explicit OptimizedLinear(const LinearWeights& w) : w_(w) {}

  void run(const float* x, float* y, int64_t m, Activation act, int64_t threads, Scratch&,
           StepClock& clock) const override {
    optimized_gemm(x, w_.w, y, m, w_.out, w_.in, threads);
    clock.mark("GEMM");
    f32_bias_act_wasmsimd(y, w_.bias, m, w_.out, act, threads);
    clock.mark(act == Activation::gelu ? "bias + GELU" : "bias");
  }

 private:
  LinearWeights w_;
};

class OptimizedBackend final : public Backend {
 public:
  std::unique_ptr<Linear> prepare(const LinearWeights& weights) const override {
    return std::make_unique<OptimizedLinear>(weights);
  }
};

}  // namespace

const Backend& optimized_backend() {
  static const OptimizedBackend backend;
  return backend;
}

}  // namespace lab::model
