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

// How the fuzz target (tests/fuzz) varies every problem's inputs without
// knowing each problem: a salt mixed into every seed, then an edit that may
// overwrite some values with edge cases inside the fill's range. The lab
// itself never sets it, so its inputs stay those of the fixed seeds.
struct FillVariation {
  uint64_t salt = 0;
  void (*edit)(float* values, size_t count, bool normal) = nullptr;
};
void set_fill_variation(const FillVariation& variation);

}  // namespace lab
