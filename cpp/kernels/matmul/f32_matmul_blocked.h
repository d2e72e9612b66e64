#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// C = A * B computed tile by tile, each tile block x block.
void f32_matmul_blocked(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                        int64_t block);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_blocked_cpp)
