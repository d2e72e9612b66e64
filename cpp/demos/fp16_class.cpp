#include "demos/fp16_class.h"

#include "demos/float_formats.h"

namespace lab {

Fp16Class fp16_class(uint16_t h) {
  const FloatFormat& f16 = f16_format();
  const uint32_t exponent = f16.exponent_field(h);
  if (exponent == (1u << f16.exponent_bits) - 1) return Fp16Class::inf;  // NaN cannot arise here
  if (exponent != 0) return Fp16Class::normal;
  return f16.mantissa_field(h) ? Fp16Class::subnormal : Fp16Class::zero;
}

const char* fp16_class_name(Fp16Class c) {
  switch (c) {
    case Fp16Class::normal: return "normal";
    case Fp16Class::subnormal: return "subnormal";
    case Fp16Class::zero: return "zero";
    case Fp16Class::inf: return "inf";
  }
  return "";
}

}  // namespace lab
