#pragma once

#include <cstdint>

#include "core/operation.h"
#include "core/source_file.h"

namespace lab {

// y = GELU(x), tanh approximation, over a vector of f32: two schedules of the
// same steps (kernels/gelu/f32x4_gelu.h), with bit-identical results.
//
// Unfused: one pass over memory per step, as an eager framework runs the graph
// op by op; every temporary goes through `scratch` (n floats).
void f32_gelu_unfused_wasmsimd(const float* x, float* y, float* scratch, int64_t n);
// Fused: one pass, every step in registers.
void f32_gelu_fused_wasmsimd(const float* x, float* y, int64_t n);

// The bytes the unfused kernel moves: every pass reads and writes memory.
extern const Traffic kGeluUnfusedTraffic;

}  // namespace lab

LAB_SOURCE_DECLARE(f32_gelu_unfused_wasmsimd_cpp)
LAB_SOURCE_DECLARE(f32_gelu_fused_wasmsimd_cpp)
