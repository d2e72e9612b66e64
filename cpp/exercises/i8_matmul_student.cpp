// Exercise (Quantization lesson): multiply two int8 matrices and dequantize.
//
//   C[i][j] = scale_a[i] * scale_b[j] * sum over p of a[i][p] * b[p][j]
//
// Storage is row-major: a[i * k + p] (M x K codes), b[p * n + j] (K x N
// codes), c[i * n + j] (M x N floats); scale_a holds M scales (one per row of
// A), scale_b N (one per column of B). C holds garbage on entry.
//
// Sum the products in int32: an int8 or int16 sum overflows long before K is
// large (127 x 127 is already 16129). Apply both scales once per element of
// C, after the sum, not to each product.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Quantization lesson to time it beside the others.
#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus i8_matmul_student(const int8_t* a, const float* scale_a, const int8_t* b,
                               const float* scale_b, float* c, int64_t m, int64_t n, int64_t k) {
  (void)a, (void)scale_a, (void)b, (void)scale_b, (void)c, (void)m, (void)n, (void)k;
  // TODO(student): int32 sums in a loop order that walks b with stride 1, then the scales.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(i8_matmul_student_cpp)
