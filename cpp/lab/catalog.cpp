#include "lab/catalog.h"

#include <algorithm>
#include <list>
#include <string>
#include <utility>

#include "core/stats.h"
#include "core/thread_pool.h"
#include "core/timing.h"
#include "exercises/f32_matmul_4x8_tiles.h"
#include "exercises/student_kernels.h"
#include "kernels/axpy/axpy.h"
#include "kernels/axpy/axpy_adapter.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f32_round_bf16.h"
#include "kernels/convert/f32_round_bf16_adapter.h"
#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32_gelu_adapter.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "kernels/i8_matmul/i16_pairs_wasmsimd.h"
#include "kernels/i8_matmul/i8_matmul.h"
#include "kernels/i8_matmul/i8_matmul_adapter.h"
#include "kernels/i8_matmul/i8_matmul_grouped.h"
#include "kernels/matmul/f32_matmul_4x8.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_loops.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_packing.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_4x8_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_adapter.h"
#include "kernels/matmul/f32_matmul_blocked.h"
#include "kernels/matmul/f32_matmul_loop_orders.h"
#include "kernels/matmul/f32_matmul_register_blocked.h"
#include "kernels/matmul/f32_matmul_row_split.h"
#include "kernels/matmul/f32_matmul_split_adapter.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_adapter.h"
#include "kernels/probe/probe.h"
#include "kernels/probe/probe_adapters.h"
#include "kernels/quantize/f32_quantize_i8.h"
#include "kernels/quantize/quantize_adapters.h"
#include "kernels/quantize/symmetric_quantize.h"
#include "kernels/relu/f32_relu.h"
#include "kernels/relu/f32_relu_adapter.h"
#include "model/asymmetric_quantize.h"
#include "model/backend.h"
#include "model/bias_act_wasmsimd.h"
#include "model/capstone_adapter.h"
#include "model/capstone_kernels.h"
#include "model/conv2d_im2col.h"
#include "model/ffn_block.h"

