// The expert GEMM of lesson 8: packed panels, a 4 x 8 SIMD128 micro-kernel,
// blocks sized for L1 and L2, the columns of C split over the thread pool, so
// even a batch of 64 rows keeps every thread busy on its own weights.
#include "model/optimized_gemm.h"

#include "kernels/gemm/f32_gemm.h"

namespace lab::model {

void optimized_gemm(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                    int64_t threads) {
  f32_matmul_4x8_packed_wasmsimd(a, b, c, m, n, k, threads);
}

}  // namespace lab::model
