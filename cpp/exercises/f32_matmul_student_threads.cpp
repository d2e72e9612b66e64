// Exercise (Threads lesson): split the rows of C = A * B between threads.
//
// Your function is asked once per thread; the lab's pool then runs the rows it
// returns. Given the number of rows of C, this thread's index `thread` (0 to
// threads - 1) and the thread count, set *begin and *end so that this thread
// computes rows [*begin, *end). Together the ranges must cover every row from 0
// to rows - 1 exactly once: a row no thread claims stays unwritten, and a row
// two threads claim is added twice. rows need not be a multiple of threads.
//
// The lab does the arithmetic (the 4 x 8 SIMD128 rows of f32_matmul_4x8_wasmsimd)
// on its own pool: a kernel compiled in the page cannot start threads, but your
// split still decides how the work is shared.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Threads lesson to time your split beside the lab's.
#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_matmul_student_threads(int64_t rows, int64_t thread, int64_t threads,
                                        int64_t* begin, int64_t* end) {
  (void)rows, (void)thread, (void)threads, (void)begin, (void)end;
  // TODO(student): this thread's share of the rows, as even as you can make it.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_matmul_student_threads_cpp)
