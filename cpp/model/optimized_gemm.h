// The optimized backend's GEMM, in one place: every f32 product the model's
// optimized backend computes goes through this function, so replacing the
// GEMM behind it changes the whole backend at once.
#pragma once

#include <cstdint>

namespace lab::model {

// C (m x n) = A (m x k) B (k x n), row-major, on `threads` threads.
void optimized_gemm(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
                    int64_t threads);

}  // namespace lab::model
