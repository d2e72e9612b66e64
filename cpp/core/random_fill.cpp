#include "core/random_fill.h"

#include <cmath>
#include <vector>

namespace lab {

namespace {

FillVariation& variation() {
  static FillVariation v;
  return v;
}

void uniform_stream(float* out, size_t count, uint64_t seed) {
  uint64_t state = (seed ^ variation().salt) * 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < count; ++i) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    // The top 24 bits make an exactly representable float in [0, 1).
    const float unit = static_cast<float>(z >> 40) * (1.0f / 16777216.0f);
    out[i] = 2.0f * unit - 1.0f;
  }
}

}  // namespace

void set_fill_variation(const FillVariation& v) { variation() = v; }

void fill_uniform(float* out, size_t count, uint64_t seed) {
  uniform_stream(out, count, seed);
  if (variation().edit) variation().edit(out, count, false);
}

void fill_normal(float* out, size_t count, uint64_t seed) {
  std::vector<float> unit(count + 1);
  uniform_stream(unit.data(), unit.size(), seed);
  const double two_pi = 6.283185307179586;
  for (size_t i = 0; i < count; i += 2) {
    // (u + 1) / 2 is in [0, 1); 1 minus it is in (0, 1], so the log is finite.
    const double radius = std::sqrt(-2.0 * std::log(1.0 - (unit[i] + 1.0) / 2.0));
    const double angle = two_pi * (unit[i + 1] + 1.0) / 2.0;
    out[i] = static_cast<float>(radius * std::cos(angle));
    if (i + 1 < count) out[i + 1] = static_cast<float>(radius * std::sin(angle));
  }
  if (variation().edit) variation().edit(out, count, true);
}

}  // namespace lab
