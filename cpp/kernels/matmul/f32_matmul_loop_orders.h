// The same triple loop, C = A * B, in all six orders of its loops i, j and k.
// Row-major storage: A[i][p] is a[i*K + p], B[p][j] is b[p*N + j], C[i][j] is c[i*N + j].
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

void f32_matmul_ijk(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);
void f32_matmul_ikj(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);
void f32_matmul_jik(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);
void f32_matmul_jki(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);
void f32_matmul_kij(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);
void f32_matmul_kji(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_loop_orders_cpp)
