// The bits of an f32 and back, without undefined behaviour (C++17 has no
// std::bit_cast): the conversions below work on these integers.
#pragma once

#include <cstdint>
#include <cstring>

namespace lab {

inline uint32_t f32_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

inline float f32_from_bits(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

}  // namespace lab
