// The f32 pass after a backend's GEMM: bias, then the activation, in one SIMD
// pass over the output, with GELU's vector steps (kernels/gelu/f32x4_gelu.h)
// so that no temporary goes to memory. The int8 backend also folds its
// zero-point correction into the same pass (see int8_backend.cpp):
//
//   y[i][j] = act(y[i][j] + bias[j] - row_zero[i] * col_term[j])
#pragma once

#include <cstdint>

#include "model/backend.h"

namespace lab::model {

// row_zero and col_term are both null when there is no correction. Rows are
// split over `threads` threads.
void f32_bias_act_wasmsimd(float* y, const float* bias, const float* row_zero,
                           const float* col_term, int64_t m, int64_t n, Activation act,
                           int64_t threads);

}  // namespace lab::model
