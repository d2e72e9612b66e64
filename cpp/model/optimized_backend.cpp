// The optimized backend: the same steps as the naive one, on the lab's own
// fast kernels. The GEMM is lesson 8's expert GEMM, with the weights packed
// once when the layer is prepared, as the int8 backend packs its own; the bias
// and GELU are one SIMD pass over the output, split over the same threads.
#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"
#include "model/backend.h"
#include "model/bias_act_wasmsimd.h"

namespace lab::model {

namespace {

class OptimizedLinear final : public Linear {
 public:
  explicit OptimizedLinear(const LinearWeights& w) : w_(w), packed_(w.w, w.in, w.out) {}

  void run(const float* x, float* y, int64_t m, Activation act, int64_t threads, Scratch&,
           StepClock& clock) const override {
    packed_.multiply(x, y, m, threads);
    clock.mark("GEMM");
    f32_bias_act_wasmsimd(y, w_.bias, m, w_.out, act, threads);
    clock.mark(bias_step_name(act));
  }

 private:
  LinearWeights w_;
  F32GemmPackedB packed_;
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

LAB_SOURCE_DEFINE(optimized_backend_cpp)
