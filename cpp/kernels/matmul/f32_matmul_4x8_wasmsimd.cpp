// C = A * B with the 4 x 8 SIMD128 micro-kernel (f32_matmul_4x8_wasmsimd_tile.h)
// in the shared register-blocked nest, rows of C split over the thread pool.
#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul/f32_matmul_4x8_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"

namespace lab {

void f32_matmul_4x8_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                             int64_t k, int64_t block, int64_t threads) {
  register_blocked::matmul<Tile4x8Simd>(a, b, c, m, n, k, block, threads);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_4x8_wasmsimd_cpp)
