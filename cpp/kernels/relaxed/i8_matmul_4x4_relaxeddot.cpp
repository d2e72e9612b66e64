// The int8 matmul with i32x4.relaxed_dot_i8x16_i7x16_add: sixteen int8
// products summed four by four into the four int32 lanes, with the add, in one
// instruction (a VNNI vpdpbusd on an x64 CPU that has one), where
// i8_matmul_4x8_wasmsimd.cpp widens to i16 and needs a dot and an add for
// eight.
//
// The catch is in the name: the second operand is "i7". Its values must lie in
// [0, 127]; above that the result depends on the CPU (V8 on x64 reads them as
// unsigned bytes, others as signed). B's codes span [-127, 127], so each is
// split exactly into its low seven bits and its sign bit, both in [0, 127]:
//
//   b = l - 128 s,   l = b & 127,  s = 1 if b < 0 else 0
//   sum_p a_p b_p = sum_p a_p l_p - 128 sum_p a_p s_p
//
// Two dots per sixteen products, both deterministic: a dot of int8 values with
// values in [0, 127] fits the i16 pairs that some CPUs sum first (2 x 128 x 127
// < 32768). The int32 sums are exact like every int8 kernel's; the combined sum
// is exact too, since int32 arithmetic wraps and the true sum fits (max K).
//
// The tile is 4 rows x 4 columns: 4 sums of l and 4 of s, a quad of B's l and
// s parts and one splat of A fill 11 of the 15 vector registers V8 gives wasm
// on x64 (4 x 8 would need 16 sums). Measured in headless Chromium on this
// lab's reference machine (AMD EPYC, Zen 5), N = 1024, one thread, interleaved
// with i8_matmul_4x8_wasmsimd (block 128): about 1.07x, far from the 2x the
// instruction count suggests. An inference: a dot with half its products
// useful issues no faster than i32x4.dot_i16x8_s on this core, whose vpmaddwd
// and vpdpbusd share the same pipes. A needs no packing: A[r][p..p+3] are four
// consecutive bytes, splatted to every lane. B is packed once per column panel
// into its l and s parts, four columns by four steps of K per vector. One
// thread: a module of its own cannot start threads.
#include "kernels/relaxed/relaxed_entry.h"

#if defined(LAB_RELAXED_SIMD)

#include "kernels/i8_matmul/i8_matmul_problem.h"

