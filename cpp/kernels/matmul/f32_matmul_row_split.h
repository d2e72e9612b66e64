// C = A * B with its rows handed out by a split: thread t of `threads`
// computes rows [begin[t], end[t]). The Threads exercise writes the split
// and the lab's pool runs it with the lab's own row code, so a kernel
// compiled in the page, which cannot start threads, still decides the work
// of each thread.
#pragma once

#include <cstdint>

#include "core/source_file.h"

namespace lab {

// Each thread's rows computed on the lab's pool by the 4 x 8 SIMD128 row code
// of f32_matmul_4x8_wasmsimd. The split need not be right, and a wrong one
// shows in C the same way on every run, with no two threads ever writing one
// row: ranges are clipped to [0, m); a row no range claims is left as it was
// (poisoned, so the check names it); a row claimed c > 1 times is computed
// after the pool has finished and ends up c times its value, as if each claim
// had added its own product.
void f32_matmul_4x8_wasmsimd_split(const float* a, const float* b, float* c, int64_t m, int64_t n,
                                   int64_t k, const int64_t* begin, const int64_t* end,
                                   int64_t threads);

// The lab's split: thread t gets rows [t m / T, (t + 1) m / T), so the
// threads' shares differ by at most one row.
void even_row_split(int64_t rows, int64_t thread, int64_t threads, int64_t* begin, int64_t* end);

// The reference for the exercise: the even split, run as the student's is.
void f32_matmul_4x8_wasmsimd_even_split(const float* a, const float* b, float* c, int64_t m,
                                        int64_t n, int64_t k, int64_t threads);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_matmul_4x8_wasmsimd_split_cpp)
