// The two probes of the machine's limits that the roofline is drawn from: the
// most f32 arithmetic one core (or all of them) can do per second, and the
// most bytes per second a streaming loop can move to and from memory.
#pragma once

#include <cstdint>
#include "core/source_file.h"

namespace lab {

// The mul+add ceiling: y[i] = x[i] after t_i steps of x <- x * m + c, with
// t_i = n / lanes, plus one for the first n % lanes lanes (n updates in all).
// `lanes` must be a multiple of kMulAddGroupLanes; groups of lanes are spread
// over `threads` threads, each kept in registers while it is updated.
void f32_mul_add_13chains_wasmsimd(const float* x, float* y, float m, float c, int64_t lanes,
                                   int64_t n, int64_t threads);

// The lanes one group of accumulators holds: 13 f32x4 registers.
constexpr int64_t kMulAddGroupLanes = 13 * 4;

// The STREAM triad a = b + s c, split over `threads` threads in whole cache lines.
void f32_triad_wasmsimd(float s, const float* b, const float* c, float* a, int64_t n,
                        int64_t threads);

}  // namespace lab

LAB_SOURCE_DECLARE(f32_mul_add_13chains_wasmsimd_cpp)
LAB_SOURCE_DECLARE(f32_triad_wasmsimd_cpp)
