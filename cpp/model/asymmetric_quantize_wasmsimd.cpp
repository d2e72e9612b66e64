// Two passes over each group, with SIMD128: its min and max four lanes at a
// time, then 8 codes per step: x / scale rounded to nearest, the zero point
// added, converted to i32 and narrowed to i16 with saturation, clamped to
// [-128, 127], and the zero point taken off again.
#include <wasm_simd128.h>

#include <algorithm>
#include <cmath>

#include "core/source_file.h"
#include "model/asymmetric_quantize.h"

namespace lab::model {

namespace {

void min_max(const float* x, int64_t n, float* lo, float* hi) {
  v128_t vlo = wasm_f32x4_splat(0.0f), vhi = vlo;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    vlo = wasm_f32x4_pmin(vlo, v);
    vhi = wasm_f32x4_pmax(vhi, v);
  }
  float l = std::min({wasm_f32x4_extract_lane(vlo, 0), wasm_f32x4_extract_lane(vlo, 1),
                      wasm_f32x4_extract_lane(vlo, 2), wasm_f32x4_extract_lane(vlo, 3)});
  float h = std::max({wasm_f32x4_extract_lane(vhi, 0), wasm_f32x4_extract_lane(vhi, 1),
                      wasm_f32x4_extract_lane(vhi, 2), wasm_f32x4_extract_lane(vhi, 3)});
  for (; i < n; ++i) {
    l = std::min(l, x[i]);
    h = std::max(h, x[i]);
  }
  *lo = l;
  *hi = h;
}

}  // namespace

void f32_quantize_asymmetric_wasmsimd(const float* x, int16_t* q, float* scale, int64_t n) {
  float lo, hi;
  min_max(x, n, &lo, &hi);
  const float s = hi > lo ? (hi - lo) / 255.0f : 1.0f;
  const float inverse = 1.0f / s;
  const float z = std::clamp(std::nearbyint(-128.0f - lo * inverse), -128.0f, 127.0f);
  const v128_t vinv = wasm_f32x4_splat(inverse), vz = wasm_f32x4_splat(z);
  const v128_t zero = wasm_i16x8_splat(static_cast<int16_t>(z));
  const v128_t qmin = wasm_i16x8_splat(-128), qmax = wasm_i16x8_splat(127);
  const auto codes = [&](const float* p) {
    const v128_t v =
        wasm_f32x4_add(wasm_f32x4_nearest(wasm_f32x4_mul(wasm_v128_load(p), vinv)), vz);
    return wasm_i32x4_trunc_sat_f32x4(v);
  };
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t c = wasm_i16x8_narrow_i32x4(codes(x + i), codes(x + i + 4));
    wasm_v128_store(q + i, wasm_i16x8_sub(wasm_i16x8_min(wasm_i16x8_max(c, qmin), qmax), zero));
  }
  for (; i < n; ++i)
    q[i] =
        static_cast<int16_t>(std::clamp(std::nearbyint(x[i] * inverse) + z, -128.0f, 127.0f) - z);
  *scale = s;
}

void f32_quantize_asymmetric_groups_wasmsimd(const float* x, int16_t* q, float* scales, int64_t n,
                                             int64_t group) {
  for (int64_t p = 0; p < n; p += group)
    f32_quantize_asymmetric_wasmsimd(x + p, q + p, scales++, std::min(group, n - p));
  if (n % 2) q[n] = 0;
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(asymmetric_quantize_wasmsimd_cpp)
