// Asymmetric int8 quantization of activations, one scale and zero point per
// row, as inference libraries quantize activations at run time (ONNX
// Runtime's dynamic quantization, for one). The codes span the row's own range
// [min, max] (widened to include 0, so that 0 is exact) rather than
// [-max|x|, max|x|]:
//
//   scale = (max - min) / 255
//   zero  = round(-128 - min / scale)            an integer in [-128, 127]
//   q     = clamp(round(x / scale) + zero, -128, 127)
//   x    ~= scale (q - zero)
//
// For a symmetric row this is the symmetric step, but GELU's outputs lie in
// [-0.17, max]: nearly all of the range is positive, and the step is nearly
// half the symmetric one (max / 255 against max / 127).
#pragma once

#include <cstdint>

namespace lab::model {

// Quantizes one row of n values; writes its scale and zero point. A row of
// zeros gets scale 1 and zero point 0.
void f32_quantize_asymmetric_i8_wasmsimd(const float* x, int8_t* q, float* scale, float* zero,
                                         int64_t n);

}  // namespace lab::model
