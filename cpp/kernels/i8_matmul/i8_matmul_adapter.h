// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation:
// run_i8_matmul<i8_matmul_4x8_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/i8_matmul/i8_matmul_problem.h"

namespace lab {

// The int8 matmuls take the codes and scales the problem quantized ahead of time.
template <auto Fn>
KernelStatus run_i8_matmul(Problem& problem, const Shape& s) {
  auto& p = static_cast<I8MatmulProblem&>(problem);
  return status_of([&] {
    if constexpr (std::is_invocable_v<decltype(Fn), const int8_t*, const float*, const int8_t*,
                                      const float*, float*, int64_t, int64_t, int64_t, int64_t,
                                      int64_t>)
      return Fn(p.a(), p.scale_a(), p.b(), p.scale_b(), p.c(), s.m, s.n, s.k, s.block, s.threads);
    else
      return Fn(p.a(), p.scale_a(), p.b(), p.scale_b(), p.c(), s.m, s.n, s.k);
  });
}

// A kernel compiled in the page gets (A, scale_a, B, scale_b, C, m, n, k):
// cpp/exercises/page_entry.cpp.
inline ExternalCall i8_matmul_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<I8MatmulProblem&>(problem);
  const auto count = [](int64_t rows, int64_t columns) {
    return static_cast<size_t>(rows) * static_cast<size_t>(columns);
  };
  return {{{"A", p.a(), count(s.m, s.k), 1, false},
           {"scale_a", p.scale_a(), sizeof(float) * count(s.m, 1), sizeof(float), false},
           {"B", p.b(), count(s.k, s.n), 1, false},
           {"scale_b", p.scale_b(), sizeof(float) * count(1, s.n), sizeof(float), false},
           {"C", p.c(), sizeof(float) * count(s.m, s.n), sizeof(float), true}},
          {static_cast<int32_t>(s.m), static_cast<int32_t>(s.n), static_cast<int32_t>(s.k)}};
}

}  // namespace lab
