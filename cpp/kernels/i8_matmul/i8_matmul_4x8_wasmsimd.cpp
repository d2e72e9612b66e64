// The int8 matmul with WebAssembly SIMD128: both inputs widened to i16 as they
// are packed into small panels, and multiplied by i32x4.dot_i16x8_s, eight
// multiply-adds per dot and add (kernels/i8_matmul/i16_pairs_wasmsimd.h).
//
// The K loop is blocked like the f32 kernels' (block x block panels of B stay
// in cache), so a tile's int32 sums must survive from one block of K to the
// next: they wait in C's own memory, as int32 bits, until the last block, which
// converts them to f32 and applies the scales in registers before the store.
// Natively, SIMDe implements the same intrinsics, so Catch2 tests this text.
#include <wasm_simd128.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/i8_matmul/i16_pairs_wasmsimd.h"
#include "kernels/i8_matmul/i8_matmul.h"

namespace lab {

namespace {

using i16_pairs::kCols;
using i16_pairs::kRows;
using i16_pairs::pack_b;
using i16_pairs::update;

// Rows [i, i + rows) and columns [p0, p0 + kc) of A widened to i16, row after
// row, each `width` = 2 pairs long: row r's pair q is the 32-bit word at
// tile + r * width + 2 q. Missing rows and an odd K's last value are zeros.
void pack_a(const int8_t* a, int64_t k, int64_t i, int64_t rows, int64_t p0, int64_t kc,
            int64_t width, int16_t* tile) {
  for (int64_t r = 0; r < kRows; ++r, tile += width) {
    int64_t p = 0;
    if (r < rows) {
      const int8_t* row = a + (i + r) * k + p0;
      for (; p + 8 <= kc; p += 8)
        wasm_v128_store(tile + p, wasm_i16x8_extend_low_i8x16(wasm_v128_load64_zero(row + p)));
      for (; p < kc; ++p) tile[p] = row[p];
    }
    for (; p < width; ++p) tile[p] = 0;
  }
}

// A tile of C in and out of registers. Full tiles go straight to C; edge
// tiles through a 4 x 8 copy, so the micro-kernel is always the full one.
// The bits are int32 sums or finished floats: the copy does not care.
struct TileAccess {
  float* c;
  int64_t ldc, rows, cols;

  bool full() const { return rows == kRows && cols == kCols; }

  void load(v128_t acc[kRows][2]) const {
    alignas(16) float edge[kRows][kCols] = {};
    const float* from = c;
    int64_t ld = ldc;
    if (!full()) {
      for (int64_t r = 0; r < rows; ++r) std::memcpy(edge[r], c + r * ldc, cols * sizeof(float));
      from = &edge[0][0];
      ld = kCols;
    }
    for (int64_t r = 0; r < kRows; ++r) {
      acc[r][0] = wasm_v128_load(from + r * ld);
      acc[r][1] = wasm_v128_load(from + r * ld + 4);
    }
  }

  void store(const v128_t acc[kRows][2]) const {
    alignas(16) float edge[kRows][kCols];
    float* to = full() ? c : &edge[0][0];
    const int64_t ld = full() ? ldc : kCols;
    for (int64_t r = 0; r < kRows; ++r) {
      wasm_v128_store(to + r * ld, acc[r][0]);
      wasm_v128_store(to + r * ld + 4, acc[r][1]);
    }
    if (!full())
      for (int64_t r = 0; r < rows; ++r) std::memcpy(c + r * ldc, edge[r], cols * sizeof(float));
  }
};

// The epilogue: int32 sums to f32, times scale_a[row] * scale_b[column].
void dequantize(v128_t acc[kRows][2], const float* scale_a, const float* scale_b,
                const TileAccess& tile) {
  alignas(16) float sb[kCols] = {};
  std::memcpy(sb, scale_b, tile.cols * sizeof(float));
  const v128_t sb0 = wasm_v128_load(sb), sb1 = wasm_v128_load(sb + 4);
  for (int64_t r = 0; r < kRows; ++r) {
    const v128_t sa = wasm_f32x4_splat(r < tile.rows ? scale_a[r] : 0.0f);
    acc[r][0] = wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc[r][0]), wasm_f32x4_mul(sa, sb0));
    acc[r][1] = wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc[r][1]), wasm_f32x4_mul(sa, sb1));
  }
}

// Rows [row0, row1) of C.
void rows(const int8_t* a, const float* scale_a, const int8_t* b, const float* scale_b, float* c,
          int64_t n, int64_t k, int64_t block, int64_t row0, int64_t row1) {
  const int64_t max_pairs = (std::min(block, k) + 1) / 2;
  const int64_t max_tiles = (std::min(block, n) + kCols - 1) / kCols;
  // The only extra memory: one panel of B and one tile of A, both block-sized.
  std::vector<int16_t> b_panel(max_tiles * max_pairs * 2 * kCols);
  std::vector<int16_t> a_tile(max_pairs * 2 * kRows);
  for (int64_t p0 = 0; p0 < k; p0 += block) {
    const int64_t kc = std::min(block, k - p0), pairs = (kc + 1) / 2, width = 2 * pairs;
    const bool first = p0 == 0, last = p0 + kc == k;
    for (int64_t j0 = 0; j0 < n; j0 += block) {
      const int64_t nc = std::min(block, n - j0);
      pack_b(b, n, p0, kc, j0, nc, b_panel.data());
      for (int64_t i = row0; i < row1; i += kRows) {
        const int64_t tile_rows = std::min(kRows, row1 - i);
        pack_a(a, k, i, tile_rows, p0, kc, width, a_tile.data());
        for (int64_t t = 0; t * kCols < nc; ++t) {
          const int64_t j = j0 + t * kCols;
          const TileAccess tile{c + i * n + j, n, tile_rows, std::min(kCols, nc - t * kCols)};
          v128_t acc[kRows][2];
          if (first)
            for (auto& row : acc) row[0] = row[1] = wasm_i32x4_splat(0);
          else
            tile.load(acc);
          update(a_tile.data(), width, b_panel.data() + t * pairs * 2 * kCols, pairs, acc);
          if (last) dequantize(acc, scale_a + i, scale_b + j, tile);
          tile.store(acc);
        }
      }
    }
  }
}

}  // namespace

void i8_matmul_4x8_wasmsimd(const int8_t* a, const float* scale_a, const int8_t* b,
                            const float* scale_b, float* c, int64_t m, int64_t n, int64_t k,
                            int64_t block, int64_t threads) {
  parallel_rows(m, kRows, threads, [&](int64_t row0, int64_t row1) {
    rows(a, scale_a, b, scale_b, c, n, k, block, row0, row1);
  });
}

}  // namespace lab

LAB_SOURCE_DEFINE(i8_matmul_4x8_wasmsimd_cpp)
