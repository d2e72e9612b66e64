#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// q = round(x / scale) clamped to [-127, 127], scale = max|x| / 127, over the
// whole vector (per tensor; see symmetric_quantize.h). The plain C loop,
// compiled with the vectorizers off, and the same with SIMD128 intrinsics.
void f32_quantize_i8_scalar(const float* x, int8_t* q, float* scale, int64_t n);
void f32_quantize_i8_wasmsimd(const float* x, int8_t* q, float* scale, int64_t n);

// x = q * scale: back from codes to floats.
void i8_dequantize_f32_wasmsimd(const int8_t* q, float scale, float* x, int64_t n);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_quantize_i8_scalar_cpp)
LAB_SOURCE_DECLARE(f32_quantize_i8_wasmsimd_cpp)
LAB_SOURCE_DECLARE(i8_dequantize_f32_wasmsimd_cpp)
