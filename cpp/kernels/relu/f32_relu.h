#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// y = max(x, 0). The same C loop, compiled with the vectorizers off (scalar)
// and on (autovec), and the loop written with WebAssembly SIMD128 intrinsics.
void f32_relu_scalar(const float* x, float* y, int64_t n);
void f32_relu_autovec(const float* x, float* y, int64_t n);
void f32_relu_wasmsimd(const float* x, float* y, int64_t n);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_relu_c_cpp)
LAB_SOURCE_DECLARE(f32_relu_wasmsimd_cpp)
