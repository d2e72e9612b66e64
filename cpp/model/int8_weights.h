// A layer's weights as the int8 backend quantizes them, before packing: one
// symmetric scale per column and group of `group` rows
// (kernels/quantize/symmetric_quantize.h). The backend packs these for its
// GEMM; the int8 check (int8_reference.h) multiplies the same codes exactly.
#pragma once

#include <cstdint>
#include <vector>

#include "model/backend.h"

namespace lab::model {

struct Int8Weights {
  int64_t in = 0, out = 0, group = 0;
  std::vector<int8_t> codes;  // in x out, row-major, like W
  std::vector<float> scales;  // groups x out
};

Int8Weights quantize_weights(const LinearWeights& weights, int64_t group);

}  // namespace lab::model
