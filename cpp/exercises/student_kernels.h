// Your kernels. Each one returns KernelStatus::not_implemented until you write it.
// `npm run check` tests these (and only these) against the exact reference;
// after `npm start` rebuilds, the page times them beside the reference kernels.
#pragma once

#include <cstdint>

#include "core/kernel_status.h"
#include "core/source_file.h"

namespace lab {

// Exercise (Loops lesson): C = A * B in the loop order you predict is fastest.
KernelStatus f32_matmul_student_loops(const float* a, const float* b, float* c, int64_t m,
                                      int64_t n, int64_t k);

// Exercise (Blocking lesson): C = A * B computed tile by tile, `block` x `block` at a time.
KernelStatus f32_matmul_student_blocked(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t block);

// Exercise (Vectorization lesson): y = max(x, 0) with wasm SIMD128 intrinsics.
KernelStatus f32_relu_student_wasmsimd(const float* x, float* y, int64_t n);

// Exercise (Quantization lesson): symmetric int8 quantization of a whole
// vector: *scale = max|x| / 127, q = round(x / scale) clamped to [-127, 127].
KernelStatus f32_quantize_i8_student(const float* x, int8_t* q, float* scale, int64_t n);

// Threads exercise: the rows [*begin, *end) of C that thread `thread` of
// `threads` computes; the lab's pool computes them.
KernelStatus f32_matmul_student_threads(int64_t rows, int64_t thread, int64_t threads,
                                        int64_t* begin, int64_t* end);

// Int8 matmul exercise: C = scale_a[i] * scale_b[j] * (int32 sum of a[i][p] * b[p][j]).
KernelStatus i8_matmul_student(const int8_t* a, const float* scale_a, const int8_t* b,
                               const float* scale_b, float* c, int64_t m, int64_t n, int64_t k);

// Precision exercise: y = the bf16 bit pattern of x, to nearest, ties to even; NaN stays NaN.
KernelStatus f32_round_bf16_student(const float* x, uint16_t* y, int64_t n);
// Exercise (Vectorization lesson): one 4 x 8 tile of C = A * B with wasm
// SIMD128 intrinsics, C[0..4)[0..8) = A[0..4)[0..k) * B[0..k)[0..8), rows lda,
// ldb and ldc floats apart; the lab's loop nest (f32_matmul_4x8_tiles.h) does the rest.
KernelStatus f32_matmul_student_4x8(const float* a, int64_t lda, const float* b, int64_t ldb,
                                    float* c, int64_t ldc, int64_t k);

// Exercise (Fusion lesson): y = GELU(x), tanh form, in one pass over memory.
KernelStatus f32_gelu_student(const float* x, float* y, int64_t n);

// Exercise (Capstone lesson): C = GELU(A * B + bias), the bias a row of N.
KernelStatus f32_matmul_bias_gelu_student(const float* a, const float* b, const float* bias,
                                          float* c, int64_t m, int64_t n, int64_t k);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_student_loops_cpp)
LAB_SOURCE_DECLARE(f32_matmul_student_blocked_cpp)
LAB_SOURCE_DECLARE(f32_relu_student_wasmsimd_cpp)
LAB_SOURCE_DECLARE(f32_quantize_i8_student_cpp)
LAB_SOURCE_DECLARE(f32_matmul_student_threads_cpp)
LAB_SOURCE_DECLARE(i8_matmul_student_cpp)
LAB_SOURCE_DECLARE(f32_round_bf16_student_cpp)
LAB_SOURCE_DECLARE(f32_matmul_student_4x8_cpp)
LAB_SOURCE_DECLARE(f32_gelu_student_cpp)
LAB_SOURCE_DECLARE(f32_matmul_bias_gelu_student_cpp)
LAB_SOURCE_HEADER(student_kernels_h)
