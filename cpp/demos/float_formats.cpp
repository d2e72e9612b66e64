#include "demos/float_formats.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f16_convert.h"
#include "kernels/convert/float_bits.h"

namespace lab {

namespace {

uint32_t f32_encode(float f) { return f32_bits(f); }
float f32_decode(uint32_t b) { return f32_from_bits(b); }
uint32_t f16_encode(float f) { return f32_to_f16(f); }
float f16_decode(uint32_t b) { return f16_to_f32(static_cast<uint16_t>(b)); }
uint32_t bf16_encode(float f) { return f32_to_bf16(f); }
float bf16_decode(uint32_t b) { return bf16_to_f32(static_cast<uint16_t>(b)); }

}  // namespace

const std::vector<FloatFormat>& float_formats() {
  static const std::vector<FloatFormat> formats = {
      {"f32", 8, 23, f32_encode, f32_decode},
      {"f16", 5, 10, f16_encode, f16_decode},
      {"bf16", 8, 7, bf16_encode, bf16_decode},
  };
  return formats;
}

const FloatFormat& f16_format() { return float_formats()[1]; }

void write_fields(JsonWriter& out, const FloatFormat& format, uint32_t b) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%0*x", format.bits() / 4, b);
  out.field("bits", hex)
      .field("sign", static_cast<double>(format.sign_field(b)))
      .field("exponent", static_cast<double>(format.exponent_field(b)))
      .field("mantissa", static_cast<double>(format.mantissa_field(b)));
}

std::string value_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", v);  // 9 digits tell any two f32 apart
  return text;
}

}  // namespace lab
