// For now, the lab's register-blocked 4 x 8 SIMD128 GEMM from lesson 3, with
// its rows split over the thread pool (lesson 4). A block of 128 is where it
// ran fastest at N = 256 to 1024 on the machines we measured, on 1 and 2 threads.
#include "model/optimized_gemm.h"

#include "kernels/matmul/f32_matmul_4x8.h"

namespace lab::model {

namespace {
constexpr int64_t kBlock = 128;
}

void optimized_gemm(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                    int64_t threads) {
  f32_matmul_4x8_wasmsimd(a, b, c, m, n, k, kBlock, threads);
}

}  // namespace lab::model
