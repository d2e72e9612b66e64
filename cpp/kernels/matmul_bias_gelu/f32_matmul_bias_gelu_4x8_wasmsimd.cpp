// C = GELU(A * B + bias) with the bias and GELU in the GEMM's epilogue: after
// the last block of K, each 4 x 8 tile of sums gets its bias and GELU in
// registers and is stored once, final. C is written once and never read back.
#include "core/source_file.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "kernels/matmul/f32_matmul_4x8_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu.h"

namespace lab {

namespace {

constexpr auto bias_gelu = [](const f32x4_gelu::Constants& k, v128_t sums, v128_t bias) {
  return f32x4_gelu::gelu(k, f32x4_gelu::add(k, sums, bias));
};

struct BiasGeluEpilogue {
  const float* bias;
  f32x4_gelu::Constants k = f32x4_gelu::constants();

  // A 4 x 8 tile of sums, still in registers, whose first column is col:
  // bias and GELU on all eight vectors together.
  void finish(v128_t (&sums)[4][2], int64_t col) const {
    const v128_t bias0 = wasm_v128_load(bias + col), bias1 = wasm_v128_load(bias + col + 4);
    for (auto& row : sums) {
      row[0] = f32x4_gelu::add(k, row[0], bias0);
      row[1] = f32x4_gelu::add(k, row[1], bias1);
    }
    f32x4_gelu::gelu_each<8>(k, &sums[0][0]);
  }
  // An edge tile, in memory: the same vector code, its last columns through
  // map()'s 4-lane buffer.
  void finish_edge(float* c, int64_t ldc, int64_t rows, int64_t cols, int64_t col) const {
    for (int64_t r = 0; r < rows; ++r)
      f32x4_gelu::map(c + r * ldc, cols, k, bias_gelu, c + r * ldc, bias + col);
  }
};

}  // namespace

void f32_matmul_bias_gelu_4x8_wasmsimd(const float* a, const float* b, const float* bias, float* c,
                                       int64_t m, int64_t n, int64_t k, int64_t block,
                                       int64_t threads) {
  register_blocked::matmul<Tile4x8Simd>(a, b, c, m, n, k, block, threads, BiasGeluEpilogue{bias});
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_bias_gelu_4x8_wasmsimd_cpp)
