// Symmetric quantization, defined once for the whole lab: the quantize
// kernels, the int8 matmul's inputs and the bit-width demo all use it.
//
//   qmax  = 2^(bits-1) - 1            127 for int8; 31 for 6 bits, 7 for 4
//   scale = max|x| / qmax             so the largest |x| lands on qmax
//   q     = clamp(round(x * (qmax / max|x|)), -qmax, qmax)
//   x    ~= q * scale                 each within scale / 2 of the original
//
// Symmetric: zero maps to q = 0 exactly and -qmax..qmax is used, never -qmax-1,
// so negating a tensor negates its codes. A tensor of zeros has no magnitude to
// spread over the codes: it gets scale 1 and q = 0, never a division by zero.
// Rounding is to nearest, ties to even (what f32x4.nearest does). Narrower
// widths than 8 bits are simulated by clamping to their own qmax; the codes are
// still stored one per int8.
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

constexpr int qmax_for_bits(int bits) { return (1 << (bits - 1)) - 1; }

constexpr int kInt8Qmax = qmax_for_bits(8);

// The scale for values whose largest magnitude is max_abs.
inline float quantization_scale(float max_abs, int bits) {
  return max_abs > 0.0f ? max_abs / static_cast<float>(qmax_for_bits(bits)) : 1.0f;
}

// The factor that turns a value into its (unrounded) code: qmax / max|x|.
// Multiplying by it instead of dividing by scale is what the SIMD kernel does
// too, so every quantizer in the lab rounds the same products.
inline float quantization_inverse_scale(float max_abs, int bits) {
  return max_abs > 0.0f ? static_cast<float>(qmax_for_bits(bits)) / max_abs : 1.0f;
}

// Quantizes `count` values x[0], x[stride], x[2 stride], ... with one scale:
// a whole tensor (stride 1), a row of a matrix (stride 1), or a column of a
// row-major matrix (stride = its row length). Writes q at the same stride.
void quantize_symmetric(const float* x, int64_t count, int64_t stride, int bits, int8_t* q,
                        float* scale);

}  // namespace lab

LAB_SOURCE_HEADER(symmetric_quantize_h)

LAB_SOURCE_DECLARE(symmetric_quantize_cpp)
