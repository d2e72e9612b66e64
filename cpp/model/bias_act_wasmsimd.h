// The f32 pass after a backend's GEMM: bias, then the activation, in one SIMD
// pass over the output, with GELU's vector steps (kernels/gelu/f32x4_gelu.h)
// so that no temporary goes to memory:
//
//   y[i][j] = act(y[i][j] + bias[j])
#pragma once

#include <cstdint>

#include "core/source_file.h"
#include "model/backend.h"

namespace lab::model {

// Rows are split over `threads` threads.
void f32_bias_act_wasmsimd(float* y, const float* bias, int64_t m, int64_t n, Activation act,
                           int64_t threads);

}  // namespace lab::model

LAB_SOURCE_DECLARE(bias_act_wasmsimd_cpp)
