#include "model/bias_act_wasmsimd.h"

#include "kernels/gelu/f32x4_gelu.h"
#include "lab/thread_pool.h"

namespace lab::model {

namespace {

using f32x4_gelu::Constants;

// One row, with the activation and the correction chosen at compile time, so
// each of the four loops is as short as its case allows.
template <bool kGelu, bool kCorrect>
void row(float* y, const float* bias, float zero, const float* col_term, int64_t n,
         const Constants& k) {
  const v128_t z = wasm_f32x4_splat(zero);
  const auto finish = [](const Constants& k, v128_t v) {
    if constexpr (kGelu) return f32x4_gelu::gelu(k, v);
    else return v;
  };
  if constexpr (kCorrect)
    f32x4_gelu::map(y, n, k, [&](const Constants& k, v128_t v, v128_t b, v128_t t) {
      return finish(k, wasm_f32x4_sub(wasm_f32x4_add(v, b), wasm_f32x4_mul(z, t)));
    }, y, bias, col_term);
  else
    f32x4_gelu::map(y, n, k, [&](const Constants& k, v128_t v, v128_t b) {
      return finish(k, wasm_f32x4_add(v, b));
    }, y, bias);
}

template <bool kGelu, bool kCorrect>
void rows(float* y, const float* bias, const float* row_zero, const float* col_term, int64_t m,
          int64_t n, int64_t threads) {
  const Constants k = f32x4_gelu::constants();
  parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
    for (int64_t i = row0; i < row1; ++i)
      row<kGelu, kCorrect>(y + i * n, bias, kCorrect ? row_zero[i] : 0.0f, col_term, n, k);
  });
}

}  // namespace

void f32_bias_act_wasmsimd(float* y, const float* bias, const float* row_zero,
                           const float* col_term, int64_t m, int64_t n, Activation act,
                           int64_t threads) {
  const bool gelu = act == Activation::gelu, correct = row_zero != nullptr;
  if (gelu && correct) rows<true, true>(y, bias, row_zero, col_term, m, n, threads);
  else if (gelu) rows<true, false>(y, bias, row_zero, col_term, m, n, threads);
  else if (correct) rows<false, true>(y, bias, row_zero, col_term, m, n, threads);
  else rows<false, false>(y, bias, row_zero, col_term, m, n, threads);
}

}  // namespace lab::model
