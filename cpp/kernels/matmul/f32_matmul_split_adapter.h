// The adapter for a matmul whose exercise is the work split
// (f32_matmul_row_split.h): the split says which rows each thread computes,
// and the lab's pool computes them. A catalog entry names one instantiation:
// run_matmul_split<f32_matmul_student_threads>.
#pragma once

#include <cstdint>
#include <vector>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "kernels/matmul/f32_matmul_row_split.h"

namespace lab {

// C from the rows each of s.threads threads claims: begin and end hold one entry per thread.
inline void run_row_ranges(Problem& problem, const Shape& s, const int64_t* begin,
                           const int64_t* end) {
  auto& p = static_cast<MatmulProblem&>(problem);
  f32_matmul_4x8_wasmsimd_split(p.a(), p.b(), p.c(), s.m, s.n, s.k, begin, end, s.threads);
}

// Asks the split for every thread's rows, then runs them. A range the split
// leaves unwritten is empty.
template <auto Split>
KernelStatus run_matmul_split(Problem& problem, const Shape& s) {
  std::vector<int64_t> begin(static_cast<size_t>(s.threads), 0), end(begin);
  for (int64_t t = 0; t < s.threads; ++t)
    if (Split(s.m, t, s.threads, &begin[t], &end[t]) == KernelStatus::not_implemented)
      return KernelStatus::not_implemented;
  run_row_ranges(problem, s, begin.data(), end.data());
  return KernelStatus::done;
}

// A split compiled in the page fills (begin, end), one entry per thread, for
// (rows, threads): cpp/exercises/page_entry.cpp. The buffers live with the
// page kernel, not in the problem, since the lab computes C itself.
inline ExternalCall row_split_page_call(const Shape& s, std::vector<int64_t>& begin,
                                        std::vector<int64_t>& end) {
  const size_t bytes = sizeof(int64_t) * begin.size();
  return {{{"begin", begin.data(), bytes, sizeof(int64_t), true},
           {"end", end.data(), bytes, sizeof(int64_t), true}},
          {static_cast<int32_t>(s.m), static_cast<int32_t>(s.threads)}};
}

}  // namespace lab
