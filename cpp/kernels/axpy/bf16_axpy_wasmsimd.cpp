// bf16 axpy with SIMD128: eight bf16 per v128 load, widened to two f32x4,
// computed in f32, rounded back to bf16 with integer operations. Half the
// bytes of the f32 kernel for the same arithmetic, plus the conversions.
#include <wasm_simd128.h>

#include "kernels/axpy/axpy.h"
#include "kernels/convert/bf16_convert.h"

namespace lab {

namespace {

// bf16 -> f32 is exact: each 16-bit lane, zero-extended to 32 bits and
// shifted up by 16, is the f32 with those top bits.
v128_t widen_low(v128_t h) { return wasm_i32x4_shl(wasm_u32x4_extend_low_u16x8(h), 16); }
v128_t widen_high(v128_t h) { return wasm_i32x4_shl(wasm_u32x4_extend_high_u16x8(h), 16); }

// f32 -> bf16 in each lane, the integer trick of f32_to_bf16: add 0x7FFF plus
// the lowest kept bit, keep the top 16 bits. NaN lanes are selected apart, so
// a NaN stays a quiet NaN instead of being rounded into inf or a wrong sign.
// The result is in the low 16 bits of each 32-bit lane.
v128_t round_to_bf16(v128_t f) {
  const v128_t lsb = wasm_v128_and(wasm_u32x4_shr(f, 16), wasm_i32x4_splat(1));
  const v128_t rounded = wasm_i32x4_add(wasm_i32x4_add(f, wasm_i32x4_splat(0x7FFF)), lsb);
  const v128_t quiet_nan = wasm_v128_or(f, wasm_i32x4_splat(0x00400000));
  const v128_t is_nan = wasm_f32x4_ne(f, f);
  return wasm_u32x4_shr(wasm_v128_bitselect(quiet_nan, rounded, is_nan), 16);
}

}  // namespace

void bf16_axpy_wasmsimd(float a, const uint16_t* x, const uint16_t* y, uint16_t* z, int64_t n) {
  const v128_t va = wasm_f32x4_splat(a);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t hx = wasm_v128_load(x + i), hy = wasm_v128_load(y + i);
    const v128_t lo = wasm_f32x4_add(wasm_f32x4_mul(va, widen_low(hx)), widen_low(hy));
    const v128_t hi = wasm_f32x4_add(wasm_f32x4_mul(va, widen_high(hx)), widen_high(hy));
    // Each lane is at most 0xFFFF, so the saturating narrow keeps it as is.
    wasm_v128_store(z + i, wasm_u16x8_narrow_i32x4(round_to_bf16(lo), round_to_bf16(hi)));
  }
  for (; i < n; ++i) z[i] = f32_to_bf16(a * bf16_to_f32(x[i]) + bf16_to_f32(y[i]));
}

}  // namespace lab
