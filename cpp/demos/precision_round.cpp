// One number in three formats: what each stores, and what rounding cost.
#include <cmath>

#include "core/source_file.h"
#include "demos/float_formats.h"
#include "demos/precision_demos.h"

namespace lab {

namespace {

const char* outcome(const FloatFormat& format, uint32_t bits, double stored, double x) {
  if (std::isinf(stored)) return "overflowed to inf";
  if (stored == 0 && x != 0) return "flushed to zero";
  if (format.is_subnormal(bits)) return stored == x ? "subnormal, exact" : "subnormal, rounded";
  return stored == x ? "exact" : "rounded";
}

}  // namespace

// f16 and bf16 are rounded from the f32 value, as a training step converts
// its f32 tensors; every error is measured against x as typed.
void precision_round(const std::vector<double>& args, JsonWriter& out) {
  const double x = args[0];
  const float f = static_cast<float>(x);  // in range: the demo's bounds are inside f32's
  out.field("x", x).field("x_text", value_text(x));
  out.key("formats").begin_array();
  for (const FloatFormat& format : float_formats()) {
    const uint32_t bits = format.encode(f);
    const double stored = format.decode(bits);
    const double abs_err = std::fabs(stored - x);
    out.begin_object().field("format", format.name);
    write_fields(out, format, bits);
    out.field("exponent_bits", format.exponent_bits)
        .field("mantissa_bits", format.mantissa_bits)
        .field("value", stored)
        .field("value_text", value_text(stored))
        .field("abs_err", abs_err)
        .field("rel_err", x != 0 ? abs_err / std::fabs(x) : 0.0)
        .field("outcome", outcome(format, bits, stored, x))
        .end_object();
  }
  out.end_array();
}

}  // namespace lab

LAB_SOURCE_DEFINE(precision_round_cpp)
