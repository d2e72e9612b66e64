// z = a x + y over vectors, out of place so that timing it again and again
// computes the same thing. Two data types, so two operations: f32 storage
// (12 bytes per element moved) and bf16 storage computed in f32 (6 bytes).
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

void f32_axpy_wasmsimd(float a, const float* x, const float* y, float* z, int64_t n);

// x, y and z hold bf16 bit patterns. Each element is widened to f32 exactly,
// a x + y is computed in f32 (a multiply, then an add: no fused multiply-add)
// and rounded to the nearest bf16, ties to even, as f32_to_bf16 does.
void bf16_axpy_wasmsimd(float a, const uint16_t* x, const uint16_t* y, uint16_t* z, int64_t n);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_axpy_wasmsimd_cpp)
LAB_SOURCE_DECLARE(bf16_axpy_wasmsimd_cpp)
