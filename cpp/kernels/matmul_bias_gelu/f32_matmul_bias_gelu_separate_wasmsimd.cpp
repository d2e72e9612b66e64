// C = GELU(A * B + bias) as three kernels, the way a framework runs a linear
// layer and its activation op by op: the SIMD GEMM writes C, a bias pass reads
// and rewrites it, and the fused GELU pass (a library's GELU is one kernel)
// reads and rewrites it again. The same steps as the epilogue, so the same bits.
#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu.h"

namespace lab {

namespace {

double separate_bytes(const Shape& s) {
  const double mn = static_cast<double>(s.m) * s.n;
  return 4.0 * (static_cast<double>(s.m) * s.k + static_cast<double>(s.k) * s.n + 5 * mn + s.n);
}

}  // namespace

void f32_matmul_bias_gelu_separate_wasmsimd(const float* a, const float* b, const float* bias,
                                            float* c, int64_t m, int64_t n, int64_t k,
                                            int64_t block, int64_t threads) {
  using namespace f32x4_gelu;
  f32_matmul_4x8_wasmsimd(a, b, c, m, n, k, block, threads);
  const Constants constants = f32x4_gelu::constants();
  parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
    for (int64_t i = row0; i < row1; ++i) map(c + i * n, n, constants, add, c + i * n, bias);
  });
  parallel_rows(m, 1, threads, [&](int64_t row0, int64_t row1) {
    map(c + row0 * n, (row1 - row0) * n, constants, gelu, c + row0 * n);
  });
}

const Traffic kMatmulBiasGeluSeparateTraffic{
    "4 (M K + K N + 5 M N + N) (the GEMM reads A and B and writes C; the bias pass reads C "
    "and the bias and writes C; the GELU pass reads and writes C)",
    separate_bytes};

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_bias_gelu_separate_wasmsimd_cpp)
