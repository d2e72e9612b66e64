// GELU fused: the same steps as the unfused kernel, in the same order, but all
// applied to a vector while it is in registers. x is read once and y written
// once; the temporaries never reach memory.
#include "core/source_file.h"
#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

namespace {
// Vectors per iteration. With memory traffic gone, the pass is bound by the
// arithmetic: one vector's steps form a chain, each waiting for the last, so
// the steps of several vectors are interleaved to keep the core's pipelines
// busy (gelu_each runs each step over all of them before the next).
constexpr int64_t kVectors = 4;
}  // namespace

void f32_gelu_fused_wasmsimd(const float* x, float* y, int64_t n) {
  using namespace f32x4_gelu;
  const Constants k = constants();
  int64_t i = 0;
  for (; i + 4 * kVectors <= n; i += 4 * kVectors) {
    v128_t v[kVectors];
    for (int64_t j = 0; j < kVectors; ++j) v[j] = wasm_v128_load(x + i + 4 * j);
    gelu_each<kVectors>(k, v);
    for (int64_t j = 0; j < kVectors; ++j) wasm_v128_store(y + i + 4 * j, v[j]);
  }
  map(y + i, n - i, k, gelu, x + i);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_gelu_fused_wasmsimd_cpp)
