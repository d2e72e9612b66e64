// Per-tensor int8 quantization with WebAssembly SIMD128 intrinsics, in two
// passes over x: the largest magnitude (four lanes of max|x| at a time), then
// 16 codes per step: four f32x4 products rounded to nearest (f32x4.nearest),
// converted to i32 (i32x4.trunc_sat_f32x4: exact, the values are whole), and
// narrowed twice with saturation (i16x8.narrow_i32x4_s, i8x16.narrow_i16x8_s)
// into one 16-byte store. Natively, SIMDe implements the same intrinsics.
#include <wasm_simd128.h>

#include <algorithm>
#include <cmath>

#include "core/source_file.h"
#include "kernels/quantize/f32_quantize_i8.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab {

namespace {

float max_abs_wasmsimd(const float* x, int64_t n) {
  // Two accumulators: the max of one step does not wait on the previous one.
  v128_t m0 = wasm_f32x4_splat(0.0f), m1 = m0;
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    m0 = wasm_f32x4_pmax(m0, wasm_f32x4_abs(wasm_v128_load(x + i)));
    m1 = wasm_f32x4_pmax(m1, wasm_f32x4_abs(wasm_v128_load(x + i + 4)));
  }
  const v128_t m = wasm_f32x4_pmax(m0, m1);
  float result = std::max({wasm_f32x4_extract_lane(m, 0), wasm_f32x4_extract_lane(m, 1),
                           wasm_f32x4_extract_lane(m, 2), wasm_f32x4_extract_lane(m, 3)});
  for (; i < n; ++i) result = std::max(result, std::fabs(x[i]));
  return result;
}

v128_t codes(const float* x, v128_t inverse) {
  return wasm_i32x4_trunc_sat_f32x4(wasm_f32x4_nearest(wasm_f32x4_mul(wasm_v128_load(x), inverse)));
}

}  // namespace

void f32_quantize_i8_wasmsimd(const float* x, int8_t* q, float* scale, int64_t n) {
  const float max_abs = max_abs_wasmsimd(x, n);
  const float inverse_scalar = quantization_inverse_scale(max_abs, 8);
  const v128_t inverse = wasm_f32x4_splat(inverse_scalar);
  // The narrows saturate at 127 and -128; symmetric codes stop at -127.
  const v128_t lowest = wasm_i8x16_splat(-kInt8Qmax);
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const v128_t lo = wasm_i16x8_narrow_i32x4(codes(x + i, inverse), codes(x + i + 4, inverse));
    const v128_t hi =
        wasm_i16x8_narrow_i32x4(codes(x + i + 8, inverse), codes(x + i + 12, inverse));
    wasm_v128_store(q + i, wasm_i8x16_max(wasm_i8x16_narrow_i16x8(lo, hi), lowest));
  }
  // The last n mod 16 values, one at a time, rounded the same way.
  const float qmax = static_cast<float>(kInt8Qmax);
  for (; i < n; ++i)
    q[i] = static_cast<int8_t>(std::clamp(std::nearbyint(x[i] * inverse_scalar), -qmax, qmax));
  *scale = quantization_scale(max_abs, 8);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_quantize_i8_wasmsimd_cpp)