namespace {

constexpr int32_t kRows = 4, kCols = 4;
// Rows of A per block: 64 rows x K bytes stay in L2 while every column
// quad of the panel passes over them.
constexpr int32_t kBlockRows = 64;
// A panel of B: each part 256 KiB at most (both stay in the 1 MiB L2 beside
// A's block), but always at least one quad of columns over all of K.
constexpr int32_t kMaxQuads = static_cast<int32_t>((lab::kI8MatmulMaxK + 3) / 4);
constexpr int32_t kPanelBytes = 256 * 1024;
constexpr int32_t kPanelCapacity = kPanelBytes > 16 * kMaxQuads ? kPanelBytes : 16 * kMaxQuads;
alignas(16) int8_t panel_low[kPanelCapacity], panel_sign[kPanelCapacity];

int32_t min(int32_t a, int32_t b) { return a < b ? a : b; }

// Columns [j0, j0 + cols) of B (row-major, n columns, k rows), as groups of
// four columns: group g, quad q is the 16 bytes at (g * quads + q) * 16, byte
// 4 c + t holding B[4 q + t][j0 + 4 g + c]'s part. Past K or past the last
// column, zeros: they add nothing.
void pack_b(const int8_t* b, int32_t n, int32_t k, int32_t j0, int32_t cols) {
  const int32_t quads = (k + 3) / 4;
  const v128_t low7 = wasm_i8x16_splat(127);
  int8_t* low = panel_low;
  int8_t* sign = panel_sign;
  for (int32_t g = 0; 4 * g < cols; ++g)
    for (int32_t q = 0; q < quads; ++q, low += 16, sign += 16) {
      alignas(16) int8_t quad[16];
      for (int32_t c = 0; c < kCols; ++c)
        for (int32_t t = 0; t < 4; ++t) {
          const int32_t p = 4 * q + t, j = 4 * g + c;
          quad[4 * c + t] = p < k && j < cols ? b[static_cast<int64_t>(p) * n + j0 + j] : 0;
        }
      const v128_t v = wasm_v128_load(quad);
      wasm_v128_store(low, wasm_v128_and(v, low7));
      wasm_v128_store(sign, wasm_u8x16_shr(v, 7));
    }
}

// The 4 x 4 int32 sums of rows[0..3] (each K bytes of A) times one column group.
void multiply(const int8_t* const rows[kRows], int32_t k, const int8_t* low, const int8_t* sign,
              v128_t sums[kRows]) {
  v128_t sum_low[kRows], sum_sign[kRows];
  for (int32_t r = 0; r < kRows; ++r) sum_low[r] = sum_sign[r] = wasm_i32x4_splat(0);
  const int32_t whole = k / 4;
  for (int32_t q = 0; q < whole; ++q, low += 16, sign += 16) {
    const v128_t bl = wasm_v128_load(low), bs = wasm_v128_load(sign);
    for (int32_t r = 0; r < kRows; ++r) {
      const v128_t a = wasm_v128_load32_splat(rows[r] + 4 * q);  // A[r][4q..4q+3] in every lane
      sum_low[r] = wasm_i32x4_relaxed_dot_i8x16_i7x16_add(a, bl, sum_low[r]);
      sum_sign[r] = wasm_i32x4_relaxed_dot_i8x16_i7x16_add(a, bs, sum_sign[r]);
    }
  }
  if (k % 4 != 0) {  // the last steps of K, from a zero-padded copy of each row's end
    const v128_t bl = wasm_v128_load(low), bs = wasm_v128_load(sign);
    for (int32_t r = 0; r < kRows; ++r) {
      alignas(4) int8_t tail[4] = {0, 0, 0, 0};
      for (int32_t t = 0; t < k % 4; ++t) tail[t] = rows[r][4 * whole + t];
      const v128_t a = wasm_v128_load32_splat(tail);
      sum_low[r] = wasm_i32x4_relaxed_dot_i8x16_i7x16_add(a, bl, sum_low[r]);
      sum_sign[r] = wasm_i32x4_relaxed_dot_i8x16_i7x16_add(a, bs, sum_sign[r]);
    }
  }
  for (int32_t r = 0; r < kRows; ++r)
    sums[r] = wasm_i32x4_sub(sum_low[r], wasm_i32x4_shl(sum_sign[r], 7));
}

// C's tile at (i, j), rows x cols of it: the sums to f32, times scale_a[row] * scale_b[column].
void store(const v128_t sums[kRows], const float* scale_a, const float* scale_b, float* c,
           int32_t n, int32_t rows, int32_t cols) {
  alignas(16) float sb[kCols] = {0, 0, 0, 0};
  for (int32_t j = 0; j < cols; ++j) sb[j] = scale_b[j];
  const v128_t vsb = wasm_v128_load(sb);
  for (int32_t r = 0; r < rows; ++r) {
    const v128_t scale = wasm_f32x4_mul(wasm_f32x4_splat(scale_a[r]), vsb);
    const v128_t out = wasm_f32x4_mul(wasm_f32x4_convert_i32x4(sums[r]), scale);
    float* row = c + static_cast<int64_t>(r) * n;
    if (cols == kCols) {
      wasm_v128_store(row, out);
    } else {
      alignas(16) float lanes[kCols];
      wasm_v128_store(lanes, out);
      for (int32_t j = 0; j < cols; ++j) row[j] = lanes[j];
    }
  }
}

}  // namespace

LAB_RELAXED_ENTRY(const int8_t* a, const float* scale_a, const int8_t* b, const float* scale_b,
                  float* c, int32_t m, int32_t n, int32_t k) {
  const int32_t group_bytes = 16 * ((k + 3) / 4);
  const int32_t panel_cols =
      kCols *
      (group_bytes > 0 ? (kPanelBytes / group_bytes > 0 ? kPanelBytes / group_bytes : 1) : 1);
  for (int32_t j0 = 0; j0 < n; j0 += panel_cols) {
    const int32_t cols = min(panel_cols, n - j0);
    pack_b(b, n, k, j0, cols);
    for (int32_t i0 = 0; i0 < m; i0 += kBlockRows) {
      const int32_t block_rows = min(kBlockRows, m - i0);
      for (int32_t g = 0; 4 * g < cols; ++g)
        for (int32_t i = i0; i < i0 + block_rows; i += kRows) {
          const int32_t rows = min(kRows, i0 + block_rows - i);
          // A tile cut by the bottom edge repeats its last row; those sums are never stored.
          const int8_t* tile_rows[kRows];
          for (int32_t r = 0; r < kRows; ++r)
            tile_rows[r] = a + static_cast<int64_t>(i + min(r, rows - 1)) * k;
          v128_t sums[kRows];
          multiply(tile_rows, k, panel_low + g * group_bytes, panel_sign + g * group_bytes, sums);
          store(sums, scale_a + i, scale_b + j0 + 4 * g,
                c + static_cast<int64_t>(i) * n + j0 + 4 * g, n, rows, min(kCols, cols - 4 * g));
        }
    }
  }
  return static_cast<int>(lab::KernelStatus::done);
}

#endif

LAB_SOURCE_DEFINE(i8_matmul_4x4_relaxeddot_cpp)
