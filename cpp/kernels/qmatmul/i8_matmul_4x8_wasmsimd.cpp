// The int8 matmul with WebAssembly SIMD128. SIMD128 has no int8 multiply that
// sums into int32, but it has i32x4.dot_i16x8_s: eight i16 x i16 products,
// added in pairs into four int32 lanes (one x86 pmaddwd). So both inputs are
// widened to i16 once, as they are packed into small panels, and arranged in
// pairs along K:
//
//   B panel: for each pair of rows (p, p+1) and each column j, the i16 pair
//            (B[p][j], B[p+1][j]): four columns' pairs fill one v128.
//   A tile:  each row widened to i16, so (A[r][p], A[r][p+1]) is one 32-bit
//            word, splatted to all four lanes.
//
// dot(splat(A pair), B pairs) is then A[r][p] B[p][j] + A[r][p+1] B[p+1][j] for
// four columns j at once: eight multiply-adds per instruction, where f32x4 does
// four. The inner loop per two steps of K: 2 loads of B, and per row of the
// 4 x 8 tile one splat load, 2 dots and 2 adds.
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

#include "kernels/qmatmul/i8_matmul.h"
#include "lab/thread_pool.h"

namespace lab {

namespace {

constexpr int64_t kRows = 4;
constexpr int64_t kCols = 8;

// Rows [p0, p0 + kc) and columns [j0, j0 + nc) of B as i16 pairs along K, in
// tiles of 8 columns, each tile's pairs contiguous: tile t, pair q is the 16
// values at panel[(t * pairs + q) * 16]. Beyond kc or nc, zeros: an odd K's
// last pair, or an edge tile's missing columns, add nothing.
void pack_b(const int8_t* b, int64_t n, int64_t p0, int64_t kc, int64_t j0, int64_t nc,
            int16_t* panel) {
  const int64_t pairs = (kc + 1) / 2;
  for (int64_t t = 0; t * kCols < nc; ++t)
    for (int64_t q = 0; q < pairs; ++q, panel += 2 * kCols) {
      const int64_t col0 = t * kCols, p = 2 * q;
      const int8_t* row = b + (p0 + p) * n + j0 + col0;
      if (col0 + kCols <= nc && p + 1 < kc) {
        // Two rows of 8 codes, widened to i16 and interleaved: (B[p][j], B[p+1][j]).
        const v128_t lo = wasm_i16x8_extend_low_i8x16(wasm_v128_load64_zero(row));
        const v128_t hi = wasm_i16x8_extend_low_i8x16(wasm_v128_load64_zero(row + n));
        wasm_v128_store(panel, wasm_i16x8_shuffle(lo, hi, 0, 8, 1, 9, 2, 10, 3, 11));
        wasm_v128_store(panel + 8, wasm_i16x8_shuffle(lo, hi, 4, 12, 5, 13, 6, 14, 7, 15));
        continue;
      }
      for (int64_t j = 0; j < kCols; ++j) {
        const bool in = col0 + j < nc;
        panel[2 * j] = in ? row[j] : 0;
        panel[2 * j + 1] = in && p + 1 < kc ? row[n + j] : 0;
      }
    }
}

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

// The micro-kernel: adds a packed A tile times a packed B tile into acc.
void update(const int16_t* a, int64_t width, const int16_t* b, int64_t pairs,
            v128_t acc[kRows][2]) {
  for (int64_t q = 0; q < pairs; ++q, a += 2, b += 2 * kCols) {
    const v128_t b0 = wasm_v128_load(b);
    const v128_t b1 = wasm_v128_load(b + 8);
    for (int64_t r = 0; r < kRows; ++r) {
      const v128_t ar = wasm_v128_load32_splat(a + r * width);  // (A[r][p], A[r][p+1]) x 4
      acc[r][0] = wasm_i32x4_add(acc[r][0], wasm_i32x4_dot_i16x8(ar, b0));
      acc[r][1] = wasm_i32x4_add(acc[r][1], wasm_i32x4_dot_i16x8(ar, b1));
    }
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
