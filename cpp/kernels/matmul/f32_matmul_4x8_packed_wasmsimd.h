// The expert GEMM: the lab's own "production library", built the way BLIS
// builds one. Packed panels of A and B (f32_matmul_4x8_packed_wasmsimd_packing.h), one
// register-blocked SIMD128 micro-kernel (f32_matmul_4x8_packed_wasmsimd_tile.h), blocks sized for
// L1 and L2 and threads that each take their own columns of C
// (f32_matmul_4x8_packed_wasmsimd_loops.h).
#pragma once

#include <cstdint>
#include <memory>
#include "core/source_file.h"

namespace lab {

// C = A * B for row-major, contiguous A (m x k), B (k x n) and C (m x n); C is
// overwritten and nothing outside it is written. Runs on `threads` threads of
// the lab's pool (1: on the calling thread only). Named as the catalog names
// it: data type, operation, tile, packed panels, instruction set.
void f32_matmul_4x8_packed_wasmsimd(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                    int64_t k, int64_t threads);

// B (k x n) packed once, for a matrix that many products reuse, as a model's
// weights are: a product with it packs no B at all. XNNPACK packs a layer's
// weights the same way, when the layer is created.
class F32GemmPackedB {
 public:
  F32GemmPackedB(const float* b, int64_t k, int64_t n);
  ~F32GemmPackedB();
  F32GemmPackedB(const F32GemmPackedB&) = delete;
  F32GemmPackedB& operator=(const F32GemmPackedB&) = delete;

  // C (m x n) = A (m x k) * this B, as f32_matmul_4x8_packed_wasmsimd computes it.
  void multiply(const float* a, float* c, int64_t m, int64_t threads) const;

 private:
  struct Panels;  // the packed slivers, in the layout f32_matmul_4x8_packed_wasmsimd.cpp's blocking
                  // reads
  std::unique_ptr<Panels> panels_;
};

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_4x8_packed_wasmsimd_cpp)
