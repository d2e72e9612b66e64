// Asymmetric int8 quantization of activations, as inference libraries
// quantize activations at run time (ONNX Runtime's dynamic quantization, for
// one), here per group of values along a row (the int8 GEMM's groups, see
// kernels/i8_matmul/i8_matmul_grouped.h). The codes span the group's own range
// [min, max] (widened to include 0, so that 0 is exact) rather than
// [-max|x|, max|x|]:
//
//   scale = (max - min) / 255
//   zero  = round(-128 - min / scale)            an integer in [-128, 127]
//   q     = clamp(round(x / scale) + zero, -128, 127)
//   x    ~= scale (q - zero)
//
// For a symmetric group this is the symmetric step, but GELU's outputs lie in
// [-0.17, max]: nearly all of the range is positive, and the step is nearly
// half the symmetric one (max / 255 against max / 127).
//
// What is stored is q - zero, in i16: 256 consecutive integers (8 bits of
// information) in [-255, 255], so that x ~= scale (q - zero) is a plain
// product and the GEMM needs no zero-point correction. The GEMM widens its
// inputs to i16 anyway, for i32x4.dot_i16x8_s.
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab::model {

// Quantizes n values with one scale and zero point: writes q - zero and the
// scale. Values that are all zero get scale 1 and codes 0.
void f32_quantize_asymmetric_wasmsimd(const float* x, int16_t* q, float* scale, int64_t n);

// A row of n values in groups of `group` (the last may be partial), a scale
// per group; when n is odd, q[n] = 0 pads the row to whole pairs.
void f32_quantize_asymmetric_groups_wasmsimd(const float* x, int16_t* q, float* scales, int64_t n,
                                             int64_t group);

}  // namespace lab::model

LAB_SOURCE_DECLARE(asymmetric_quantize_wasmsimd_cpp)
