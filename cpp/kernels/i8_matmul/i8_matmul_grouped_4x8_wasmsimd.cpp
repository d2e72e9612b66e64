// The grouped int8 matmul with WebAssembly SIMD128. A 4 x 8 tile of C runs
// through all of K at once: per group, the shared micro-kernel
// (i16_pairs_wasmsimd.h) sums the group's products exactly in eight i32x4
// registers; then the tile converts them to f32, multiplies each by
// scale_a[row][g] * scale_b[g][column], and adds them into its f32 sums. That
// is the price of groups: per group of 32 values, 16 pairs of 22 instructions,
// then about 40 more to empty the sums.
//
// B was packed once, when the layer was prepared, so nothing is packed or
// widened here. Threads split the columns of C: each reads only its own tiles
// of B, once, and each tile of B (8 columns x K in i16) stays in L1 while
// every row tile of A goes past it. (Splitting rows instead would make every
// thread read all of B, and at a batch of 64 B is most of the bytes.)
#include <wasm_simd128.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/i8_matmul/i16_pairs_wasmsimd.h"
#include "kernels/i8_matmul/i8_matmul_grouped.h"

namespace lab {

namespace {

using i16_pairs::kCols;
using i16_pairs::kRows;

int64_t padded_columns(int64_t n) { return (n + kCols - 1) / kCols * kCols; }

// The f32 sums of one tile, stored to C; an edge tile through a 4 x 8 copy.
void store(const v128_t sums[kRows][2], float* c, int64_t ldc, int64_t rows, int64_t cols) {
  if (rows == kRows && cols == kCols) {
    for (int64_t r = 0; r < kRows; ++r) {
      wasm_v128_store(c + r * ldc, sums[r][0]);
      wasm_v128_store(c + r * ldc + 4, sums[r][1]);
    }
    return;
  }
  alignas(16) float edge[kRows][kCols];
  for (int64_t r = 0; r < kRows; ++r) {
    wasm_v128_store(edge[r], sums[r][0]);
    wasm_v128_store(edge[r] + 4, sums[r][1]);
  }
  for (int64_t r = 0; r < rows; ++r) std::memcpy(c + r * ldc, edge[r], cols * sizeof(float));
}

// One tile of C: rows of A at a (stride lda), their scales at sa[r] (one per
// group), B's tile of pairs at bt and its scales at sb (stride ldsb).
void tile(const int16_t* a, int64_t lda, const float* const sa[kRows], const int16_t* bt,
          const float* sb, int64_t ldsb, int64_t pairs, int64_t group_pairs,
          v128_t sums[kRows][2]) {
  for (int64_t r = 0; r < kRows; ++r) sums[r][0] = sums[r][1] = wasm_f32x4_splat(0.0f);
  for (int64_t g = 0, q0 = 0; q0 < pairs; ++g, q0 += group_pairs) {
    v128_t acc[kRows][2];
    for (auto& row : acc) row[0] = row[1] = wasm_i32x4_splat(0);
    i16_pairs::update(a + 2 * q0, lda, bt + q0 * 2 * kCols, std::min(group_pairs, pairs - q0), acc);
    const v128_t sb0 = wasm_v128_load(sb + g * ldsb), sb1 = wasm_v128_load(sb + g * ldsb + 4);
    for (int64_t r = 0; r < kRows; ++r) {
      const v128_t s = wasm_f32x4_splat(sa[r][g]);
      sums[r][0] = wasm_f32x4_add(
          sums[r][0], wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc[r][0]), wasm_f32x4_mul(s, sb0)));
      sums[r][1] = wasm_f32x4_add(
          sums[r][1], wasm_f32x4_mul(wasm_f32x4_convert_i32x4(acc[r][1]), wasm_f32x4_mul(s, sb1)));
    }
  }
}

// Column tiles [t0, t1) of C, every row.
void columns(const int16_t* a, int64_t lda, const float* scale_a, const I8GroupedB& b, float* c,
             int64_t m, int64_t t0, int64_t t1) {
  const int64_t groups = group_count(b.k, b.group), pairs = (b.k + 1) / 2;
  const int64_t ldsb = padded_columns(b.n);
  // A last tile of fewer than 4 rows reads a copy padded with zero rows, so
  // that the micro-kernel is always the full one.
  const int64_t full_rows = m / kRows * kRows;
  std::vector<int16_t> edge(m > full_rows ? kRows * lda : 0, 0);
  if (!edge.empty()) std::copy(a + full_rows * lda, a + m * lda, edge.begin());
  for (int64_t t = t0; t < t1; ++t) {
    const int16_t* bt = b.pairs.data() + t * pairs * 2 * kCols;
    const int64_t j = t * kCols, cols = std::min(kCols, b.n - j);
    for (int64_t i = 0; i < m; i += kRows) {
      const int64_t rows = std::min(kRows, m - i);
      const float* sa[kRows];
      for (int64_t r = 0; r < kRows; ++r) sa[r] = scale_a + std::min(i + r, m - 1) * groups;
      v128_t sums[kRows][2];
      tile(rows == kRows ? a + i * lda : edge.data(), lda, sa, bt, b.scales.data() + j, ldsb, pairs,
           b.group / 2, sums);
      store(sums, c + i * b.n + j, b.n, rows, cols);
    }
  }
}

}  // namespace

I8GroupedB i8_pack_grouped_b(const int8_t* codes, const float* scales, int64_t k, int64_t n,
                             int64_t group) {
  I8GroupedB b;
  b.k = k;
  b.n = n;
  b.group = group;
  const int64_t groups = group_count(k, group), ldsb = padded_columns(n);
  b.pairs.resize(ldsb / kCols * ((k + 1) / 2) * 2 * kCols);
  i16_pairs::pack_b(codes, n, 0, k, 0, n, b.pairs.data());
  b.scales.assign(groups * ldsb, 0.0f);
  for (int64_t g = 0; g < groups; ++g) std::copy_n(scales + g * n, n, b.scales.begin() + g * ldsb);
  return b;
}

void i8_matmul_grouped_4x8_wasmsimd(const int16_t* a, int64_t lda, const float* scale_a,
                                    const I8GroupedB& b, float* c, int64_t m, int64_t threads) {
  parallel_rows(padded_columns(b.n) / kCols, 1, threads,
                [&](int64_t t0, int64_t t1) { columns(a, lda, scale_a, b, c, m, t0, t1); });
}

}  // namespace lab

LAB_SOURCE_DEFINE(i8_matmul_grouped_4x8_wasmsimd_cpp)