namespace lab {

namespace {

std::vector<Kernel> build_catalog() {
  return {
      {"f32_matmul_ijk",
       "loops",
       "i-j-k",
       {DType::f32, Variant::autovec, Role::naive},
       "The textbook order: a dot product per C element, walking B down a column (stride N).",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_ijk>},
      {"f32_matmul_ikj",
       "loops",
       "i-k-j",
       {DType::f32, Variant::autovec, Role::loop_order},
       "Scales a row of B by one A element and adds it to a row of C: every access is stride 1.",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_ikj>},
      {"f32_matmul_jik",
       "loops",
       "j-i-k",
       {DType::f32, Variant::autovec, Role::loop_order},
       "A dot product per C element, C filled column by column; B is still walked down a column.",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_jik>},
      {"f32_matmul_jki",
       "loops",
       "j-k-i",
       {DType::f32, Variant::autovec, Role::loop_order},
       "Scales a column of A into a column of C: both walked with a large stride.",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_jki>},
      {"f32_matmul_kij",
       "loops",
       "k-i-j",
       {DType::f32, Variant::autovec, Role::loop_order},
       "Rank-1 updates of all of C, row by row: stride 1, but C streams through the cache K times.",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_kij>},
      {"f32_matmul_kji",
       "loops",
       "k-j-i",
       {DType::f32, Variant::autovec, Role::loop_order},
       "Rank-1 updates of all of C, column by column: large strides on A and C.",
       source::f32_matmul_loop_orders_cpp,
       {},
       &kMatmulF32,
       {},
       false,
       run_matmul<f32_matmul_kji>},
      {"f32_matmul_student_loops",
       "loops",
       "your loops",
       {DType::f32, Variant::autovec, Role::exercise},
       "Exercise: the loop order you predicted fastest, written by you.",
       source::f32_matmul_student_loops_cpp,
       {},
       &kMatmulF32,
       {},
       true,
       run_matmul<f32_matmul_student_loops>},
      {"f32_matmul_blocked",
       "blocking",
       "blocked i-k-j",
       {DType::f32, Variant::autovec, Role::blocked},
       "i-k-j run tile by tile, so each tile of A, B and C is reused while it is in cache.",
       source::f32_matmul_blocked_cpp,
       {},
       &kMatmulF32,
       {Tunable::block},
       false,
       run_matmul<f32_matmul_blocked>},
      {"f32_matmul_student_blocked",
       "blocking",
       "your blocked",
       {DType::f32, Variant::autovec, Role::exercise},
       "Exercise: tiled matmul, written by you.",
       source::f32_matmul_student_blocked_cpp,
       {},
       &kMatmulF32,
       {Tunable::block},
       true,
       run_matmul<f32_matmul_student_blocked>},
      {"f32_relu_scalar",
       "vectorization",
       "ReLU scalar",
       {DType::f32, Variant::scalar, Role::elementwise},
       "The plain C loop compiled with the vectorizers off: one f32 compare and select per "
       "element.",
       source::f32_relu_c_cpp,
       {},
       &kReluF32,
       {},
       false,
       run_relu<f32_relu_scalar>},
      {"f32_relu_autovec",
       "vectorization",
       "ReLU auto-vectorized",
       {DType::f32, Variant::autovec, Role::elementwise},
       "The same C loop, left to the compiler's vectorizer: where it vectorizes, four elements per "
       "instruction.",
       source::f32_relu_c_cpp,
       {},
       &kReluF32,
       {},
       false,
       run_relu<f32_relu_autovec>},
      {"f32_relu_wasmsimd",
       "vectorization",
       "ReLU SIMD128",
       {DType::f32, Variant::simd128, Role::elementwise},
       "Written with wasm SIMD128 intrinsics: f32x4.pmax on four loads at a time.",
       source::f32_relu_wasmsimd_cpp,
       {},
       &kReluF32,
       {},
       false,
       run_relu<f32_relu_wasmsimd>},
      {"f32_relu_student_wasmsimd",
       "vectorization",
       "your SIMD ReLU",
       {DType::f32, Variant::simd128, Role::exercise},
       "Exercise: ReLU with SIMD128 intrinsics, written by you.",
       source::f32_relu_student_wasmsimd_cpp,
       {},
       &kReluF32,
       {},
       true,
       run_relu<f32_relu_student_wasmsimd>},
      {"f32_matmul_4x8_scalar",
       "vectorization",
       "4x8 scalar",
       {DType::f32, Variant::scalar, Role::register_blocked},
       "A 4 x 8 tile of C kept in 32 accumulators, compiled with the vectorizers off.",
       source::f32_matmul_4x8_c_cpp,
       {source::f32_matmul_register_blocked_h},
       &kMatmulF32,
       {Tunable::block},
       false,
       run_matmul<f32_matmul_4x8_scalar>},
      {"f32_matmul_4x8_autovec",
       "vectorization",
       "4x8 auto-vectorized",
       {DType::f32, Variant::autovec, Role::register_blocked},
       "The same 4 x 8 C micro-kernel, left to the compiler's vectorizer.",
       source::f32_matmul_4x8_c_cpp,
       {source::f32_matmul_register_blocked_h},
       &kMatmulF32,
       {Tunable::block},
       false,
       run_matmul<f32_matmul_4x8_autovec>},
      {"f32_matmul_4x8_wasmsimd",
       "vectorization",
       "4x8 SIMD128",
       {DType::f32, Variant::simd128, Role::register_blocked},
       "The 4 x 8 tile as eight f32x4 accumulators, B rows loaded as vectors and A splatted; "
       "rows of C split over the thread pool.",
       source::f32_matmul_4x8_wasmsimd_cpp,
       {source::f32_matmul_4x8_wasmsimd_tile_h, source::f32_matmul_register_blocked_h,
        source::thread_pool_h},
       &kMatmulF32,
       {Tunable::block, Tunable::threads},
       false,
       run_matmul<f32_matmul_4x8_wasmsimd>},
      {"f32_matmul_student_4x8",
       "vectorization",
       "your 4x8 SIMD128",
       {DType::f32, Variant::simd128, Role::exercise},
       "Exercise: the 4 x 8 micro-kernel with SIMD128 intrinsics, written by you, in the "
       "lab's loop nest.",
       source::f32_matmul_student_4x8_cpp,
       {source::f32_matmul_4x8_tiles_h},
       &kMatmulF32,
       {},
       true,
       run_matmul<tiles_4x8::matmul<f32_matmul_student_4x8>>},
      {"f32_matmul_4x8_packed_wasmsimd",
       "roofline",
       "expert GEMM",
       {DType::f32, Variant::simd128, Role::expert},
       "BLIS-style: packed panels of A and B, a 4 x 8 SIMD128 micro-kernel, blocks sized for "
       "L1 and L2, columns of C split over the thread pool. A product too small for packing to pay "
       "(square N < 128) runs lesson 3's kernel on A and B as they are, and a call runs on no more "
       "threads than get 2^19 multiply-adds each: asked for 2 threads at N = 100, it runs 1.",
       source::f32_matmul_4x8_packed_wasmsimd_cpp,
       {source::f32_matmul_4x8_packed_wasmsimd_packing_h,
        source::f32_matmul_4x8_packed_wasmsimd_tile_h,
        source::f32_matmul_4x8_packed_wasmsimd_loops_h, source::thread_pool_h},
       &kMatmulF32,
       {Tunable::threads},
       false,
       run_matmul_threaded<f32_matmul_4x8_packed_wasmsimd>},
      {"f32_gelu_unfused_wasmsimd",
       "fusion",
       "GELU unfused",
       {DType::f32, Variant::simd128, Role::unfused},
       "One SIMD128 pass per step of GELU, as a framework runs it op by op: every temporary is "
       "written to memory and read back by the next pass.",
       source::f32_gelu_unfused_wasmsimd_cpp,
       {source::f32x4_gelu_h},
       &kGeluF32,
       {},
       false,
       run_gelu<f32_gelu_unfused_wasmsimd>,
       &kGeluUnfusedTraffic},
      {"f32_gelu_fused_wasmsimd",
       "fusion",
       "GELU fused",
       {DType::f32, Variant::simd128, Role::fused},
       "The same steps in one SIMD128 pass, all in registers: x read once, y written once.",
       source::f32_gelu_fused_wasmsimd_cpp,
       {source::f32x4_gelu_h},
       &kGeluF32,
       {},
       false,
       run_gelu<f32_gelu_fused_wasmsimd>},
      {"f32_gelu_student",
       "fusion",
       "your fused GELU",
       {DType::f32, Variant::simd128, Role::exercise},
       "Exercise: GELU in one pass over memory, written by you.",
       source::f32_gelu_student_cpp,
       {source::f32x4_gelu_h},
       &kGeluF32,
       {},
       true,
       run_gelu<f32_gelu_student>},
      {"f32_matmul_bias_gelu_separate_wasmsimd",
       "fusion",
       "GEMM, bias, GELU",
       {DType::f32, Variant::simd128, Role::unfused},
       "The 4x8 SIMD128 GEMM, then a bias pass and a GELU pass, each reading and rewriting C.",
       source::f32_matmul_bias_gelu_separate_wasmsimd_cpp,
       {source::f32x4_gelu_h, source::f32_matmul_4x8_wasmsimd_tile_h,
        source::f32_matmul_register_blocked_h},
       &kMatmulBiasGeluF32,
       {Tunable::block, Tunable::threads},
       false,
       run_matmul_bias_gelu<f32_matmul_bias_gelu_separate_wasmsimd>,
       &kMatmulBiasGeluSeparateTraffic},
      {"f32_matmul_bias_gelu_4x8_wasmsimd",
       "fusion",
       "GEMM + epilogue",
       {DType::f32, Variant::simd128, Role::fused},
       "The 4x8 SIMD128 GEMM with bias and GELU in its epilogue, applied to each tile of sums "
       "in registers before C is stored.",
       source::f32_matmul_bias_gelu_4x8_wasmsimd_cpp,
       {source::f32x4_gelu_h, source::f32_matmul_4x8_wasmsimd_tile_h,
        source::f32_matmul_register_blocked_h},
       &kMatmulBiasGeluF32,
       {Tunable::block, Tunable::threads},
       false,
       run_matmul_bias_gelu<f32_matmul_bias_gelu_4x8_wasmsimd>},
      {"f32_quantize_i8_scalar",
       "quantization",
       "quantize scalar",
       {DType::f32, Variant::scalar, Role::elementwise},
       "max|x|, then round and clamp one value at a time, compiled with the vectorizers off.",
       source::f32_quantize_i8_scalar_cpp,
       {source::symmetric_quantize_h, source::symmetric_quantize_cpp},
       &kQuantizeF32I8,
       {},
       false,
       run_quantize<f32_quantize_i8_scalar>},
      {"f32_quantize_i8_wasmsimd",
       "quantization",
       "quantize SIMD128",
       {DType::f32, Variant::simd128, Role::elementwise},
       "max|x| four lanes at a time, then 16 codes per step: f32x4.nearest, a saturating "
       "convert and two narrows into one 16-byte store.",
       source::f32_quantize_i8_wasmsimd_cpp,
       {source::symmetric_quantize_h},
       &kQuantizeF32I8,
       {},
       false,
       run_quantize<f32_quantize_i8_wasmsimd>},
      {"f32_quantize_i8_student",
       "quantization",
       "your quantize",
       {DType::f32, Variant::autovec, Role::exercise},
       "Exercise: per-tensor int8 quantization, written by you.",
       source::f32_quantize_i8_student_cpp,
       {},
       &kQuantizeF32I8,
       {},
       true,
       run_quantize<f32_quantize_i8_student>},
      {"i8_dequantize_f32_wasmsimd",
       "quantization",
       "dequantize SIMD128",
       {DType::i8, Variant::simd128, Role::elementwise},
       "16 codes per load, widened to i32, converted and multiplied by the scale.",
       source::i8_dequantize_f32_wasmsimd_cpp,
       {source::symmetric_quantize_h},
       &kDequantizeI8F32,
       {},
       false,
       run_dequantize<i8_dequantize_f32_wasmsimd>},
      {"i8_matmul_scalar",
       "quantization",
       "int8 scalar",
       {DType::i8, Variant::scalar, Role::loop_order},
       "i-k-j over int8 codes into an int32 row of sums, scaled once per element; compiled "
       "with the vectorizers off.",
       source::i8_matmul_scalar_cpp,
       {source::symmetric_quantize_h},
       &kMatmulI8,
       {},
       false,
       run_i8_matmul<i8_matmul_scalar>},
      {"i8_matmul_4x8_wasmsimd",
       "quantization",
       "int8 4x8 SIMD128",
       {DType::i8, Variant::simd128, Role::register_blocked},
       "A 4 x 8 tile of int32 sums fed by i32x4.dot_i16x8_s and i32x4.add (eight multiply-adds "
       "per two instructions, twice f32x4's four) from block-sized i16 panels; dequantized in "
       "registers; rows split over the thread pool.",
       source::i8_matmul_4x8_wasmsimd_cpp,
       {source::i16_pairs_wasmsimd_h, source::symmetric_quantize_h, source::thread_pool_h},
       &kMatmulI8,
       {Tunable::block, Tunable::threads},
       false,
       run_i8_matmul<i8_matmul_4x8_wasmsimd>},
      {"f32_axpy_wasmsimd",
       "precision",
       "f32 axpy",
       {DType::f32, Variant::simd128, Role::elementwise},
       "z = a x + y on f32 vectors with SIMD128: 12 bytes moved per element.",
       source::f32_axpy_wasmsimd_cpp,
       {},
       &kAxpyF32,
       {},
       false,
       run_axpy<F32AxpyProblem, f32_axpy_wasmsimd>},
      {"bf16_axpy_wasmsimd",
       "precision",
       "bf16 axpy",
       {DType::bf16, Variant::simd128, Role::elementwise},
       "The same axpy on bf16 vectors, widened to f32 by a shift and rounded back with integer "
       "SIMD: 6 bytes moved per element.",
       source::bf16_axpy_wasmsimd_cpp,
       {source::bf16_convert_h},
       &kAxpyBf16,
       {},
       false,
       run_axpy<Bf16AxpyProblem, bf16_axpy_wasmsimd>},
      {"f32_mul_add_13chains_wasmsimd",
       "roofline",
       "mul+add ceiling",
       {DType::f32, Variant::simd128, Role::ceiling_probe},
       "13 independent chains of f32x4.mul then f32x4.add, all in registers: as much arithmetic "
       "per cycle as the core issues, no memory traffic; groups of lanes spread over threads.",
       source::f32_mul_add_13chains_wasmsimd_cpp,
       {source::thread_pool_h},
       &kMulAddF32,
       {Tunable::threads},
       false,
       run_mul_add<f32_mul_add_13chains_wasmsimd>},
      {"f32_triad_wasmsimd",
       "roofline",
       "triad bandwidth",
       {DType::f32, Variant::simd128, Role::bandwidth_probe},
       "The STREAM triad a = b + s c with SIMD128, each thread on its own run of cache lines: "
       "far beyond the caches, memory sets its speed.",
       source::f32_triad_wasmsimd_cpp,
       {source::thread_pool_h},
       &kTriadF32,
       {Tunable::threads},
       false,
       run_triad<f32_triad_wasmsimd>},
      {"ffn_block_naive",
       "capstone",
       "FFN naive",
       {DType::f32, Variant::scalar, Role::backend, Backend::naive},
       "The feed-forward block on the naive backend: i-j-k GEMMs, a scalar loop for bias and "
       "GELU, one thread.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::ffn_block_cpp, source::naive_backend_cpp},
       &kFfnBlock,
       {},
       false,
       run_model<model::FfnProblem, model::ffn_block_naive>},
      {"ffn_block_optimized",
       "capstone",
       "FFN optimized",
       {DType::f32, Variant::simd128, Role::backend, Backend::optimized},
       "The feed-forward block on the optimized backend: the expert GEMM of lesson 8 on every "
       "thread, then one SIMD pass for bias and GELU.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::ffn_block_cpp, source::optimized_backend_cpp,
        source::f32_matmul_4x8_packed_wasmsimd_cpp, source::bias_act_wasmsimd_cpp},
       &kFfnBlock,
       {Tunable::threads},
       false,
       run_model<model::FfnProblem, model::ffn_block_optimized>},
      {"ffn_block_int8",
       "capstone",
       "FFN int8",
       {DType::i8, Variant::simd128, Role::backend, Backend::int8},
       "The feed-forward block on the int8 backend: activations quantized per row and group "
       "of 32 (asymmetric), the grouped int8 SIMD128 GEMM on weights quantized and packed "
       "ahead of time, bias and GELU in f32.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::ffn_block_cpp, source::int8_backend_cpp,
        source::i8_matmul_grouped_h, source::i8_matmul_grouped_4x8_wasmsimd_cpp,
        source::i16_pairs_wasmsimd_h, source::asymmetric_quantize_wasmsimd_cpp},
       &kFfnBlock,
       {Tunable::threads},
       false,
       run_model<model::FfnProblem, model::ffn_block_int8>,
       &kFfnBlockInt8Traffic},
      {"conv2d_im2col_naive",
       "capstone",
       "conv2d naive",
       {DType::f32, Variant::scalar, Role::backend, Backend::naive},
       "im2col, then the GEMM on the naive backend: i-j-k loops and a scalar bias loop.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::conv2d_im2col_cpp, source::naive_backend_cpp},
       &kConv2dIm2col,
       {},
       false,
       run_model<model::ConvProblem, model::conv2d_im2col_naive>},
      {"conv2d_im2col_optimized",
       "capstone",
       "conv2d optimized",
       {DType::f32, Variant::simd128, Role::backend, Backend::optimized},
       "im2col, then the expert GEMM of lesson 8 and a SIMD bias pass.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::conv2d_im2col_cpp, source::optimized_backend_cpp,
        source::f32_matmul_4x8_packed_wasmsimd_cpp, source::bias_act_wasmsimd_cpp},
       &kConv2dIm2col,
       {Tunable::threads},
       false,
       run_model<model::ConvProblem, model::conv2d_im2col_optimized>},
      {"conv2d_im2col_int8",
       "capstone",
       "conv2d int8",
       {DType::i8, Variant::simd128, Role::backend, Backend::int8},
       "im2col, then the im2col matrix quantized per row and group of 32 and the grouped int8 "
       "SIMD128 GEMM on filters quantized and packed ahead of time, bias in f32.",
       source::capstone_kernels_cpp,
       {source::backend_h, source::conv2d_im2col_cpp, source::int8_backend_cpp,
        source::i8_matmul_grouped_h, source::i8_matmul_grouped_4x8_wasmsimd_cpp,
        source::i16_pairs_wasmsimd_h, source::asymmetric_quantize_wasmsimd_cpp},
       &kConv2dIm2col,
       {Tunable::threads},
       false,
       run_model<model::ConvProblem, model::conv2d_im2col_int8>,
       &kConv2dIm2colInt8Traffic},
      {"f32_matmul_4x8_wasmsimd_even_split",
       "threads",
       "4x8 SIMD128, even split",
       {DType::f32, Variant::simd128, Role::loop_order},
       "The 4 x 8 SIMD128 rows of C, thread t computing rows [t M / T, (t + 1) M / T): one "
       "even range per thread, asked for before the pool starts, as the threads exercise asks "
       "yours.",
       source::f32_matmul_4x8_wasmsimd_split_cpp,
       {source::f32_matmul_4x8_wasmsimd_tile_h, source::f32_matmul_register_blocked_h,
        source::thread_pool_h},
       &kMatmulF32,
       {Tunable::threads},
       false,
       run_matmul_threaded<f32_matmul_4x8_wasmsimd_even_split>},
      {"f32_matmul_student_threads",
       "threads",
       "your split",
       {DType::f32, Variant::autovec, Role::exercise},
       "Threads exercise: which rows each thread computes, written by you; the lab's pool runs "
       "them with the 4 x 8 SIMD128 rows.",
       source::f32_matmul_student_threads_cpp,
       {source::f32_matmul_4x8_wasmsimd_split_cpp},
       &kMatmulF32,
       {Tunable::threads},
       true,
       run_matmul_split<f32_matmul_student_threads>},
      {"i8_matmul_student",
       "quantization",
       "your int8 matmul",
       {DType::i8, Variant::autovec, Role::exercise},
       "Int8 matmul exercise: int32 sums of int8 codes, dequantized by the row and column "
       "scales, written by you.",
       source::i8_matmul_student_cpp,
       {},
       &kMatmulI8,
       {},
       true,
       run_i8_matmul<i8_matmul_student>},
      {"f32_round_bf16_scalar",
       "precision",
       "round to bf16, scalar",
       {DType::f32, Variant::scalar, Role::elementwise},
       "f32_to_bf16 one element at a time: integer arithmetic on the f32's bits, compiled with "
       "the vectorizers off.",
       source::f32_round_bf16_scalar_cpp,
       {source::bf16_convert_h},
       &kRoundBf16,
       {},
       false,
       run_round_bf16<f32_round_bf16_scalar>},
      {"f32_round_bf16_student",
       "precision",
       "your bf16 rounding",
       {DType::f32, Variant::autovec, Role::exercise},
       "Precision exercise: f32 to bf16, to nearest with ties to even, written by you.",
       source::f32_round_bf16_student_cpp,
       {},
       &kRoundBf16,
       {},
       true,
       run_round_bf16<f32_round_bf16_student>},
      {"f32_matmul_bias_gelu_student",
       "capstone",
       "your layer",
       {DType::f32, Variant::simd128, Role::exercise},
       "Exercise: one layer of a backend, C = GELU(A x B + bias), written by you.",
       source::f32_matmul_bias_gelu_student_cpp,
       {source::f32x4_gelu_h},
       &kMatmulBiasGeluF32,
       {},
       true,
       run_matmul_bias_gelu<f32_matmul_bias_gelu_student>},
  };
}

