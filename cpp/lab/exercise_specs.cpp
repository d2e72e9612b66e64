#include "lab/exercise_specs.h"

namespace lab {

const std::vector<ExerciseSpec>& exercise_specs() {
  static const std::vector<ExerciseSpec> specs = {
      {"f32_matmul_student_loops",
       "Compute C = A x B with the three loops in the order that walks memory with stride 1 in "
       "the innermost loop, so the compiler can vectorize it.",
       {"Write the textbook i-j-k first and check it: correctness before speed.",
        "In i-j-k the innermost loop walks B down a column, N floats apart. Which order makes "
        "the innermost index the last one of B[p][j] and C[i][j]?",
        "i-k-j: hold A[i][p] in a register and add A[i][p] * B[p][j] along row j of C. Zero C "
        "before the loops."},
       {"f32_matmul_ikj",
        0.5,
        {256, 256, 256, 0, 1},
        "measured ~0.9x at -O2 on AMD EPYC (Zen 5), Chromium 156; half leaves room for a "
        "slower machine, and i-j-k stays far below it"},
       false},
      {"f32_matmul_student_blocked",
       "Compute C = A x B tile by tile, so each tile of A, B and C is reused while it sits in "
       "cache; sizes need not be multiples of the block.",
       {"Six loops: three over tiles (step by block), three inside a tile.",
        "The last tile of each dimension is smaller: end each inner loop at min(start + block, "
        "size).",
        "Inside a tile, use the order that won the Loops lesson (i-k-j), and zero C once, "
        "before all the tiles."},
       {"f32_matmul_blocked",
        0.5,
        {512, 512, 512, 64, 1},
        "measured ~0.9x at -O2 on AMD EPYC (Zen 5), Chromium 156; half leaves room"},
       false},
      {"f32_relu_student_wasmsimd",
       "Compute y = max(x, 0) four floats at a time with SIMD128 intrinsics, finishing the last "
       "n % 4 elements one by one.",
       {"wasm_v128_load(x + i) reads four floats; wasm_v128_store(y + i, v) writes four.",
        "wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), v) is max(v, 0) in each lane.",
        "Loop while i + 4 <= n, then a scalar loop for what is left."},
       {"f32_relu_scalar",
        2.0,
        {1, 65536, 1, 0, 1},
        "measured ~4x at 64 Ki floats (in L2) on AMD EPYC (Zen 5), Chromium 156; twice the "
        "scalar loop leaves margin and the scalar loop itself stays at 1x"},
       true},
      {"f32_quantize_i8_student",
       "Quantize a vector to int8, symmetric and per tensor: scale = max|x| / 127, each code "
       "round(x / scale) clamped to [-127, 127].",
       {"Two passes: find max|x| first, then round each element.",
        "Guard the all-zero vector: use scale = 1 when max|x| is 0.",
        "std::nearbyint rounds to nearest; clamp before the cast to int8_t."},
       {"f32_quantize_i8_scalar",
        0.7,
        {1, 65536, 1, 0, 1},
        "measured ~1x for plain C at -O2 on AMD EPYC (Zen 5), Chromium 156; 0.7 leaves room"},
       false},
      {"f32_matmul_student_4x8",
       "Compute one 4 x 8 tile of C = A x B with eight f32x4 sums held in registers for the "
       "whole of K; the lab's loop nest calls it for every whole tile of C.",
       {"Keep the tile in eight v128_t: two per row of C, each four columns wide, all zero "
        "to start. Store them once, after the loop over p.",
        "Each step p loads row p of B once, two vectors: wasm_v128_load(b + p * ldb) and "
        "wasm_v128_load(b + p * ldb + 4). Each of A's four values A[r][p] is one "
        "wasm_v128_load32_splat(a + r * lda + p).",
        "Per row r: acc[r][0] = wasm_f32x4_add(acc[r][0], wasm_f32x4_mul(ar, b0)), and the "
        "same with b1 for acc[r][1]. Then store acc[r][0] at c + r * ldc and acc[r][1] four "
        "floats later."},
       {"f32_matmul_4x8_wasmsimd",
        0.6,
        {256, 256, 256, 128, 1},
        "provisional, to be measured in the page: compiled by the page's clang at -O2 and run "
        "in Node's V8 on a busy 2-core AMD EPYC (Zen 5), the SIMD128 tile in the lab's nest "
        "measured 0.6x to 1.6x this kernel at N = 256 (the spread is the machine's load) and a "
        "scalar tile 0.1x"},
       true},
      {"f32_gelu_student",
       "Compute GELU in one pass over memory: read each vector of x once, apply every step of "
       "the formula in registers, write y once.",
       {"The unfused kernel runs cube, scale_cubic, add, scale_sqrt_2_over_pi, fast_tanh, "
        "one_plus, half and mul (kernels/gelu/f32x4_gelu.h) as eight passes. Call the same "
        "steps, one after the other, on a v128_t.",
        "Inside one loop over i, step 4: v = wasm_v128_load(x + i); t = the argument of tanh "
        "from v; then wasm_v128_store(y + i, mul(k, v, half(k, one_plus(k, fast_tanh(k, "
        "t))))), with k = f32x4_gelu::constants() made once, before the loop.",
        "Finish the last n % 4 elements one at a time: 0.5f * v * (1.0f + std::tanh(kSqrt2OverPi "
        "* (v + kCubic * v * v * v)))."},
       {"f32_gelu_unfused_wasmsimd",
        1.2,
        {1, 1 << 24, 1, 0, 1},
        "provisional, to be measured in the page: at 16M floats (64 MB, beyond the caches, "
        "where the passes cost), compiled by the page's clang at -O2 and run in Node's V8 on a "
        "busy 2-core AMD EPYC (Zen 5), one SIMD128 pass measured 1.0x to 1.6x the unfused "
        "kernel, two passes through y 0.8x to 1.2x, the lab's fused kernel 1.6x to 2.2x, and "
        "one scalar pass with std::tanh 0.1x to 0.3x"},
       true},
      {"f32_matmul_bias_gelu_student",
       "Compute one layer, C = GELU(A x B + bias), with the product in 4 x 8 SIMD128 tiles and "
       "the bias and GELU applied to each tile in registers, so C is written once.",
       {"Start from exercise 5's tile: eight f32x4 sums over the whole of K, for every whole "
        "4 x 8 tile of C; the edges can be plain loops.",
        "Before storing a tile, add the bias: two vectors, wasm_v128_load(bias + j) and "
        "bias + j + 4, one to each half of every row.",
        "Then f32x4_gelu::gelu_each<8>(f32x4_gelu::constants(), &acc[0][0]) applies GELU to "
        "all eight vectors; make the constants once, before the loops. On the edges, the scalar "
        "formula with std::tanh is right."},
       {"f32_matmul_bias_gelu_separate_wasmsimd",
        0.5,
        {64, 2048, 512, 128, 1},
        "provisional, to be measured in the page: at the capstone FFN block's first layer "
        "(64 x 512 times 512 x 2048), compiled by the page's clang at -O2 and run in Node's V8 "
        "on a busy 2-core AMD EPYC (Zen 5), 4 x 8 SIMD128 tiles with the bias and GELU in "
        "registers measured 0.7x this kernel on one thread, and i-k-j followed by a bias pass "
        "and a GELU pass 0.3x"},
       true},
  };
  return specs;
}

const ExerciseSpec* exercise_spec(std::string_view kernel) {
  for (const ExerciseSpec& spec : exercise_specs())
    if (kernel == spec.kernel) return &spec;
  return nullptr;
}

}  // namespace lab
