// bf16 axpy with SIMD128: eight bf16 per v128 load, widened to two f32x4 (the
// even and the odd elements), computed in f32, rounded back to bf16 with
// integer operations. Half the bytes of the f32 kernel for the same
// arithmetic, plus the conversions.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "kernels/axpy/axpy.h"
#include "kernels/convert/bf16_convert.h"

namespace lab {

namespace {

// A 32-bit lane of a bf16 vector holds two elements: the even one in its low
// half, the odd one in its high half. Each becomes an f32 without moving
// across lanes (no shuffle): bf16 -> f32 is exact, the 16 bits placed on top
// of 16 zero bits.
v128_t widen_even(v128_t h) { return wasm_i32x4_shl(h, 16); }
v128_t widen_odd(v128_t h) { return wasm_v128_and(h, wasm_i32x4_splat(0xFFFF0000)); }

// f32 -> bf16 in each lane, the integer trick of f32_to_bf16: add 0x7FFF plus
// the lowest kept bit; the top 16 bits are the result. NaN lanes are selected
// apart, so a NaN stays a quiet NaN instead of rounding into inf.
v128_t round_to_bf16(v128_t f) {
  const v128_t lsb = wasm_v128_and(wasm_u32x4_shr(f, 16), wasm_i32x4_splat(1));
  const v128_t rounded = wasm_i32x4_add(wasm_i32x4_add(f, wasm_i32x4_splat(0x7FFF)), lsb);
  const v128_t quiet_nan = wasm_v128_or(f, wasm_i32x4_splat(0x00400000));
  return wasm_v128_bitselect(quiet_nan, rounded, wasm_f32x4_ne(f, f));
}

}  // namespace

void bf16_axpy_wasmsimd(float a, const uint16_t* x, const uint16_t* y, uint16_t* z, int64_t n) {
  const v128_t va = wasm_f32x4_splat(a);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t hx = wasm_v128_load(x + i), hy = wasm_v128_load(y + i);
    const v128_t even = wasm_f32x4_add(wasm_f32x4_mul(va, widen_even(hx)), widen_even(hy));
    const v128_t odd = wasm_f32x4_add(wasm_f32x4_mul(va, widen_odd(hx)), widen_odd(hy));
    // Back into place: the even results' top halves down to the low halves,
    // the odd results' top halves where they are.
    wasm_v128_store(z + i, wasm_v128_or(wasm_u32x4_shr(round_to_bf16(even), 16),
                                        widen_odd(round_to_bf16(odd))));
  }
  for (; i < n; ++i) z[i] = f32_to_bf16(a * bf16_to_f32(x[i]) + bf16_to_f32(y[i]));
}

}  // namespace lab

LAB_SOURCE_DEFINE(bf16_axpy_wasmsimd_cpp)
