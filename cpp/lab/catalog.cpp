#include "lab/catalog.h"

#include <algorithm>

#include "exercises/student_kernels.h"
#include "kernels/axpy/axpy.h"
#include "kernels/axpy/axpy_adapter.h"
#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32_gelu_adapter.h"
#include "kernels/i8_matmul/i8_matmul.h"
#include "kernels/i8_matmul/i8_matmul_adapter.h"
#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"
#include "kernels/matmul/f32_matmul_adapter.h"
#include "kernels/matmul/f32_matmul_blocked.h"
#include "kernels/matmul/f32_matmul_loop_orders.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_adapter.h"
#include "kernels/probe/probe.h"
#include "kernels/probe/probe_adapters.h"
#include "kernels/quantize/f32_quantize_i8.h"
#include "kernels/quantize/quantize_adapters.h"
#include "kernels/relu/f32_relu.h"
#include "kernels/relu/f32_relu_adapter.h"
#include "model/capstone_adapter.h"
#include "model/capstone_kernels.h"

namespace lab {

namespace {

constexpr const char* kLoopOrders = "cpp/kernels/matmul/f32_matmul_loop_orders.cpp";
constexpr const char* kReluC = "cpp/kernels/relu/f32_relu_c.cpp";
constexpr const char* kMatmul4x8C = "cpp/kernels/matmul/f32_matmul_4x8_c.cpp";
constexpr const char* kCapstone = "cpp/model/capstone_kernels.cpp";

std::vector<Kernel> build_catalog() {
  return {
      {"f32_matmul_ijk", "loops", "i-j-k",
       "The textbook order: a dot product per C element, walking B down a column (stride N).",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_ijk>},
      {"f32_matmul_ikj", "loops", "i-k-j",
       "Scales a row of B by one A element and adds it to a row of C: every access is stride 1.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_ikj>},
      {"f32_matmul_jik", "loops", "j-i-k",
       "A dot product per C element, C filled column by column; B is still walked down a column.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_jik>},
      {"f32_matmul_jki", "loops", "j-k-i",
       "Scales a column of A into a column of C: both walked with a large stride.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_jki>},
      {"f32_matmul_kij", "loops", "k-i-j",
       "Rank-1 updates of all of C, row by row: stride 1, but C streams through the cache K times.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_kij>},
      {"f32_matmul_kji", "loops", "k-j-i",
       "Rank-1 updates of all of C, column by column: large strides on A and C.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_kji>},
      {"f32_matmul_student_loops", "loops", "your loops",
       "Exercise 1: the loop order you predicted fastest, written by you.",
       "cpp/exercises/f32_matmul_student_loops.cpp", &kMatmulF32, {}, true,
       run_matmul<f32_matmul_student_loops>},
      {"f32_matmul_blocked", "blocking", "blocked i-k-j",
       "i-k-j run tile by tile, so each tile of A, B and C is reused while it is in cache.",
       "cpp/kernels/matmul/f32_matmul_blocked.cpp", &kMatmulF32, {Tunable::block}, false,
       run_matmul<f32_matmul_blocked>},
      {"f32_matmul_student_blocked", "blocking", "your blocked",
       "Exercise 2: tiled matmul, written by you.",
       "cpp/exercises/f32_matmul_student_blocked.cpp", &kMatmulF32, {Tunable::block}, true,
       run_matmul<f32_matmul_student_blocked>},
      {"f32_relu_scalar", "vectorization", "ReLU scalar",
       "The plain C loop compiled with the vectorizers off: one f32 compare and select per element.",
       kReluC, &kReluF32, {}, false, run_relu<f32_relu_scalar>},
      {"f32_relu_autovec", "vectorization", "ReLU auto-vectorized",
       "The same C loop, left to the compiler's vectorizer: four elements per instruction.",
       kReluC, &kReluF32, {}, false, run_relu<f32_relu_autovec>},
      {"f32_relu_wasmsimd", "vectorization", "ReLU SIMD128",
       "Written with wasm SIMD128 intrinsics: f32x4.pmax on four loads at a time.",
       "cpp/kernels/relu/f32_relu_wasmsimd.cpp", &kReluF32, {}, false,
       run_relu<f32_relu_wasmsimd>},
      {"f32_relu_student_wasmsimd", "vectorization", "your SIMD ReLU",
       "Exercise 3: ReLU with SIMD128 intrinsics, written by you.",
       "cpp/exercises/f32_relu_student_wasmsimd.cpp", &kReluF32, {}, true,
       run_relu<f32_relu_student_wasmsimd>},
      {"f32_matmul_4x8_scalar", "vectorization", "4x8 scalar",
       "A 4 x 8 tile of C kept in 32 accumulators, compiled with the vectorizers off.",
       kMatmul4x8C, &kMatmulF32, {Tunable::block}, false, run_matmul<f32_matmul_4x8_scalar>},
      {"f32_matmul_4x8_autovec", "vectorization", "4x8 auto-vectorized",
       "The same 4 x 8 C micro-kernel, left to the compiler's vectorizer.",
       kMatmul4x8C, &kMatmulF32, {Tunable::block}, false, run_matmul<f32_matmul_4x8_autovec>},
      {"f32_matmul_4x8_wasmsimd", "vectorization", "4x8 SIMD128",
       "The 4 x 8 tile as eight f32x4 accumulators, B rows loaded as vectors and A splatted; "
       "rows of C split over the thread pool.",
       "cpp/kernels/matmul/f32_matmul_4x8_wasmsimd.cpp", &kMatmulF32,
       {Tunable::block, Tunable::threads}, false, run_matmul<f32_matmul_4x8_wasmsimd>},
      {"f32_matmul_4x8_packed_wasmsimd", "roofline", "expert GEMM",
       "BLIS-style: packed panels of A and B, a 4 x 8 SIMD128 micro-kernel, blocks sized for "
       "L1 and L2, columns of C split over the thread pool.",
       "cpp/kernels/matmul/f32_matmul_4x8_packed_wasmsimd.cpp", &kMatmulF32, {Tunable::threads}, false,
       run_matmul_threaded<f32_matmul_4x8_packed_wasmsimd>},
      {"f32_gelu_unfused_wasmsimd", "fusion", "GELU unfused",
       "One SIMD128 pass per step of GELU, as a framework runs it op by op: every temporary is "
       "written to memory and read back by the next pass.",
       "cpp/kernels/gelu/f32_gelu_unfused_wasmsimd.cpp", &kGeluF32, {}, false,
       run_gelu<f32_gelu_unfused_wasmsimd>, &kGeluUnfusedTraffic},
      {"f32_gelu_fused_wasmsimd", "fusion", "GELU fused",
       "The same steps in one SIMD128 pass, all in registers: x read once, y written once.",
       "cpp/kernels/gelu/f32_gelu_fused_wasmsimd.cpp", &kGeluF32, {}, false,
       run_gelu<f32_gelu_fused_wasmsimd>},
      {"f32_matmul_bias_gelu_separate_wasmsimd", "fusion", "GEMM, bias, GELU",
       "The 4x8 SIMD128 GEMM, then a bias pass and a GELU pass, each reading and rewriting C.",
       "cpp/kernels/matmul_bias_gelu/f32_matmul_bias_gelu_separate_wasmsimd.cpp", &kMatmulBiasGeluF32,
       {Tunable::block, Tunable::threads}, false,
       run_matmul_bias_gelu<f32_matmul_bias_gelu_separate_wasmsimd>,
       &kMatmulBiasGeluSeparateTraffic},
      {"f32_matmul_bias_gelu_4x8_wasmsimd", "fusion", "GEMM + epilogue",
       "The 4x8 SIMD128 GEMM with bias and GELU in its epilogue, applied to each tile of sums "
       "in registers before C is stored.",
       "cpp/kernels/matmul_bias_gelu/f32_matmul_bias_gelu_4x8_wasmsimd.cpp", &kMatmulBiasGeluF32,
       {Tunable::block, Tunable::threads}, false,
       run_matmul_bias_gelu<f32_matmul_bias_gelu_4x8_wasmsimd>},
      {"f32_quantize_i8_scalar", "quantization", "quantize scalar",
       "max|x|, then round and clamp one value at a time, compiled with the vectorizers off.",
       "cpp/kernels/quantize/f32_quantize_i8_scalar.cpp", &kQuantizeF32I8, {}, false,
       run_quantize<f32_quantize_i8_scalar>},
      {"f32_quantize_i8_wasmsimd", "quantization", "quantize SIMD128",
       "max|x| four lanes at a time, then 16 codes per step: f32x4.nearest, a saturating "
       "convert and two narrows into one 16-byte store.",
       "cpp/kernels/quantize/f32_quantize_i8_wasmsimd.cpp", &kQuantizeF32I8, {}, false,
       run_quantize<f32_quantize_i8_wasmsimd>},
      {"f32_quantize_i8_student", "quantization", "your quantize",
       "Exercise 4: per-tensor int8 quantization, written by you.",
       "cpp/exercises/f32_quantize_i8_student.cpp", &kQuantizeF32I8, {}, true,
       run_quantize<f32_quantize_i8_student>},
      {"i8_dequantize_f32_wasmsimd", "quantization", "dequantize SIMD128",
       "16 codes per load, widened to i32, converted and multiplied by the scale.",
       "cpp/kernels/quantize/i8_dequantize_f32_wasmsimd.cpp", &kDequantizeI8F32, {}, false,
       run_dequantize<i8_dequantize_f32_wasmsimd>},
      {"i8_matmul_scalar", "quantization", "int8 scalar",
       "i-k-j over int8 codes into an int32 row of sums, scaled once per element; compiled "
       "with the vectorizers off.",
       "cpp/kernels/i8_matmul/i8_matmul_scalar.cpp", &kMatmulI8, {}, false,
       run_i8_matmul<i8_matmul_scalar>},
      {"i8_matmul_4x8_wasmsimd", "quantization", "int8 4x8 SIMD128",
       "A 4 x 8 tile of int32 sums fed by i32x4.dot_i16x8_s (eight multiply-adds per "
       "instruction) from block-sized i16 panels; dequantized in registers; rows split over "
       "the thread pool.",
       "cpp/kernels/i8_matmul/i8_matmul_4x8_wasmsimd.cpp", &kMatmulI8,
       {Tunable::block, Tunable::threads}, false, run_i8_matmul<i8_matmul_4x8_wasmsimd>},
      {"f32_axpy_wasmsimd", "precision", "f32 axpy",
       "z = a x + y on f32 vectors with SIMD128: 12 bytes moved per element.",
       "cpp/kernels/axpy/f32_axpy_wasmsimd.cpp", &kAxpyF32, {}, false,
       run_axpy<F32AxpyProblem, f32_axpy_wasmsimd>},
      {"bf16_axpy_wasmsimd", "precision", "bf16 axpy",
       "The same axpy on bf16 vectors, widened to f32 by a shift and rounded back with integer "
       "SIMD: 6 bytes moved per element.",
       "cpp/kernels/axpy/bf16_axpy_wasmsimd.cpp", &kAxpyBf16, {}, false,
       run_axpy<Bf16AxpyProblem, bf16_axpy_wasmsimd>},
      {"f32_mul_add_13chains_wasmsimd", "roofline", "mul+add ceiling",
       "13 independent chains of f32x4.mul then f32x4.add, all in registers: as much arithmetic "
       "per cycle as the core issues, no memory traffic; groups of lanes spread over threads.",
       "cpp/kernels/probe/f32_mul_add_13chains_wasmsimd.cpp", &kMulAddF32, {Tunable::threads},
       false, run_mul_add<f32_mul_add_13chains_wasmsimd>},
      {"f32_triad_wasmsimd", "roofline", "triad bandwidth",
       "The STREAM triad a = b + s c with SIMD128, each thread on its own run of cache lines: "
       "far beyond the caches, memory sets its speed.",
       "cpp/kernels/probe/f32_triad_wasmsimd.cpp", &kTriadF32, {Tunable::threads}, false,
       run_triad<f32_triad_wasmsimd>},
      {"ffn_block_naive", "capstone", "FFN naive",
       "The feed-forward block on the naive backend: i-j-k GEMMs, a scalar loop for bias and "
       "GELU, one thread.",
       kCapstone, &kFfnBlock, {}, false,
       run_model<model::FfnProblem, model::ffn_block_naive>},
      {"ffn_block_optimized", "capstone", "FFN optimized",
       "The feed-forward block on the optimized backend: the expert GEMM of lesson 8 on every "
       "thread, then one SIMD pass for bias and GELU.",
       kCapstone, &kFfnBlock, {Tunable::threads}, false,
       run_model<model::FfnProblem, model::ffn_block_optimized>},
      {"ffn_block_int8", "capstone", "FFN int8",
       "The feed-forward block on the int8 backend: activations quantized per row and group "
       "of 32 (asymmetric), the grouped int8 SIMD128 GEMM on weights quantized and packed "
       "ahead of time, bias and GELU in f32.",
       kCapstone, &kFfnBlock, {Tunable::threads}, false,
       run_model<model::FfnProblem, model::ffn_block_int8>, &kFfnBlockInt8Traffic},
      {"conv2d_im2col_naive", "capstone", "conv2d naive",
       "im2col, then the GEMM on the naive backend: i-j-k loops and a scalar bias loop.",
       kCapstone, &kConv2dIm2col, {}, false,
       run_model<model::ConvProblem, model::conv2d_im2col_naive>},
      {"conv2d_im2col_optimized", "capstone", "conv2d optimized",
       "im2col, then the expert GEMM of lesson 8 and a SIMD bias pass.",
       kCapstone, &kConv2dIm2col, {Tunable::threads}, false,
       run_model<model::ConvProblem, model::conv2d_im2col_optimized>},
      {"conv2d_im2col_int8", "capstone", "conv2d int8",
       "im2col, then the im2col matrix quantized per row and group of 32 and the grouped int8 "
       "SIMD128 GEMM on filters quantized and packed ahead of time, bias in f32.",
       kCapstone, &kConv2dIm2col, {Tunable::threads}, false,
       run_model<model::ConvProblem, model::conv2d_im2col_int8>, &kConv2dIm2colInt8Traffic},
  };
}

// The block sizes the ladder runs with: the blocking lesson's tile that fits
// three tiles in L2, and the SIMD kernel's panel.
constexpr int64_t kLadderBlock = 64;
constexpr int64_t kLadderSimdBlock = 128;

std::vector<LadderStep> build_ladder() {
  using T = LadderStep::Threads;
  return {
      {"naive i-j-k", "The textbook loop: each C element a dot product, B walked down a column.",
       {"f32_matmul_ijk"}, T::one},
      {"best loop order",
       "Reordering the loops makes the innermost one walk B and C along rows, so every cache line "
       "fetched is used whole.",
       {"f32_matmul_ikj", "f32_matmul_kij"}, T::one},
      {"cache blocked",
       "Working tile by tile reuses each tile of A, B and C while it is still in cache instead of "
       "streaming whole matrices through it.",
       {"f32_matmul_blocked"}, T::one, kLadderBlock},
      {"SIMD",
       "A 4 x 8 tile of C held in eight f32x4 registers does four multiply-adds per instruction and "
       "loads each value once per tile.",
       {"f32_matmul_4x8_wasmsimd"}, T::one, kLadderSimdBlock},
      {"threads", "The same SIMD kernel with the rows of C split over every core.",
       {"f32_matmul_4x8_wasmsimd"}, T::all, kLadderSimdBlock},
      {"expert",
       "Packed panels, blocks sized for each cache level and edges padded to whole tiles keep the "
       "4 x 8 micro-kernel fed from L1 at every size, on every core.",
       {"f32_matmul_4x8_packed_wasmsimd"}, T::all},
      {"int8",
       "Codes a quarter the size of f32, and i32x4.dot_i16x8_s does eight multiply-adds per "
       "instruction, in int32 sums that are exact.",
       {"i8_matmul_4x8_wasmsimd"}, T::all, kLadderSimdBlock},
  };
}

}  // namespace

const std::vector<LadderStep>& ladder() {
  static const std::vector<LadderStep> steps = build_ladder();
  return steps;
}

const char* ladder_threads_name(LadderStep::Threads threads) {
  return threads == LadderStep::Threads::all ? "all" : "one";
}

const std::vector<Kernel>& catalog() {
  static const std::vector<Kernel> kernels = build_catalog();
  return kernels;
}

const Kernel* find_kernel(std::string_view name) {
  for (const Kernel& k : catalog())
    if (name == k.name) return &k;
  return nullptr;
}

double bytes_moved(const Kernel& kernel, const Shape& shape) {
  return kernel.traffic ? kernel.traffic->bytes(shape) : kernel.op->bytes(shape);
}

const char* bytes_formula(const Kernel& kernel) {
  return kernel.traffic ? kernel.traffic->formula : kernel.op->bytes_formula;
}

bool takes(const Kernel& kernel, Tunable tunable) {
  return std::find(kernel.tunables.begin(), kernel.tunables.end(), tunable) != kernel.tunables.end();
}

const char* tunable_name(Tunable t) {
  switch (t) {
    case Tunable::block: return "block";
    case Tunable::threads: return "threads";
  }
  return "";
}

}  // namespace lab