// The block sizes the ladder runs with: the blocking lesson's tile that fits
// three tiles in L2, and the SIMD kernel's panel.
constexpr int64_t kLadderBlock = 64;
constexpr int64_t kLadderSimdBlock = 128;

std::vector<LadderStep> build_ladder() {
  using T = LadderStep::Threads;
  return {
      {"naive i-j-k",
       "The textbook loop: each C element a dot product, B walked down a column.",
       {"f32_matmul_ijk"},
       T::one},
      {"best loop order",
       "Reordering the loops makes the innermost one walk B and C along rows, so every cache line "
       "fetched is used whole.",
       {"f32_matmul_ikj", "f32_matmul_kij"},
       T::one},
      {"cache blocked",
       "Working tile by tile reuses each tile of A, B and C while it is still in cache instead of "
       "streaming whole matrices through it.",
       {"f32_matmul_blocked"},
       T::one,
       kLadderBlock},
      {"SIMD",
       "A 4 x 8 tile of C held in eight f32x4 registers does four multiply-adds per pair of "
       "instructions (f32x4.mul, f32x4.add) and loads each value once per tile.",
       {"f32_matmul_4x8_wasmsimd"},
       T::one,
       kLadderSimdBlock},
      {"threads",
       "The same SIMD kernel with the rows of C split over every core.",
       {"f32_matmul_4x8_wasmsimd"},
       T::all,
       kLadderSimdBlock},
      {"expert",
       "Packed panels, blocks sized for each cache level and edges padded to whole tiles feed the "
       "4 x 8 micro-kernel from L1, on every core; its share of your measured ceiling shows how "
       "close that gets on your machine.",
       {"f32_matmul_4x8_packed_wasmsimd"},
       T::all},
      {"int8",
       "i32x4.dot_i16x8_s and an i32x4.add do eight multiply-adds in two instructions where f32x4 "
       "does four, on int16 panels half the size of f32's, into int32 sums that are exact.",
       {"i8_matmul_4x8_wasmsimd"},
       T::all,
       kLadderSimdBlock},
      // Relaxed SIMD (lab/relaxed_kernels.h): only where the browser validates
      // it, in single-threaded modules, so these steps run on one thread.
      {"FMA, relaxed SIMD",
       "The expert's packed GEMM with one f32x4.relaxed_madd per multiply-add in place of a mul "
       "and an add, on one thread: set its share of your FMA ceiling beside the expert's share "
       "of the mul+add one, since the step before ran on every core.",
       {"f32_matmul_4x8_packed_relaxedsimd"},
       T::one},
      {"int8, relaxed dot",
       "i32x4.relaxed_dot_i8x16_i7x16_add does sixteen int8 multiplies summed in fours in one "
       "instruction (one VNNI instruction on CPUs that have it); B's codes are split into two "
       "halves in 0 to 127, so the sums stay exact on every CPU. One thread.",
       {"i8_matmul_4x4_relaxeddot"},
       T::one},
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

// Where a lesson and the bench start: the sizes the capstone's lesson opens
// with, the ceiling probe's length (enough updates that one call lasts
// milliseconds) and the triad's (12 N bytes, 384 MiB: far beyond any cache).
Shape default_shape(const Operation& op) {
  static const std::pair<const Operation*, Shape> defaults[] = {
      {&kMatmulF32, {256, 256, 256}},         {&kReluF32, {1, 1 << 20, 1}},
      {&kGeluF32, {1, 1 << 20, 1}},           {&kMatmulBiasGeluF32, {256, 256, 256}},
      {&kQuantizeF32I8, {1, 1 << 20, 1}},     {&kDequantizeI8F32, {1, 1 << 20, 1}},
      {&kMatmulI8, {256, 256, 256}},          {&kAxpyF32, {1, 1 << 20, 1}},
      {&kAxpyBf16, {1, 1 << 20, 1}},          {&kMulAddF32, {1, int64_t{1} << 26, 1}},
      {&kTriadF32, {1, int64_t{1} << 25, 1}}, {&kFfnBlock, {64, 2048, 512}},
      {&kConv2dIm2col, {32, 64, 32}},         {&kRoundBf16, {1, 1 << 20, 1}},
  };
  for (const auto& [operation, shape] : defaults)
    if (operation == &op) return shape;
  return {};
}

const SharedSources& shared_sources() {
  static const SharedSources sources{{source::timing_cpp, source::stats_cpp},
                                     {source::thread_pool_h, source::thread_pool_cpp}};
  return sources;
}

const char* dtype_name(DType dtype) {
  switch (dtype) {
    case DType::f32: return "f32";
    case DType::i8: return "i8";
    case DType::bf16: return "bf16";
  }
  return "";
}

const char* variant_name(Variant variant) {
  switch (variant) {
    case Variant::scalar: return "scalar";
    case Variant::autovec: return "autovec";
    case Variant::simd128: return "simd128";
    case Variant::relaxed_simd: return "relaxed_simd";
  }
  return "";
}

const char* role_name(Role role) {
  switch (role) {
    case Role::naive: return "naive";
    case Role::loop_order: return "loop_order";
    case Role::blocked: return "blocked";
    case Role::register_blocked: return "register_blocked";
    case Role::expert: return "expert";
    case Role::elementwise: return "elementwise";
    case Role::unfused: return "unfused";
    case Role::fused: return "fused";
    case Role::ceiling_probe: return "ceiling_probe";
    case Role::bandwidth_probe: return "bandwidth_probe";
    case Role::backend: return "backend";
    case Role::exercise: return "exercise";
  }
  return "";
}

const char* backend_name(Backend backend) {
  switch (backend) {
    case Backend::none: return nullptr;
    case Backend::naive: return "naive";
    case Backend::optimized: return "optimized";
    case Backend::int8: return "int8";
  }
  return nullptr;
}

namespace {

// The compiled-in kernels: built once and never changed, so pointers into the
// vector stay valid for the life of the program.
const std::vector<Kernel>& compiled_kernels() {
  static const std::vector<Kernel> kernels = build_catalog();
  return kernels;
}

// A runtime kernel and the texts its const char* fields point into. In a
// std::list, an entry never moves, so registering or removing one leaves
// every other pointer valid.
struct RuntimeKernel {
  std::string name, lesson, title, summary, source;
  std::vector<std::string> headers;
  Kernel kernel;
};

std::list<RuntimeKernel>& runtime_kernels() {
  static std::list<RuntimeKernel> kernels;
  return kernels;
}

std::string text_of(const char* s) { return s ? s : ""; }

KernelList& listing() {
  static KernelList list{{}};
  return list;
}

// Lists every kernel again after the runtime ones changed.
void refresh_listing() {
  std::vector<const Kernel*> all;
  all.reserve(compiled_kernels().size() + runtime_kernels().size());
  for (const Kernel& k : compiled_kernels()) all.push_back(&k);
  for (const RuntimeKernel& r : runtime_kernels()) all.push_back(&r.kernel);
  listing() = KernelList(std::move(all));
}

}  // namespace

const KernelList& catalog() {
  if (listing().empty()) refresh_listing();
  return listing();
}

const Kernel* find_kernel(std::string_view name) {
  for (const Kernel& k : compiled_kernels())
    if (name == k.name) return &k;
  for (const RuntimeKernel& r : runtime_kernels())
    if (name == r.name) return &r.kernel;
  return nullptr;
}

KernelRegistration register_kernel(Kernel kernel) {
  KernelRegistration refused;
  const std::string name = text_of(kernel.name);
  if (name.empty()) {
    refused.error = "A kernel needs a name to be registered.";
  } else if (find_kernel(name)) {
    refused.error =
        "There is already a kernel named \"" + name + "\" in the catalog; choose another name.";
  } else if (!kernel.op) {
    refused.error = "Kernel \"" + name + "\" has no operation, so nothing can check it.";
  } else if (!kernel.run) {
    refused.error = "Kernel \"" + name + "\" has no function to run.";
  }
  if (!refused.error.empty()) return refused;

  RuntimeKernel& entry = runtime_kernels().emplace_back();
  entry.name = name;
  entry.lesson = text_of(kernel.lesson);
  entry.title = kernel.title ? kernel.title : name;
  entry.summary = text_of(kernel.summary);
  entry.source = text_of(kernel.source);
  for (const char* header : kernel.headers) entry.headers.push_back(text_of(header));
  entry.kernel = std::move(kernel);
  entry.kernel.name = entry.name.c_str();
  entry.kernel.lesson = entry.lesson.c_str();
  entry.kernel.title = entry.title.c_str();
  entry.kernel.summary = entry.summary.c_str();
  entry.kernel.source = entry.source.c_str();
  for (size_t i = 0; i < entry.headers.size(); ++i)
    entry.kernel.headers[i] = entry.headers[i].c_str();
  entry.kernel.runtime = true;
  refresh_listing();
  return {&entry.kernel, ""};
}

bool unregister_kernel(std::string_view name) {
  auto& kernels = runtime_kernels();
  const auto it = std::find_if(kernels.begin(), kernels.end(),
                               [&](const RuntimeKernel& r) { return r.name == name; });
  if (it == kernels.end()) return false;
  kernels.erase(it);
  refresh_listing();
  return true;
}

double bytes_moved(const Kernel& kernel, const Shape& shape) {
  return kernel.traffic ? kernel.traffic->bytes(shape) : kernel.op->bytes(shape);
}

const char* bytes_formula(const Kernel& kernel) {
  return kernel.traffic ? kernel.traffic->formula : kernel.op->bytes_formula;
}

bool takes(const Kernel& kernel, Tunable tunable) {
  return std::find(kernel.tunables.begin(), kernel.tunables.end(), tunable) !=
         kernel.tunables.end();
}

}  // namespace lab
