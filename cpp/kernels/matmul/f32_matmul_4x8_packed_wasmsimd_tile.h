// The expert GEMM's micro-kernel: one kRows x kCols tile of C, computed from a
// packed sliver of A and a packed sliver of B (see f32_matmul_4x8_packed_wasmsimd_packing.h), in
// wasm SIMD128. Everything else in the GEMM exists to feed this loop.
//
// Why packed slivers: at step p along K the kernel needs kRows values of A and
// kCols values of B. Packing stores exactly those next to each other, in the
// order the kernel reads them, so each step reads one short contiguous run of
// A and one of B: no strides, no TLB misses, and the hardware prefetcher sees
// two plain streams. The slivers are zero-padded to whole tiles, so this loop
// never tests for an edge; a short tile is only cut when it is stored.
//
// Why these registers: the sums stay in kRows x kCols / 4 f32x4 accumulators
// for all kc steps. Each step loads kCols / 4 vectors of B, splats one value of
// A per row (v128.load32_splat: a load that fills all four lanes), and does one
// multiply-add per accumulator: an f32x4.mul and an f32x4.add (wasm SIMD128 has
// no fused multiply-add), or whatever step the MulAdd parameter gives (the
// relaxed-SIMD expert, cpp/kernels/relaxed/, passes one f32x4.relaxed_madd:
// the algorithm stays, the instruction changes). V8 gives wasm 15 vector registers on x64, and the
// loop needs accumulators + B vectors + one splat + one product: a tile must fit in them or V8
// spills sums to memory. Which tile is best was measured (f32_matmul_4x8_packed_wasmsimd.cpp).
#pragma once

#include <wasm_simd128.h>

#include <cstdint>
#include "core/source_file.h"

namespace lab::gemm {

namespace {

// The expert's step: sums + a * b as a multiply, then an add. Two steps per
// trip of the K loop: half the loop's counting and branching, which on a
// 4 x 8 tile still leaves enough free registers for both steps.
struct MulThenAdd {
  static constexpr bool kTwoStepsPerTrip = true;
  static v128_t step(v128_t sums, v128_t a, v128_t b) {
    return wasm_f32x4_add(sums, wasm_f32x4_mul(a, b));
  }
};

template <int64_t Rows, int64_t Vecs, class MulAdd = MulThenAdd>
struct Tile {
  static constexpr int64_t kRows = Rows;
  static constexpr int64_t kCols = 4 * Vecs;

  // sums = A sliver x B sliver over kc steps. a: kc groups of kRows values
  // (one column of the tile's rows of A per step); b: kc rows of kCols values.
  static void multiply(const float* a, const float* b, int64_t kc, v128_t (&sums)[Rows][Vecs]) {
    for (int64_t r = 0; r < Rows; ++r)
      for (int64_t v = 0; v < Vecs; ++v) sums[r][v] = wasm_f32x4_splat(0.0f);
    const auto step = [&sums](const float* ap, const float* bp_row) {
      v128_t bp[Vecs];
      for (int64_t v = 0; v < Vecs; ++v) bp[v] = wasm_v128_load(bp_row + 4 * v);
      for (int64_t r = 0; r < Rows; ++r) {
        const v128_t arp = wasm_v128_load32_splat(ap + r);  // A[r][p] in all four lanes
        for (int64_t v = 0; v < Vecs; ++v) sums[r][v] = MulAdd::step(sums[r][v], arp, bp[v]);
      }
    };
    // A step whose loop must not be unrolled says so (kTwoStepsPerTrip false):
    // unrolled, LLVM 22 loads both steps' operands up front, 20 registers where
    // V8 has 15, and V8 then keeps sums on the stack.
    if constexpr (MulAdd::kTwoStepsPerTrip) {
#pragma GCC unroll 2
      for (int64_t p = 0; p < kc; ++p, a += kRows, b += kCols) step(a, b);
    } else {
#pragma GCC unroll 1
      for (int64_t p = 0; p < kc; ++p, a += kRows, b += kCols) step(a, b);
    }
  }

  // C tile (=, or += when accumulate: after the first block of K) the sums.
  // A full tile goes straight to C. A tile cut by the right or bottom edge of C
  // goes through a small buffer, and only its rows x cols corner is copied:
  // the padding's sums (all zero) never touch memory outside C.
  static void run(const float* a, const float* b, int64_t kc, float* c, int64_t ldc, int64_t rows,
                  int64_t cols, bool accumulate) {
    v128_t sums[Rows][Vecs];
    multiply(a, b, kc, sums);
    if (rows == kRows && cols == kCols) {
      for (int64_t r = 0; r < Rows; ++r)
        for (int64_t v = 0; v < Vecs; ++v) {
          float* out = c + r * ldc + 4 * v;
          wasm_v128_store(
              out, accumulate ? wasm_f32x4_add(wasm_v128_load(out), sums[r][v]) : sums[r][v]);
        }
      return;
    }
    alignas(16) float tile[Rows][kCols];
    for (int64_t r = 0; r < Rows; ++r)
      for (int64_t v = 0; v < Vecs; ++v) wasm_v128_store(&tile[r][4 * v], sums[r][v]);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < cols; ++j)
        c[r * ldc + j] = accumulate ? c[r * ldc + j] + tile[r][j] : tile[r][j];
  }
};

}  // namespace
}  // namespace lab::gemm

LAB_SOURCE_HEADER(f32_matmul_4x8_packed_wasmsimd_tile_h)
