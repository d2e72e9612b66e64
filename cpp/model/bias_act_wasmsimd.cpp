#include "model/bias_act_wasmsimd.h"

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab::model {

namespace {

using f32x4_gelu::Constants;

// Rows [0, m), with the activation chosen at compile time, so that the bias
// alone is a plain add.
template <bool kGelu>
void rows(float* y, const float* bias, int64_t m, int64_t n, int64_t threads) {
  const Constants k = f32x4_gelu::constants();
  parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
    for (int64_t i = row0; i < row1; ++i)
      f32x4_gelu::map(
          y + i * n, n, k,
          [](const Constants& k, v128_t v, v128_t b) {
            if constexpr (kGelu)
              return f32x4_gelu::gelu(k, wasm_f32x4_add(v, b));
            else
              return wasm_f32x4_add(v, b);
          },
          y + i * n, bias);
  });
}

}  // namespace

void f32_bias_act_wasmsimd(float* y, const float* bias, int64_t m, int64_t n, Activation act,
                           int64_t threads) {
  if (act == Activation::gelu)
    rows<true>(y, bias, m, n, threads);
  else
    rows<false>(y, bias, m, n, threads);
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(bias_act_wasmsimd_cpp)
