// C = dequantize(qA x qB): the product of two int8 matrices, summed exactly in
// int32 and turned back into f32 by the scales of A's rows and B's columns:
//
//   C[i][j] = scale_a[i] * scale_b[j] * sum_p qa[i][p] * qb[p][j]
//
// Row-major: qa is M x K, qb is K x N, C is M x N. The sum is exact while
// K <= 133144 (see kI8MatmulMaxK); the scales are applied once per element of
// C, as the sum leaves its register.
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// A plain i-k-j loop with an int32 row of sums, compiled with the vectorizers off.
void i8_matmul_scalar(const int8_t* a, const float* scale_a, const int8_t* b, const float* scale_b,
                      float* c, int64_t m, int64_t n, int64_t k);

// A 4 x 8 tile of int32 sums in eight i32x4 registers, fed by i32x4.dot_i16x8_s
// from block-sized panels of A and B widened to i16; rows of C split over
// `threads` threads of the lab's pool.
void i8_matmul_4x8_wasmsimd(const int8_t* a, const float* scale_a, const int8_t* b,
                            const float* scale_b, float* c, int64_t m, int64_t n, int64_t k,
                            int64_t block, int64_t threads);

}  // namespace lab

LAB_SOURCE_DECLARE(i8_matmul_scalar_cpp)
LAB_SOURCE_DECLARE(i8_matmul_4x8_wasmsimd_cpp)
