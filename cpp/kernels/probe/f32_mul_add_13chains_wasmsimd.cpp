// The f32 mul+add ceiling: as many f32x4.mul and f32x4.add per second as the
// core can issue, with nothing else in the loop worth counting.
//
// wasm SIMD128 has no fused multiply-add, so a step is a mul and then an add
// that depends on it: two instructions, each with a latency of several cycles.
// One chain would wait on itself all the time; the core only stays busy when
// enough independent chains are in flight to cover the latency of a mul plus an
// add at the rate the core issues them. V8 gives wasm 15 vector registers on
// x64: 13 accumulators, m and c fill them exactly. Measured in headless
// Chromium on the lab's reference machine, 13 chains with the step loop
// unrolled twice were the fastest of 8, 10, 12 and 13 chains (unrolled 1, 2
// and 4 times) and of independent mul-only and add-only streams; 14 chains
// spill to memory and are slower.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/probe/probe.h"

namespace lab {

namespace {

constexpr int kChains = 13;
static_assert(kChains * 4 == kMulAddGroupLanes, "a group is one f32x4 per chain");

// `steps` steps of x <- x * m + c on the 52 lanes of one group.
void update_group(const float* x, float* y, v128_t vm, v128_t vc, int64_t steps) {
  v128_t acc[kChains];
  for (int j = 0; j < kChains; ++j) acc[j] = wasm_v128_load(x + 4 * j);
  int64_t s = 0;
  for (; s + 2 <= steps; s += 2) {
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_add(wasm_f32x4_mul(acc[j], vm), vc);
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_add(wasm_f32x4_mul(acc[j], vm), vc);
  }
  if (s < steps)
    for (int j = 0; j < kChains; ++j) acc[j] = wasm_f32x4_add(wasm_f32x4_mul(acc[j], vm), vc);
  for (int j = 0; j < kChains; ++j) wasm_v128_store(y + 4 * j, acc[j]);
}

}  // namespace

void f32_mul_add_13chains_wasmsimd(const float* x, float* y, float m, float c, int64_t lanes,
                                   int64_t n, int64_t threads) {
  const v128_t vm = wasm_f32x4_splat(m), vc = wasm_f32x4_splat(c);
  const int64_t steps = n / lanes, extra = n % lanes;  // lanes below `extra` take one more step
  parallel_for(lanes / kMulAddGroupLanes, static_cast<int>(threads), [&](int64_t group) {
    const int64_t first = group * kMulAddGroupLanes;
    update_group(x + first, y + first, vm, vc, steps);
    for (int64_t i = first; i < extra && i < first + kMulAddGroupLanes; ++i) y[i] = y[i] * m + c;
  });
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_mul_add_13chains_wasmsimd_cpp)
