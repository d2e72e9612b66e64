// Range and precision of f32, f16 and bf16, each figure decoded from a bit
// pattern by the format's own conversion.
#include <cmath>

#include "core/source_file.h"
#include "demos/float_formats.h"
#include "demos/precision_demos.h"

namespace lab {

namespace {

void pattern(JsonWriter& out, const char* name, const FloatFormat& format, uint32_t bits) {
  const double value = format.decode(bits);
  out.key(name).begin_object().field("value", value).field("value_text", value_text(value));
  write_fields(out, format, bits);
  out.end_object();
}

}  // namespace

void precision_formats(const std::vector<double>&, JsonWriter& out) {
  out.key("formats").begin_array();
  for (const FloatFormat& format : float_formats()) {
    const uint32_t max_exponent = (1u << format.exponent_bits) - 2;  // all ones means inf/NaN
    const uint32_t all_mantissa = (1u << format.mantissa_bits) - 1;
    const uint32_t largest = (max_exponent << format.mantissa_bits) | all_mantissa;
    const uint32_t one = format.encode(1.0f);
    const double epsilon = static_cast<double>(format.decode(one + 1)) - 1.0;
    const double top = format.decode(largest);
    // Halfway from the largest value to the next step, which would be 2^(emax+1):
    // from there on, rounding to nearest gives inf.
    const double overflow_from = top + (top - format.decode(largest - 1)) / 2;
    out.begin_object()
        .field("format", format.name)
        .field("bits", format.bits())
        .field("exponent_bits", format.exponent_bits)
        .field("mantissa_bits", format.mantissa_bits);
    pattern(out, "largest", format, largest);
    pattern(out, "smallest_normal", format, 1u << format.mantissa_bits);
    pattern(out, "smallest_subnormal", format, 1u);
    pattern(out, "one", format, one);
    out.field("epsilon", epsilon)
        .field("epsilon_text", value_text(epsilon))
        .field("decimal_digits", -std::log10(epsilon / 2))
        .field("overflow_from", overflow_from)
        .field("overflow_from_text", value_text(overflow_from))
        .end_object();
  }
  out.end_array();
}

}  // namespace lab

LAB_SOURCE_DEFINE(precision_formats_cpp)
