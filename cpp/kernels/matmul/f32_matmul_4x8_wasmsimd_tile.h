// The 4 x 8 micro-kernel with WebAssembly SIMD128 intrinsics. Its tile of C is
// 4 rows of two f32x4 registers: eight accumulators. Each step along K loads
// one row of B (two vectors), splats one A value per row into all four lanes,
// and does 8 multiplies and 8 adds, 64 flops, for 6 loads. Natively, SIMDe
// implements the same intrinsics, so Catch2 tests this text. Shared by the
// plain SIMD matmul and the one with a bias and GELU epilogue.
#pragma once

#include <wasm_simd128.h>

#include <cstdint>

#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"

namespace lab {

namespace {

struct Tile4x8Simd {
  static constexpr int64_t kRows = 4;
  static constexpr int64_t kCols = 8;

  // The epilogue, if any, finishes each accumulator before it is stored:
  // col is the tile's first column of C.
  template <class Epilogue = register_blocked::NoEpilogue>
  static void update(const float* a, int64_t lda, const float* b, int64_t ldb, float* c,
                     int64_t ldc, int64_t kc, const Epilogue& epilogue = {}, int64_t col = 0) {
    v128_t acc[kRows][2];
    for (int64_t r = 0; r < kRows; ++r) {
      acc[r][0] = wasm_v128_load(c + r * ldc);
      acc[r][1] = wasm_v128_load(c + r * ldc + 4);
    }
    // a and b step along K: one column of A's rows, one row of B.
    for (int64_t p = 0; p < kc; ++p, ++a, b += ldb) {
      const v128_t b0 = wasm_v128_load(b);
      const v128_t b1 = wasm_v128_load(b + 4);
      for (int64_t r = 0; r < kRows; ++r) {
        const v128_t arp = wasm_v128_load32_splat(a + r * lda);  // A[r][p] in all 4 lanes
        acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(arp, b0));
        acc[r][1] = wasm_f32x4_add(acc[r][1], wasm_f32x4_mul(arp, b1));
      }
    }
    epilogue.finish(acc, col);
    for (int64_t r = 0; r < kRows; ++r) {
      wasm_v128_store(c + r * ldc, acc[r][0]);
      wasm_v128_store(c + r * ldc + 4, acc[r][1]);
    }
  }
};

}  // namespace
}  // namespace lab

LAB_SOURCE_HEADER(f32_matmul_4x8_wasmsimd_tile_h)
