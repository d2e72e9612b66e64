// Dequantization with WebAssembly SIMD128 intrinsics: x = q * scale, back from
// int8 codes to floats. Natively, SIMDe implements the same intrinsics.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "kernels/quantize/f32_quantize_i8.h"

namespace lab {

void i8_dequantize_f32_wasmsimd(const int8_t* q, float scale, float* x, int64_t n) {
  const v128_t s = wasm_f32x4_splat(scale);
  int64_t i = 0;
  // 16 codes per load, widened i8 -> i16 -> i32, converted and scaled.
  for (; i + 16 <= n; i += 16) {
    const v128_t v = wasm_v128_load(q + i);
    const v128_t lo = wasm_i16x8_extend_low_i8x16(v), hi = wasm_i16x8_extend_high_i8x16(v);
    const v128_t parts[4] = {wasm_i32x4_extend_low_i16x8(lo), wasm_i32x4_extend_high_i16x8(lo),
                             wasm_i32x4_extend_low_i16x8(hi), wasm_i32x4_extend_high_i16x8(hi)};
    for (int p = 0; p < 4; ++p)
      wasm_v128_store(x + i + 4 * p, wasm_f32x4_mul(wasm_f32x4_convert_i32x4(parts[p]), s));
  }
  for (; i < n; ++i) x[i] = static_cast<float>(q[i]) * scale;
}

}  // namespace lab

LAB_SOURCE_DEFINE(i8_dequantize_f32_wasmsimd_cpp)
