// ReLU written with WebAssembly SIMD128 intrinsics: four floats per v128.
// Natively, SIMDe implements the same intrinsics, so Catch2 tests this text.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "kernels/relu/f32_relu.h"

namespace lab {

void f32_relu_wasmsimd(const float* x, float* y, int64_t n) {
  // pmax(0, v) is "0 < v ? v : 0" lane by lane: a single x86 maxps. (f32x4.max
  // also orders -0 below +0 and propagates NaN, which costs extra instructions.)
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int64_t i = 0;
  // Four vectors per iteration: four independent loads in flight at once.
  for (; i + 16 <= n; i += 16) {
    const v128_t v0 = wasm_v128_load(x + i);
    const v128_t v1 = wasm_v128_load(x + i + 4);
    const v128_t v2 = wasm_v128_load(x + i + 8);
    const v128_t v3 = wasm_v128_load(x + i + 12);
    wasm_v128_store(y + i, wasm_f32x4_pmax(zero, v0));
    wasm_v128_store(y + i + 4, wasm_f32x4_pmax(zero, v1));
    wasm_v128_store(y + i + 8, wasm_f32x4_pmax(zero, v2));
    wasm_v128_store(y + i + 12, wasm_f32x4_pmax(zero, v3));
  }
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(zero, wasm_v128_load(x + i)));
  // The last n mod 4 elements, one at a time.
  for (; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_relu_wasmsimd_cpp)
