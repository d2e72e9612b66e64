// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation:
// run_matmul_bias_gelu<f32_matmul_bias_gelu_4x8_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_problem.h"

namespace lab {

template <auto Fn>
KernelStatus run_matmul_bias_gelu(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulBiasGeluProblem&>(problem);
  using F = decltype(Fn);
  return status_of([&] {
    // The exercise chooses its own blocking and runs on one thread.
    if constexpr (std::is_invocable_v<F, const float*, const float*, const float*, float*, int64_t,
                                      int64_t, int64_t>)
      return Fn(p.a(), p.b(), p.bias(), p.c(), s.m, s.n, s.k);
    else
      return Fn(p.a(), p.b(), p.bias(), p.c(), s.m, s.n, s.k, s.block, s.threads);
  });
}

// A kernel compiled in the page gets (a, b, bias, c, m, n, k): cpp/exercises/page_entry.cpp.
inline ExternalCall matmul_bias_gelu_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulBiasGeluProblem&>(problem);
  const auto floats = [](int64_t count) { return sizeof(float) * static_cast<size_t>(count); };
  return {{{"A", p.a(), floats(s.m * s.k), sizeof(float), false},
           {"B", p.b(), floats(s.k * s.n), sizeof(float), false},
           {"bias", p.bias(), floats(s.n), sizeof(float), false},
           {"C", p.c(), floats(s.m * s.n), sizeof(float), true}},
          {static_cast<int32_t>(s.m), static_cast<int32_t>(s.n), static_cast<int32_t>(s.k)}};
}

}  // namespace lab
