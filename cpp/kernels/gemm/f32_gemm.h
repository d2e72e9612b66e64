// The expert GEMM: the lab's own "production library", built the way BLIS
// builds one. Packed panels of A and B (f32_gemm_pack.h), one register-blocked
// SIMD128 micro-kernel (f32_gemm_tile_wasmsimd.h), blocks sized for L1 and L2
// and threads that each take their own columns of C (f32_gemm_blocked.h).
#pragma once

#include <cstdint>

namespace lab {

// C = A * B for row-major, contiguous A (m x k), B (k x n) and C (m x n); C is
// overwritten and nothing outside it is written. Runs on `threads` threads of
// the lab's pool (1: on the calling thread only). Named as the catalog names
// it: data type, operation, tile, packed panels, instruction set.
void f32_matmul_4x8_packed_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                    int64_t k, int64_t threads);

}  // namespace lab
