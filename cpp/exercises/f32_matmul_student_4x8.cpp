// Exercise (Vectorization lesson): write the 4 x 8 micro-kernel of a
// register-blocked matmul with WebAssembly SIMD128 intrinsics.
//
// You write one tile: C[0..4)[0..8) = A[0..4)[0..k) x B[0..k)[0..8). Rows are
// lda, ldb and ldc floats apart: A[r][p] is a[r*lda + p], B[p][j] is
// b[p*ldb + j], C[r][j] is c[r*ldc + j]. The tile's C holds garbage on entry:
// write all 32 elements, once, at the end. k is anything from 1 up.
//
// The lab's loop nest (cpp/exercises/f32_matmul_4x8_tiles.h) walks C = A x B
// tile by tile, calls this function for every whole 4 x 8 tile and computes
// the edges itself, so your tile is checked and timed as a whole matmul.
//
// Before running, predict your kernel's speed against f32_matmul_4x8_scalar
// (the same tile in plain C, the vectorizers off) at N = 256.
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Vectorization lesson to time it beside the others.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_matmul_student_4x8(const float* a, int64_t lda, const float* b, int64_t ldb,
                                    float* c, int64_t ldc, int64_t k) {
  (void)a, (void)lda, (void)b, (void)ldb, (void)c, (void)ldc, (void)k;
  // TODO(student): eight f32x4 sums in registers, one pass over k, then eight stores.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_student_4x8_cpp)
