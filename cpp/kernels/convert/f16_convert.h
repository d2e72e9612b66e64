// IEEE 754 binary16 ("half", fp16) to and from f32, in integer arithmetic on
// the bits, so every rounding decision is a line you can read.
//   bit 15: sign | bits 14-10: exponent (bias 15) | bits 9-0: mantissa
// Normal values: 2^-14 (about 6.1e-5) up to 65504. Subnormals (exponent field
// 0) go down to 2^-24 (about 6e-8) in steps of 2^-24.
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// Exact: every f16 value, NaN payloads included, is an f32 value.
float f16_to_f32(uint16_t h);

// Rounds to nearest, ties to even. Values of 65520 and more in magnitude
// become inf; magnitudes up to 2^-25 become zero of the same sign; NaN stays a
// (quiet) NaN with its sign and the top of its payload.
uint16_t f32_to_f16(float f);

}  // namespace lab

LAB_SOURCE_HEADER(f16_convert_h)

LAB_SOURCE_DECLARE(f16_convert_cpp)
