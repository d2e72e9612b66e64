// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_gelu<f32_gelu_fused_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/gelu/f32_gelu_problem.h"

namespace lab {

// The unfused GELU takes the problem's scratch vector for its temporaries.
template <auto Fn>
KernelStatus run_gelu(Problem& problem, const Shape& s) {
  auto& p = static_cast<GeluProblem&>(problem);
  using F = decltype(Fn);
  return status_of([&] {
    if constexpr (std::is_invocable_v<F, const float*, float*, float*, int64_t>)
      return Fn(p.x(), p.y(), p.scratch(), s.n);
    else
      return Fn(p.x(), p.y(), s.n);
  });
}

// A kernel compiled in the page gets (x, y, n): cpp/exercises/page_entry.cpp.
inline ExternalCall gelu_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<GeluProblem&>(problem);
  return elementwise_f32_call(p.x(), p.y(), s.n);
}

}  // namespace lab
