// f32 to bf16, rounded to nearest with ties to even, over a vector: the
// narrowing every bf16 kernel does as it stores. y holds bf16 bit patterns.
#pragma once

#include <cstdint>

#include "core/source_file.h"

namespace lab {

// f32_to_bf16 (bf16_convert.h) one element at a time, vectorizers off.
void f32_round_bf16_scalar(const float* x, uint16_t* y, int64_t n);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_round_bf16_scalar_cpp)
