// The expert GEMM: a 4 x 8 SIMD128 micro-kernel over packed panels, blocked for
// L1 and L2, columns of C split over the lab's thread pool. The numbers below
// were chosen by timing the wasm build in Chromium on a 48 KiB L1d, 2 MiB L2
// core; see each for why.
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"

#include <algorithm>

#include "core/source_file.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_loops.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_4x8_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"

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

// Small problems. Packing copies m k + k n floats before the first
// multiply-add, to make each sliver's later reads cheap; that pays only when
// every sliver is reused many times. The copies are (1/m + 1/n) of the m n k
// multiply-adds; above 1/64 (square N < 128) the GEMM runs lesson 3's
// kernel on A and B as they are, with 64 x 64 panels of B (16 KiB, inside
// any x64 core's L1). Measured in Chromium on a Zen 5 core: packing made the
// expert 0.95x lesson 3's kernel at N = 64, where the copies are 1/32.
// Only with K in one block (k <= kc): both ways then add each element's k
// products in order from zero, so C is the same bit for bit either way, and
// the same as F32GemmPackedB's. The nest is compiled here, with this file's
// flags (natively -march=native, where the compiler may fuse a mul and an add
// into one FMA), so that it rounds as the packed path does.
bool packing_pays(int64_t m, int64_t n, int64_t k) {
  return k > kBlocking.kc || 64 * (m + n) <= m * n;
}
constexpr int64_t kUnpackedBlock = 64;

// Threads. A call on t threads wakes t - 1 sleeping pool threads and waits
// for the last one, which costs tens of microseconds in a browser, whatever
// the size. So each thread gets at least 2^19 multiply-adds (about 20 us at
// 50 GFLOP/s); fewer threads run below that. Measured in Chromium on a Zen 5
// core (issue 15): 2 threads lost to 1 at N = 64 and 100 (2^18 and 2^20 in all) and won
// at N = 256 (2^24).
constexpr int64_t kMinMultiplyAddsPerThread = int64_t{1} << 19;

int64_t threads_for(int64_t m, int64_t n, int64_t k, int64_t threads) {
  return std::clamp<int64_t>(m * n * k / kMinMultiplyAddsPerThread, 1,
                             std::max<int64_t>(threads, 1));
}

}  // namespace

void f32_matmul_4x8_packed_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                    int64_t k, int64_t threads) {
  if (m == 0 || n == 0) return;
  const int64_t used = threads_for(m, n, k, threads);
  if (packing_pays(m, n, k))
    gemm::gemm<ExpertTile>(a, b, c, m, n, k, used, kBlocking);
  else
    register_blocked::matmul<Tile4x8Simd>(a, b, c, m, n, k, kUnpackedBlock, used);
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
