// The int8 backend. Preparing a layer quantizes its weights once, one scale
// per output column and group of kInt8Group rows (symmetric,
// kernels/quantize/symmetric_quantize.h), and packs them for the GEMM, as an
// inference library does when it loads a model: not part of a forward pass.
// Each forward pass then quantizes its input activations, one scale and zero
// point per row and group (asymmetric, model/asymmetric_quantize.h: they
// change with every input, so this is timed), multiplies them with the grouped
// int8 GEMM (kernels/i8_matmul/i8_matmul_grouped.h), whose f32 sums come out
// already scaled, and adds the bias and GELU in f32.
//
// Why groups of 32: a scale shared by a whole row of 512 or 2048 activations
// fits the row's largest value, and rounding every value of the row on that
// step leaves, on this block, an error near 1% from the two activations
// alone. A group's scale fits only its own 32 values, whose largest is closer
// to their typical size, so the step is finer. Smaller groups are finer still
// but cost more: each group ends with the GEMM tile converting and scaling its
// sums, and each group's scale is another float to find and store. 32 is
// where we measured the error well under 1% and the GEMM still fast; the
// capstone page shows both for your machine.
#include <memory>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/i8_matmul/i8_matmul_grouped.h"
#include "model/asymmetric_quantize.h"
#include "model/backend.h"
#include "model/bias_act_wasmsimd.h"
#include "model/int8_weights.h"

namespace lab::model {

namespace {

// W (in x out) quantized per group of `group` rows and per column, packed.
I8GroupedB quantize_and_pack(const LinearWeights& w, int64_t group) {
  const Int8Weights q = quantize_weights(w, group);
  return i8_pack_grouped_b(q.codes.data(), q.scales.data(), w.in, w.out, group);
}

class Int8Linear final : public Linear {
 public:
  Int8Linear(const LinearWeights& w, int64_t group) : w_(w), b_(quantize_and_pack(w, group)) {}

  void run(const float* x, float* y, int64_t m, Activation act, int64_t threads, Scratch& scratch,
           StepClock& clock) const override {
    const int64_t in = w_.in, lda = in + in % 2, group = b_.group;
    const int64_t groups = group_count(in, group);
    int16_t* codes = scratch.codes.data();
    float* scales = scratch.scales.data();
    parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
      for (int64_t i = row0; i < row1; ++i)
        f32_quantize_asymmetric_groups_wasmsimd(x + i * in, codes + i * lda, scales + i * groups,
                                                in, group);
    });
    clock.mark("quantize");
    i8_matmul_grouped_4x8_wasmsimd(codes, lda, scales, b_, y, m, threads);
    clock.mark("GEMM");
    f32_bias_act_wasmsimd(y, w_.bias, m, w_.out, act, threads);
    clock.mark(bias_step_name(act));
  }

 private:
  LinearWeights w_;
  I8GroupedB b_;  // W's codes, packed, and their scales
};

}  // namespace

std::unique_ptr<Linear> Int8Backend::prepare(const LinearWeights& weights) const {
  return std::make_unique<Int8Linear>(weights, group_);
}

const Backend& int8_backend() {
  static const Int8Backend backend(kInt8Group);
  return backend;
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(int8_backend_cpp)
