// Reproducible inputs: the same values natively and in wasm, for any seed.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lab {

// Fills with values uniform in [-1, 1), from a splitmix64 stream.
void fill_uniform(float* out, size_t count, uint64_t seed);

// Fills with standard-normal values (mean 0, variance 1), by Box-Muller from a
// uniform stream.
void fill_normal(float* out, size_t count, uint64_t seed);

}  // namespace lab
