#include "kernels/convert/f16_convert.h"

#include "core/source_file.h"
#include "kernels/convert/float_bits.h"

namespace lab {

namespace {

constexpr int kF32MantissaBits = 23;
constexpr int kF16MantissaBits = 10;
constexpr int kDropped = kF32MantissaBits - kF16MantissaBits;  // 13 bits rounded away
constexpr int kF32Bias = 127;
constexpr int kF16Bias = 15;

// value >> shift, rounded to nearest with ties to even: the bits shifted out
// decide, and exactly one half rounds toward the even neighbour.
uint32_t shift_right_round_even(uint32_t value, int shift) {
  const uint32_t kept = value >> shift;
  const uint32_t rest = value & ((1u << shift) - 1);
  const uint32_t half = 1u << (shift - 1);
  return kept + ((rest > half || (rest == half && (kept & 1u))) ? 1u : 0u);
}

}  // namespace

float f16_to_f32(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exponent = (h >> kF16MantissaBits) & 0x1Fu;
  uint32_t mantissa = h & 0x3FFu;
  if (exponent == 0x1F)  // inf (mantissa 0) or NaN (payload kept in the top bits)
    return f32_from_bits(sign | 0x7F800000u | (mantissa << kDropped));
  if (exponent != 0)  // normal: rebias the exponent, widen the mantissa
    return f32_from_bits(sign | ((exponent - kF16Bias + kF32Bias) << kF32MantissaBits) |
                         (mantissa << kDropped));
  if (mantissa == 0) return f32_from_bits(sign);  // +0 or -0
  // Subnormal: mantissa * 2^-24. In f32 it is normal: shift the leading 1 up
  // to the implicit bit's place, lowering the exponent once per shift.
  int f32_exponent = 1 - kF16Bias + kF32Bias;
  while (!(mantissa & 0x400u)) {
    mantissa <<= 1;
    --f32_exponent;
  }
  return f32_from_bits(sign | (static_cast<uint32_t>(f32_exponent) << kF32MantissaBits) |
                       ((mantissa & 0x3FFu) << kDropped));
}

uint16_t f32_to_f16(float f) {
  const uint32_t u = f32_bits(f);
  const uint16_t sign = static_cast<uint16_t>((u >> 16) & 0x8000u);
  const uint32_t magnitude = u & 0x7FFFFFFFu;
  if (magnitude >= 0x7F800000u) {
    if (magnitude == 0x7F800000u) return sign | 0x7C00u;  // inf
    // NaN: the top 10 payload bits, and the quiet bit set, so the result is a
    // NaN even when the payload lived only in bits f16 cannot hold.
    return static_cast<uint16_t>(sign | 0x7E00u | ((magnitude >> kDropped) & 0x3FFu));
  }
  const int exponent = static_cast<int>(magnitude >> kF32MantissaBits) - kF32Bias;
  if (exponent > kF16Bias) return sign | 0x7C00u;  // 2^16 or more: beyond any rounding
  if (exponent >= 1 - kF16Bias) {
    // Normal in f16: exponent and mantissa side by side, then one rounding of
    // the 13 dropped bits. A carry out of the mantissa raises the exponent,
    // and from 65504 (exponent 30, mantissa all ones) it reaches 0x7C00: inf.
    const uint32_t biased =
        (static_cast<uint32_t>(exponent + kF16Bias) << kF32MantissaBits) | (magnitude & 0x7FFFFFu);
    return static_cast<uint16_t>(sign | shift_right_round_even(biased, kDropped));
  }
  // Below 2^-14: the result is a count of 2^-24 steps. Below 2^-25 (half the
  // smallest step) nothing is left; 2^-25 itself is a tie and rounds to the
  // even count, 0.
  if (exponent < -kF16Bias - kF16MantissaBits) return sign;
  // value = significand * 2^(exponent - 23) with the implicit 1 made explicit,
  // so the count of 2^-24 steps is significand >> (-exponent - 1). A count
  // that rounds up to 1024 is 0x400: the smallest normal, exactly right.
  const uint32_t significand = (magnitude & 0x7FFFFFu) | 0x800000u;
  return static_cast<uint16_t>(sign | shift_right_round_even(significand, -exponent - 1));
}

}  // namespace lab

LAB_SOURCE_DEFINE(f16_convert_cpp)
