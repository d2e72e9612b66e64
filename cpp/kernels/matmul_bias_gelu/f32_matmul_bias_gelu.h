#pragma once

#include <cstdint>

#include "core/operation.h"
#include "core/source_file.h"

namespace lab {

// C = GELU(A * B + bias): two schedules, both on the 4 x 8 SIMD128 GEMM, rows
// split over `threads` threads.
//
// Separate: the GEMM, then a bias pass over C, then a GELU pass over C, three
// kernels the way a framework calls a library's GEMM, add and GELU.
void f32_matmul_bias_gelu_separate_wasmsimd(const float* a, const float* b, const float* bias,
                                            float* c, int64_t m, int64_t n, int64_t k,
                                            int64_t block, int64_t threads);
// Fused: bias and GELU applied in the GEMM's epilogue, to each 4 x 8 tile of
// sums while it is still in registers.
void f32_matmul_bias_gelu_4x8_wasmsimd(const float* a, const float* b, const float* bias, float* c,
                                       int64_t m, int64_t n, int64_t k, int64_t block,
                                       int64_t threads);

// The bytes the separate schedule moves: the two passes read and write C again.
extern const Traffic kMatmulBiasGeluSeparateTraffic;

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_bias_gelu_separate_wasmsimd_cpp)
LAB_SOURCE_DECLARE(f32_matmul_bias_gelu_4x8_wasmsimd_cpp)
