// f32 axpy with SIMD128: four floats per v128, two vectors per step. Each
// element costs 8 bytes read and 4 written against 2 flops, so at sizes that
// do not fit in cache memory bandwidth sets the speed, not the arithmetic.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "kernels/axpy/axpy.h"

namespace lab {

void f32_axpy_wasmsimd(float a, const float* x, const float* y, float* z, int64_t n) {
  const v128_t va = wasm_f32x4_splat(a);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t x0 = wasm_v128_load(x + i), x1 = wasm_v128_load(x + i + 4);
    const v128_t y0 = wasm_v128_load(y + i), y1 = wasm_v128_load(y + i + 4);
    wasm_v128_store(z + i, wasm_f32x4_add(wasm_f32x4_mul(va, x0), y0));
    wasm_v128_store(z + i + 4, wasm_f32x4_add(wasm_f32x4_mul(va, x1), y1));
  }
  for (; i + 4 <= n; i += 4)
    wasm_v128_store(
        z + i, wasm_f32x4_add(wasm_f32x4_mul(va, wasm_v128_load(x + i)), wasm_v128_load(y + i)));
  for (; i < n; ++i) z[i] = a * x[i] + y[i];
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_axpy_wasmsimd_cpp)
