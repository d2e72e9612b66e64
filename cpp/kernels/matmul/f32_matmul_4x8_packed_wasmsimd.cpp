// The expert GEMM: a 4 x 8 SIMD128 micro-kernel over packed panels, blocked for
// L1 and L2, columns of C split over the lab's thread pool. The numbers below
// were chosen by timing the wasm build in Chromium on a 48 KiB L1d, 2 MiB L2
// core; see each for why.
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"

#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_loops.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_tile.h"

namespace lab {

namespace {

// 4 rows x 8 columns, the tile of lesson 3's kernel: 8 accumulators + 2
// vectors of B + the splat of A + one product = 12 of the 15 vector registers
// V8 gives WebAssembly on x64 (arm64 has more).
// 5 x 8 and 3 x 12 (14 registers) ran as fast on large matrices, 6 x 8 and
// 4 x 12 (16 and 17) spill. 4 x 8 wins on small ones: its A slivers pack as
// whole 4 x 4 transposes, where 5 rows leave one row to copy a float at a
// time, and it has room to unroll K (f32_matmul_4x8_packed_wasmsimd_tile.h).
using ExpertTile = gemm::Tile<4, 8 / 4>;

// kc = 512: one B sliver (512 x 8 floats, 16 KiB) and one A sliver (512 x 4,
//   8 KiB) fit in L1 together, and each tile of C is loaded and stored only
//   once per 512 steps of K. 256 was slower at N = 1024, where C is then
//   loaded and stored twice as often.
// mc = 120: the packed A block (120 x 512 floats, 240 KiB) stays in L2 while
//   every B sliver of the panel passes over it; 96 to 480 all ran alike, the
//   smaller sizes slightly faster at N = 1024.
// nc = 1024: the packed B panel (512 x 1024 floats, 2 MiB) is streamed sliver
//   by sliver, so it need not fit in L2; a wider panel only costs memory.
constexpr gemm::Blocking kBlocking{120, 512, 1024};

}  // namespace

void f32_matmul_4x8_packed_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                    int64_t k, int64_t threads) {
  gemm::gemm<ExpertTile>(a, b, c, m, n, k, threads, kBlocking);
}

struct F32GemmPackedB::Panels : gemm::PrepackedB<ExpertTile> {
  using PrepackedB::PrepackedB;
};

F32GemmPackedB::F32GemmPackedB(const float* b, int64_t k, int64_t n)
    : panels_(std::make_unique<Panels>(b, k, n, kBlocking)) {}

F32GemmPackedB::~F32GemmPackedB() = default;

void F32GemmPackedB::multiply(const float* a, float* c, int64_t m, int64_t threads) const {
  gemm::gemm<ExpertTile>(a, nullptr, c, m, panels_->n, panels_->k, threads, kBlocking,
                         panels_.get());
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_4x8_packed_wasmsimd_cpp)
