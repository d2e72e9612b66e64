// The f32 FMA ceiling: as many f32x4.relaxed_madd per second as the core can
// issue, beside the mul+add ceiling (probe/f32_mul_add_13chains_wasmsimd.cpp),
// on the same operation: x <- x * m + c on the same lanes, now one instruction
// per step. V8 turns relaxed_madd into a fused multiply-add (one rounding)
// where the CPU has one, and into a mul and an add where it does not: that is
// what "relaxed" allows. With m = 1 every product is exact, so both give the
// same bits and the check stays exact.
//
// An FMA has the latency of a multiply and an add together (4 cycles on Zen 5
// and recent Intel cores), and two issue per cycle: about eight independent
// chains keep both pipes busy; more only hide jitter. Measured in headless
// Chromium on this lab's reference machine (AMD EPYC Zen 5), interleaved:
// CHAINS_MEASUREMENT.
#include "kernels/relaxed/relaxed_entry.h"

#if defined(LAB_RELAXED_SIMD)

namespace {

#if !defined(LAB_FMA_CHAINS)
#define LAB_FMA_CHAINS 13
#endif
constexpr int kChains = LAB_FMA_CHAINS;
constexpr int kGroupLanes = 4 * kChains;

// `steps` steps of x <- x * m + c on the lanes of one group.
void update_group(const float* x, float* y, v128_t vm, v128_t vc, int32_t steps) {
  v128_t acc[kChains];
  for (int j = 0; j < kChains; ++j) acc[j] = wasm_v128_load(x + 4 * j);
  int32_t s = 0;
  for (; s + 2 <= steps; s += 2) {
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_relaxed_madd(acc[j], vm, vc);
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_relaxed_madd(acc[j], vm, vc);
  }
  if (s < steps)
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_relaxed_madd(acc[j], vm, vc);
  for (int j = 0; j < kChains; ++j) wasm_v128_store(y + 4 * j, acc[j]);
}

}  // namespace

// mc holds m and c; each of the `lanes` lanes takes `steps` steps, the first
// `extra` one more (probe_adapters.h, mul_add_page_call). `lanes` must be a
// multiple of the group: 12480 is one of 13, 12, 10 and 8 chains.
LAB_RELAXED_ENTRY(const float* x, float* y, const float* mc, int32_t lanes, int32_t steps,
                  int32_t extra) {
  if (lanes % kGroupLanes != 0) return static_cast<int>(lab::KernelStatus::not_implemented);
  const float m = mc[0], c = mc[1];
  const v128_t vm = wasm_f32x4_splat(m), vc = wasm_f32x4_splat(c);
  for (int32_t first = 0; first < lanes; first += kGroupLanes) {
    update_group(x + first, y + first, vm, vc, steps);
    for (int32_t i = first; i < extra && i < first + kGroupLanes; ++i) y[i] = y[i] * m + c;
  }
  return static_cast<int>(lab::KernelStatus::done);
}

#endif

LAB_SOURCE_DEFINE(f32_mul_add_13chains_relaxedsimd_cpp)
