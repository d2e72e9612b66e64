#pragma once

#include <cstdint>

namespace lab {

// C = A * B computed tile by tile, each tile block x block.
void f32_matmul_blocked(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                        int64_t block);

}  // namespace lab
