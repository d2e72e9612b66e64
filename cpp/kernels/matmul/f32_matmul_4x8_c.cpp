// The 4 x 8 micro-kernel as plain C. This one file is compiled twice
// (cpp/CMakeLists.txt):
//   f32_matmul_4x8_autovec: as is. The compiler may turn each row of eight
//     accumulators into two f32x4 registers on its own.
//   f32_matmul_4x8_scalar: with -fno-vectorize -fno-slp-vectorize, so every
//     multiply and add is a single f32 operation.
// Compare their instructions in the page.
#include "core/source_file.h"
#include "kernels/c_variant.h"
#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"

namespace lab {

namespace {

struct Tile4x8 {
  static constexpr int64_t kRows = 4;
  static constexpr int64_t kCols = 8;

  static void update(const float* __restrict a, int64_t lda, const float* __restrict b, int64_t ldb,
                     float* __restrict c, int64_t ldc, int64_t kc) {
    // 32 sums live across the whole p loop: loaded once, stored once.
    float acc[kRows][kCols];
    for (int64_t r = 0; r < kRows; ++r)
      for (int64_t j = 0; j < kCols; ++j) acc[r][j] = c[r * ldc + j];
    for (int64_t p = 0; p < kc; ++p) {
      const float* b_row = b + p * ldb;
      for (int64_t r = 0; r < kRows; ++r) {
        const float arp = a[r * lda + p];
        for (int64_t j = 0; j < kCols; ++j) acc[r][j] += arp * b_row[j];
      }
    }
    for (int64_t r = 0; r < kRows; ++r)
      for (int64_t j = 0; j < kCols; ++j) c[r * ldc + j] = acc[r][j];
  }
};

}  // namespace

void LAB_C_VARIANT(f32_matmul_4x8)(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                   int64_t k, int64_t block) {
  register_blocked::matmul<Tile4x8>(a, b, c, m, n, k, block, 1);
}

}  // namespace lab

LAB_C_VARIANT_SOURCE(f32_matmul_4x8_c_cpp)
