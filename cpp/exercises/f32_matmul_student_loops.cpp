// Exercise (Loops lesson): write C = A * B with the loop order you predict is fastest.
//
// Storage is row-major: A[i][p] is a[i*k + p] (M x K), B[p][j] is b[p*n + j] (K x N),
// and C[i][j] is c[i*n + j] (M x N). C holds garbage on entry: every element must be written.
//
// When you are done:
//   1. replace the `return KernelStatus::not_implemented;` line with your loops
//      and `return KernelStatus::done;`
//   2. run `npm run check`: it tests this function at many sizes, odd ones included
//   3. run `npm start` and open the Loops lesson: your kernel is timed beside the six orders
#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_matmul_student_loops(const float* a, const float* b, float* c, int64_t m,
                                      int64_t n, int64_t k) {
  (void)a, (void)b, (void)c, (void)m, (void)n, (void)k;
  // TODO(student): three nested loops; choose their order so the innermost one walks memory with
  // stride 1.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_student_loops_cpp)
