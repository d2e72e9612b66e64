#include "lab/random_fill.h"

namespace lab {

void fill_uniform(float* out, size_t count, uint64_t seed) {
  uint64_t state = seed * 0x9E3779B97F4A7C15ull;
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

}  // namespace lab
