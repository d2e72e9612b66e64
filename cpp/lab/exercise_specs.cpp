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
        "measured: an i-k-j solution 1.27x, the textbook i-j-k 0.14x, at -O2 on AMD EPYC (Zen "
        "5), Chromium 156; half keeps a wide margin either side"},
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
        {256, 256, 256, 32, 1},
        "measured at N = 512, block 64: a tiled i-k-j solution 1.04x, i-j-k ignoring the block "
        "0.22x, on AMD EPYC (Zen 5), Chromium 156; half keeps a 2x margin either side"},
       false},
      {"f32_relu_student_wasmsimd",
       "Compute y = max(x, 0) four floats at a time with SIMD128 intrinsics, finishing the last "
       "n % 4 elements one by one.",
       {"wasm_v128_load(x + i) reads four floats; wasm_v128_store(y + i, v) writes four.",
        "wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), v) is max(v, 0) in each lane.",
        "Loop while i + 4 <= n, then a scalar loop for what is left."},
       {"f32_relu_scalar",
        3.0,
        {1, 65536, 1, 0, 1},
        "measured 87x for a SIMD128 solution and 1.1x for a scalar one at 64 Ki floats on AMD "
        "EPYC (Zen 5), Chromium 156 (the scalar reference branches on random signs); 3x keeps "
        "a wide margin on a slower machine and still fails any scalar loop"},
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
        "measured 1.33x for a plain C solution at -O2 on AMD EPYC (Zen 5), Chromium 156; 0.7 "
        "leaves room for a slower machine"},
       false},
      {"f32_matmul_student_threads",
       "Give each thread an even share of the rows of C: together the ranges cover every row "
       "once, and no thread gets more than one row more than another.",
       {"Thread t of T gets about rows / T rows; start with rows % threads == 0 and check it.",
        "When rows % threads != 0, rounding rows / threads down leaves the last rows to "
        "nobody; the ranges must meet: thread t's end is thread t + 1's begin.",
        "*begin = thread * rows / threads and *end = (thread + 1) * rows / threads: products "
        "first, then the division, so the remainder is spread and the last end is rows."},
       {"f32_matmul_4x8_wasmsimd_even_split",
        0.75,
        {512, 512, 512, 0, 0},
        "measured in the page on AMD EPYC (Zen 5), 2 threads, Chromium 156: an even split "
        "0.84x to 1.20x in 30 regrades (median about 1.0x), all rows on one thread 0.53x to "
        "0.63x in three runs; 0.75 sits between them, and on more cores one thread falls "
        "further, to about 1 / threads"},
       false},
      {"i8_matmul_student",
       "Multiply the int8 codes with int32 sums in a loop order that walks B along its rows, "
       "and apply the row and column scales once per element of C.",
       {"Sum in int32_t: 127 x 127 = 16129, so an int16 sum overflows after three terms.",
        "i-j-k walks B down a column, N bytes apart. Keep a small int32 row of sums on the "
        "stack and add a[i][p] * b[p][j] along j, i-k-j, as the f32 Loops lesson did.",
        "For each row i and each block of up to 64 columns: zero int32_t sums[64], loop p, "
        "then j inside the block; then c[i][j] = float(sums[j]) * (scale_a[i] * scale_b[j])."},
       {"i8_matmul_scalar",
        1.5,
        {256, 256, 256, 0, 1},
        "measured in the page on AMD EPYC (Zen 5), Chromium 156: an i-k-j solution with int32 "
        "row sums 3.75x (the reference is compiled with its vectorizers off), an i-j-k one "
        "0.92x; 1.5x asks for the loop order that vectorizes, with a wide margin"},
       false},
      {"f32_round_bf16_student",
       "Round each f32 to the nearest bf16, ties to even, by integer arithmetic on its bits; "
       "the largest floats round to infinity and a NaN stays a NaN.",
       {"std::memcpy a float into a uint32_t; the bf16 is its top 16 bits, rounded by the "
        "low 16.",
        "Adding 0x7FFF carries into bit 16 exactly when the low half is above 0x8000; add one "
        "more when bit 16 is already 1, so a tie rounds to even.",
        "Check NaN first: (u & 0x7FFFFFFF) > 0x7F800000. Return (u >> 16) | 0x40 for it, "
        "else (u + 0x7FFF + ((u >> 16) & 1)) >> 16."},
       {"f32_round_bf16_scalar",
        0.7,
        {1, 1 << 20, 1, 0, 1},
        "measured in the page on AMD EPYC (Zen 5), Chromium 156: a plain C solution 1.48x the "
        "reference, whose vectorizers are off; 0.7 leaves room for a slower machine"},
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
        "measured in the page on AMD EPYC (Zen 5), Chromium 156: a SIMD128 tile 0.94x the lab "
        "kernel, a scalar tile 0.11x; 0.6 leaves a wide margin either side"},
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
       {"f32_gelu_fused_wasmsimd",
        0.7,
        {1, 1 << 22, 1, 0, 1},
        "measured in the page on AMD EPYC (Zen 5), Chromium 156, at 4M floats (16 MB, past "
        "the L2), against the fused kernel that interleaves four vectors' steps: one pass with "
        "the f32x4 steps, a vector at a time, 0.98x and 0.92x in two runs (rounds 0.84 to "
        "1.05), a scalar pass with std::tanh 0.06x. One pass per step measured 0.65x to 0.77x "
        "with the old, costlier tanh, so on a machine with this much bandwidth no bar tells it "
        "reliably from a fused pass: 0.7 lets a correct one-pass kernel clear it with margin"},
       true},
      {"f32_matmul_bias_gelu_student",
       "Compute one layer, C = GELU(A x B + bias), with the product in 4 x 8 SIMD128 tiles and "
       "the bias and GELU applied to each tile in registers, so C is written once.",
       {"Start from the Vectorization lesson's 4 x 8 tile: eight f32x4 sums over the whole of K, "
        "for every whole "
        "4 x 8 tile of C; the edges can be plain loops.",
        "Before storing a tile, add the bias: two vectors, wasm_v128_load(bias + j) and "
        "bias + j + 4, one to each half of every row.",
        "Then f32x4_gelu::gelu_each<8>(f32x4_gelu::constants(), &acc[0][0]) applies GELU to "
        "all eight vectors; make the constants once, before the loops. On the edges, the scalar "
        "formula with std::tanh is right."},
       {"f32_matmul_bias_gelu_separate_wasmsimd",
        0.85,
        {64, 2048, 512, 128, 1},
        "measured in the page on AMD EPYC (Zen 5), Chromium 156, one thread: 4x8 SIMD128 tiles "
        "with bias and GELU in registers 1.02x, an i-k-j product then a bias pass and a GELU "
        "pass 0.66x (rounds 0.60 to 0.72); 0.85 sits between them"},
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
