// The int8 backend. Preparing a layer quantizes its weights once, one scale
// per output column (symmetric, kernels/quantize/symmetric_quantize.h), as an
// inference library does when it loads a model: not part of a forward pass.
// Each forward pass then quantizes its input activations, one scale and zero
// point per row (asymmetric, model/asymmetric_quantize.h: they change with
// every input, so this is timed), multiplies the codes with the lab's int8
// GEMM, whose epilogue turns the int32 sums back into f32, and finishes in f32.
//
// The zero point: with x = s (q - z) and W = w_scale qW,
//
//   (x W)[i][j] = s_i w_scale_j sum_p q[i][p] qW[p][j]  -  s_i z_i  w_scale_j sum_p qW[p][j]
//
// The GEMM computes the first term. The second is a row term times a column
// term: the column sums of the codes are fixed, so col_term is computed when
// the weights are quantized, and the last pass subtracts row_zero[i] x
// col_term[j] while it adds the bias and applies GELU.
#include <vector>

#include "kernels/qmatmul/i8_matmul.h"
#include "kernels/quantize/symmetric_quantize.h"
#include "lab/thread_pool.h"
#include "model/asymmetric_quantize.h"
#include "model/backend.h"
#include "model/bias_act_wasmsimd.h"

namespace lab::model {

namespace {

// The int8 GEMM's K and N blocking: its fastest block at N = 256 to 1024.
constexpr int64_t kBlock = 128;

class Int8Linear final : public Linear {
 public:
  explicit Int8Linear(const LinearWeights& w)
      : w_(w), codes_(w.in * w.out), scales_(w.out), col_term_(w.out) {
    for (int64_t j = 0; j < w.out; ++j) {
      quantize_symmetric(w.w + j, w.in, w.out, 8, &codes_[j], &scales_[j]);
      int64_t sum = 0;
      for (int64_t p = 0; p < w.in; ++p) sum += codes_[p * w.out + j];
      col_term_[j] = scales_[j] * static_cast<float>(sum);
    }
  }

  void run(const float* x, float* y, int64_t m, Activation act, int64_t threads,
           Scratch& scratch, StepClock& clock) const override {
    const int64_t in = w_.in;
    int8_t* codes = scratch.codes.data();
    float* scale = scratch.row_scale.data();
    float* zero = scratch.row_zero.data();
    parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
      for (int64_t i = row0; i < row1; ++i) {
        f32_quantize_asymmetric_i8_wasmsimd(x + i * in, codes + i * in, scale + i, zero + i, in);
        zero[i] *= scale[i];  // the row term of the zero point's correction: s_i z_i
      }
    });
    clock.mark("quantize");
    i8_matmul_4x8_wasmsimd(codes, scale, codes_.data(), scales_.data(), y, m, w_.out, in, kBlock,
                           threads);
    clock.mark("GEMM");
    f32_bias_act_wasmsimd(y, w_.bias, zero, col_term_.data(), m, w_.out, act, threads);
    clock.mark(act == Activation::gelu ? "bias + GELU" : "bias");
  }

 private:
  LinearWeights w_;
  std::vector<int8_t> codes_;  // W quantized, in x out
  std::vector<float> scales_;  // one per column of W
  std::vector<float> col_term_;  // scales_[j] x the sum of column j's codes
};

class Int8Backend final : public Backend {
 public:
  std::unique_ptr<Linear> prepare(const LinearWeights& weights) const override {
    return std::make_unique<Int8Linear>(weights);
  }
};

}  // namespace

const Backend& int8_backend() {
  static const Int8Backend backend;
  return backend;
}

}  // namespace lab::model
