// The expert GEMM with a fused multiply-add: the same BLIS loop nest, packing
// and 4 x 8 micro-kernel as matmul/f32_matmul_4x8_packed_wasmsimd.cpp, the
// same blocking, and one change of instruction: each step of the micro-kernel
// is one f32x4.relaxed_madd instead of an f32x4.mul and an f32x4.add
// (gemm::Tile's MulAdd). V8 makes it an FMA where the CPU has one, so each
// product is added without being rounded first: the sums may differ from the
// plain expert's in the last bits, and the check's bound covers both (the
// operation's error model holds for any rounding of each step).
//
// Measured in headless Chromium on this lab's reference machine (AMD EPYC,
// Zen 5), one thread, interleaved (npm run bench): 1.02x the plain expert at
// N = 1024 and 0.86x the FMA ceiling at N = 512 and 1024. Before its K loop
// stopped being unrolled (Tile's kTwoStepsPerTrip), it ran 0.56x to 0.70x the
// plain expert: unrolled, LLVM 22 loaded both steps' operands up front, more
// registers than V8's 15, and V8 kept half the sums on the stack (read in the
// listing Node 20's V8 prints of the module). That FMA gains little here is an inference about
// this core: Zen issues a multiply and an add side by side on separate pipes.
//
// One thread: a module of its own cannot start threads. Its packing buffers
// are static, sized for the blocking below (the heap of a freestanding module
// is only what it reserves).
#include "kernels/relaxed/relaxed_entry.h"

#if defined(LAB_RELAXED_SIMD)

#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_loops.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_tile.h"

namespace {

struct FusedMulAdd {
  static constexpr bool kTwoStepsPerTrip = false;
  static v128_t step(v128_t sums, v128_t a, v128_t b) {
    return wasm_f32x4_relaxed_madd(a, b, sums);
  }
};

using FmaTile = lab::gemm::Tile<4, 8 / 4, FusedMulAdd>;

// The plain expert's blocking (its file says why each number).
constexpr lab::gemm::Blocking kBlocking{120, 512, 1024};

// The largest packed blocks gemm_block asks for with kBlocking, 64-byte aligned as PackBuffer's.
struct StaticPackBuffers {
  static float* a(int64_t) {
    alignas(64) static float buffer[kBlocking.mc * kBlocking.kc];
    return buffer;
  }
  static float* b(int64_t) {
    alignas(64) static float buffer[kBlocking.kc * kBlocking.nc];
    return buffer;
  }
};

}  // namespace

LAB_RELAXED_ENTRY(const float* a, const float* b, float* c, int32_t m, int32_t n, int32_t k) {
  if (m > 0 && n > 0)
    lab::gemm::gemm_block<FmaTile, StaticPackBuffers>(a, b, c, n, k, 0, m, 0, n, kBlocking,
                                                      nullptr);
  return static_cast<int>(lab::KernelStatus::done);
}

#endif

LAB_SOURCE_DEFINE(f32_matmul_4x8_packed_relaxedsimd_cpp)
