// bfloat16: the top half of an f32. Same sign and 8-bit exponent, so the same
// range; 7 mantissa bits instead of 23, so about 2-3 decimal digits.
//   bit 15: sign | bits 14-7: exponent (bias 127) | bits 6-0: mantissa
// Widening is exact: put the 16 bits back on top and zeros below. Narrowing
// rounds to nearest, ties to even, by integer arithmetic on the f32's bits.
// Inline, because the bf16 axpy kernel uses these for its tail elements.
#pragma once

#include <cstdint>

#include "core/source_file.h"
#include "kernels/convert/float_bits.h"

namespace lab {

inline float bf16_to_f32(uint16_t h) { return f32_from_bits(static_cast<uint32_t>(h) << 16); }

inline uint16_t f32_to_bf16(float f) {
  const uint32_t u = f32_bits(f);
  // NaN: keep the sign and the top of the payload, and set the quiet bit, so a
  // payload that lived only in the low 16 bits cannot turn into infinity.
  if ((u & 0x7FFFFFFFu) > 0x7F800000u) return static_cast<uint16_t>((u >> 16) | 0x0040u);
  // Adding 0x7FFF carries into bit 16 exactly when the low half is above one
  // half; the +1 for an odd result makes the tie (exactly one half) round up
  // only when that gives an even result. A carry out of the mantissa moves the
  // exponent up, which is right, and past the largest finite value gives inf.
  const uint32_t lsb = (u >> 16) & 1u;
  return static_cast<uint16_t>((u + 0x7FFFu + lsb) >> 16);
}

}  // namespace lab

LAB_SOURCE_HEADER(bf16_convert_h)
