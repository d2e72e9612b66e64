// Exercise (Capstone lesson): one layer of a backend, C = GELU(A x B + bias).
//
// Storage is row-major: A[i][p] is a[i*k + p] (M x K), B[p][j] is b[p*n + j]
// (K x N), C[i][j] is c[i*n + j] (M x N); the bias holds N floats, bias[j]
// added to every row of the product. GELU is the tanh formula of the Fusion
// exercise. C holds garbage on entry: every element must be written.
//
// Bring together what the lessons built: a 4 x 8 tile of sums in SIMD128
// registers (the Vectorization lesson's 4 x 8 exercise), and bias and GELU
// applied to that tile before it is stored (the Fusion lesson's epilogue), so
// C is written once and never read back. The GELU steps on four floats are
// in cpp/kernels/gelu/f32x4_gelu.h; f32x4_gelu::gelu_each<8> finishes eight
// vectors at once. The edges, where
// fewer than 4 rows or 8 columns are left, can be plain loops.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Capstone lesson to time it.
#include <wasm_simd128.h>

#include <cmath>

#include "core/source_file.h"
#include "exercises/student_kernels.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

KernelStatus f32_matmul_bias_gelu_student(const float* a, const float* b, const float* bias,
                                          float* c, int64_t m, int64_t n, int64_t k) {
  (void)a, (void)b, (void)bias, (void)c, (void)m, (void)n, (void)k;
  // TODO(student): the tiled product, then bias and GELU on each tile while it is in registers.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_bias_gelu_student_cpp)
