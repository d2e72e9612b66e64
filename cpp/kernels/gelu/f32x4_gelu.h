// GELU's primitive steps on four floats at a time, shared by every GELU kernel
// and by the matmul epilogue. The fused and the unfused GELU apply exactly
// these functions in exactly this order, so their results are bit-identical:
// the algorithm is fixed here, and the kernels differ only in their schedule
// (Halide's split), that is, in whether the temporaries go to memory.
//
//   gelu(x) = x * 0.5 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
#pragma once

#include <wasm_simd128.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include "core/source_file.h"

namespace lab::f32x4_gelu {

// Internal linkage, like the matmul nest: each kernel file compiles its own
// copy with its own flags.
namespace {

constexpr float kCubic = 0.044715f;
constexpr float kSqrt2OverPi = 0.797884560802865f;

// tanh(t) rounds to +-1 in f32 once |t| passes about 9.01; clamping at 10
// keeps exp(2t) far from overflow and the function free of branches.
constexpr float kTanhClamp = 10.0f;
constexpr float kTwoLog2e = 2.885390081777927f;  // exp(2t) = 2^(t * 2 log2(e))
// Adding 1.5 * 2^23 rounds any |u| < 2^22 to the nearest integer, and leaves
// that integer in the low mantissa bits of the sum.
constexpr float kRoundMagic = 12582912.0f;
constexpr int32_t kRoundMagicBits = 0x4B400000;
// 2^f = e^r, r = f ln 2, on f in [-1/2, 1/2] by the [3/3] Pade approximant
// e^r ~ (E + O) / (E - O), E = 1 + r^2 / 10 and O = r / 2 + r^3 / 120, written
// in f: E = 1 + kPadeEven f^2, O = f (kPadeOdd1 + kPadeOdd3 f^2). Its relative
// error, about r^7 / 100800, is below 6e-9 for |r| <= ln(2) / 2.
constexpr float kPadeEven = 0.04804530139182014f;    // (ln 2)^2 / 10
constexpr float kPadeOdd1 = 0.34657359027997264f;    // ln 2 / 2
constexpr float kPadeOdd3 = 0.0027752054332410786f;  // (ln 2)^3 / 120

// The operations one tanh costs, counted as f32 arithmetic: the clamp's 2
// compares, 1 multiply, 3 adds for the rounding and the fraction, 1 multiply
// for f^2, 2 for E, 3 for O, then E + O, 1 multiply by 2^n, E - O, and the
// quotient's subtract, add and divide. The two integer operations that build
// 2^n are not counted.
constexpr double kTanhFlops = 18;
// GELU per element: the cube (2), 0.044715 t, x + t, sqrt(2/pi) t, tanh,
// 1 + t, 0.5 t and x t. Halving before the product with x, not after, keeps
// x (1 + tanh) from overflowing for x near the f32 maximum.
constexpr double kGeluFlops = 8 + kTanhFlops;

inline v128_t splat(float v) { return wasm_f32x4_splat(v); }

// Every constant of GELU as a vector, made once per kernel call and passed to
// each step: each use is then one load. Written as immediates inside the
// steps, they would be rebuilt wherever a step is inlined, which in the matmul
// epilogue means for every tile, in the middle of the GEMM's loops.
struct Constants {
  v128_t cubic, sqrt_2_over_pi, one, half, clamp, neg_clamp, two_log2e, round_magic, exponent_bias,
      pade_even, pade_odd1, pade_odd3;
};

inline Constants constants() {
  return {
      splat(kCubic),    splat(kSqrt2OverPi), splat(1.0f),
      splat(0.5f),      splat(kTanhClamp),   splat(-kTanhClamp),
      splat(kTwoLog2e), splat(kRoundMagic),  wasm_i32x4_splat(127 - kRoundMagicBits),
      splat(kPadeEven), splat(kPadeOdd1),    splat(kPadeOdd3),
  };
}

// The primitive steps, one each: the unfused kernel runs one pass per step.
// Lambdas rather than functions: each has its own type, so map() below is
// compiled once per step with the step inlined into its loop.
constexpr auto cube = [](const Constants&, v128_t x) {
  return wasm_f32x4_mul(wasm_f32x4_mul(x, x), x);
};
constexpr auto scale_cubic = [](const Constants& k, v128_t t) {
  return wasm_f32x4_mul(k.cubic, t);
};
constexpr auto add = [](const Constants&, v128_t x, v128_t t) { return wasm_f32x4_add(x, t); };
constexpr auto scale_sqrt_2_over_pi = [](const Constants& k, v128_t t) {
  return wasm_f32x4_mul(k.sqrt_2_over_pi, t);
};
constexpr auto one_plus = [](const Constants& k, v128_t t) { return wasm_f32x4_add(k.one, t); };
constexpr auto mul = [](const Constants&, v128_t x, v128_t t) { return wasm_f32x4_mul(x, t); };
constexpr auto half = [](const Constants& k, v128_t t) { return wasm_f32x4_mul(k.half, t); };

// tanh(t) = (e - 1) / (e + 1) with e = exp(2t) = 2^u, u = n + f, n = round(u).
// With 2^f = (E + O) / (E - O) (the Pade approximant above), A = 2^n (E + O)
// and B = E - O give tanh(t) = (A - B) / (A + B): one divide, no polynomial
// of high degree, no libm call and no branch, so it costs the same in every
// variant and vectorizes. Its error is measured in the tests
// (tests/cpp/test_gelu_kernels.cpp) and sets the operation's tolerance.
constexpr auto fast_tanh = [](const Constants& k, v128_t t) {
  // pmin/pmax: one x86 minps/maxps each (NaN inputs are not a concern here).
  t = wasm_f32x4_pmax(k.neg_clamp, wasm_f32x4_pmin(k.clamp, t));
  const v128_t u = wasm_f32x4_mul(t, k.two_log2e);
  const v128_t rounded = wasm_f32x4_add(u, k.round_magic);
  const v128_t n = wasm_f32x4_sub(rounded, k.round_magic);
  const v128_t f = wasm_f32x4_sub(u, n);
  const v128_t f2 = wasm_f32x4_mul(f, f);
  const v128_t even = wasm_f32x4_add(k.one, wasm_f32x4_mul(k.pade_even, f2));
  const v128_t odd =
      wasm_f32x4_mul(f, wasm_f32x4_add(k.pade_odd1, wasm_f32x4_mul(k.pade_odd3, f2)));
  // 2^n: the biased exponent n + 127 shifted into place. The low bits of
  // `rounded` hold n, so one integer add and one shift make it.
  const v128_t two_n = wasm_i32x4_shl(wasm_i32x4_add(rounded, k.exponent_bias), 23);
  const v128_t a = wasm_f32x4_mul(wasm_f32x4_add(even, odd), two_n);
  const v128_t b = wasm_f32x4_sub(even, odd);
  return wasm_f32x4_div(wasm_f32x4_sub(a, b), wasm_f32x4_add(a, b));
};

// All steps in registers, on N vectors at once: each step runs over all N
// before the next starts. The N chains are independent, so they overlap, and
// each constant is loaded once for all N. The matmul epilogue finishes a whole
// tile of sums this way. The same steps in the same order: the same bits.
template <size_t N>
void gelu_each(const Constants& k, v128_t* v) {
  v128_t t[N];
  const auto each = [&k](auto step, v128_t* out, const auto*... in) {
    for (size_t i = 0; i < N; ++i) out[i] = step(k, in[i]...);
  };
  each(cube, t, v);
  each(scale_cubic, t, t);
  each(add, t, v, t);
  each(scale_sqrt_2_over_pi, t, t);
  each(fast_tanh, t, t);
  each(one_plus, t, t);
  each(half, t, t);
  each(mul, v, v, t);
}

// One vector: the fused GELU.
constexpr auto gelu = [](const Constants& k, v128_t x) {
  gelu_each<1>(k, &x);
  return x;
};

// out[i] = step(in[i]...) over n elements, four at a time. The last n mod 4
// go through a 4-lane buffer, padded with zeros, so they take the very same
// vector code (the same bits) and nothing past n is read or written. `out`
// may be one of the inputs: each vector is loaded before it is stored.
template <class Step, class... In>
void map(float* out, int64_t n, const Constants& k, Step step, const In*... in) {
  int64_t i = 0;
  // Four independent vectors per iteration, so a short step still keeps
  // several loads in flight.
  for (; i + 16 <= n; i += 16)
    for (int64_t v = i; v < i + 16; v += 4)
      wasm_v128_store(out + v, step(k, wasm_v128_load(in + v)...));
  for (; i + 4 <= n; i += 4) wasm_v128_store(out + i, step(k, wasm_v128_load(in + i)...));
  if (i == n) return;
  const auto tail = [&](const float* p) {
    float lanes[4] = {};
    std::copy(p + i, p + n, lanes);
    return wasm_v128_load(lanes);
  };
  float result[4];
  wasm_v128_store(result, step(k, tail(in)...));
  std::copy(result, result + (n - i), out + i);
}

}  // namespace
}  // namespace lab::f32x4_gelu

LAB_SOURCE_HEADER(f32x4_gelu_h)
