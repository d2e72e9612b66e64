// Exercise (Blocking lesson): write C = A * B tile by tile.
//
// Same storage as the Loops exercise. `block` is between 1 and the largest of m, n and k;
// m, n and k need not be multiples of it, so the last tile of each loop is smaller.
//
// Hints: six loops. The outer three step i0, p0, j0 by `block`; the inner three
// run one tile in the order you found fastest in the Loops lesson. Zero C first.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Blocking lesson to sweep your kernel's block size.
#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_matmul_student_blocked(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t block) {
  (void)a, (void)b, (void)c, (void)m, (void)n, (void)k, (void)block;
  // TODO(student): the tiled loops described above.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_student_blocked_cpp)
