// What became of a value stored in fp16: kept as a normal number, kept with
// fewer significant bits as a subnormal, lost to zero, or overflowed to inf.
#pragma once

#include <cstdint>

namespace lab {

enum class Fp16Class { normal, subnormal, zero, inf };

Fp16Class fp16_class(uint16_t h);
const char* fp16_class_name(Fp16Class c);

}  // namespace lab
