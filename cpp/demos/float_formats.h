// f32, f16 and bf16 described by their bit layouts, with the conversions that
// move values between them. The precision demos read every figure they show
// (largest value, epsilon, a number's fields) from these, not from constants.
#pragma once

#include <cstdint>
#include <vector>

#include "core/json_writer.h"

namespace lab {

struct FloatFormat {
  const char* name;
  int exponent_bits;
  int mantissa_bits;
  uint32_t (*encode)(float);  // f32 -> this format's bits, rounded to nearest even
  float (*decode)(uint32_t);  // this format's bits -> f32, exactly

  int bits() const { return 1 + exponent_bits + mantissa_bits; }
  uint32_t exponent_field(uint32_t b) const {
    return (b >> mantissa_bits) & ((1u << exponent_bits) - 1);
  }
  uint32_t mantissa_field(uint32_t b) const { return b & ((1u << mantissa_bits) - 1); }
  uint32_t sign_field(uint32_t b) const { return b >> (bits() - 1); }
  // A nonzero finite value with the exponent field 0.
  bool is_subnormal(uint32_t b) const { return exponent_field(b) == 0 && mantissa_field(b) != 0; }
};

// f32, f16, bf16: the widest first.
const std::vector<FloatFormat>& float_formats();
const FloatFormat& f16_format();

// {"bits": "0x3c00", "sign": 0, "exponent": 15, "mantissa": 0} for bits b.
void write_fields(JsonWriter& out, const FloatFormat& format, uint32_t b);

// A value as text with enough digits to tell neighbours apart: "65504",
// "inf", "-0", "5.96046448e-08".
std::string value_text(double v);

}  // namespace lab
