#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// C = A * B, register-blocked: each step of the innermost loops keeps a 4 x 8
// tile of C in registers for a whole `block`-long slice of K, over a loop nest
// that blocks K and N by `block` for the cache.
//
// The same C micro-kernel, compiled with the vectorizers off (scalar) and on
// (autovec), and the micro-kernel written with WebAssembly SIMD128 intrinsics,
// which also splits the rows of C over `threads` threads of the lab's pool.
void f32_matmul_4x8_scalar(const float* a, const float* b, float* c, int64_t m, int64_t n,
                           int64_t k, int64_t block);
void f32_matmul_4x8_autovec(const float* a, const float* b, float* c, int64_t m, int64_t n,
                            int64_t k, int64_t block);
void f32_matmul_4x8_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                             int64_t k, int64_t block, int64_t threads);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_4x8_c_cpp)
LAB_SOURCE_DECLARE(f32_matmul_4x8_wasmsimd_cpp)
