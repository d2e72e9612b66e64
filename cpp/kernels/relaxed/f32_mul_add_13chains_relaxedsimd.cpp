// The f32 FMA ceiling: as many f32x4.relaxed_madd per second as the core can
// issue, beside the mul+add ceiling (probe/f32_mul_add_13chains_wasmsimd.cpp),
// on the same operation: x <- x * m + c on the same lanes, now one instruction
// per step. V8 turns relaxed_madd into a fused multiply-add (one rounding)
// where the CPU has one, and into a mul and an add where it does not: that is
// what "relaxed" allows. With m = 1 every product is exact, so both give the
// same bits and the check stays exact.
//
// An FMA has the latency of a multiply and an add together, so a chain waits
// longer on itself than a mul+add chain's add does, and more chains must be in
// flight. Measured in headless Chromium on this lab's reference machine (AMD
// EPYC, Zen 5), each against the mul+add probe in interleaved rounds, one
// thread: 8 chains 0.89x, 10 1.06x, 12 1.09x, 13 1.09x, 15 1.07x. 13 chains
// (13 registers, the mul+add probe's groups of 52 lanes) are kept. That FMA
// gains only about a tenth here is an inference about this core, not a rule:
// Zen's adds run on pipes of their own, beside its multiplies, so mul+add
// already issues two FLOPs per lane per cycle; where adds and multiplies share
// ports (Intel), one FMA does the work of two instructions on one port.
#include "kernels/relaxed/relaxed_entry.h"

#if defined(LAB_RELAXED_SIMD)

namespace {

constexpr int kChains = 13;
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
// multiple of the group's 52 lanes, as the problem's 12480 is.
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
