// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_relu<f32_relu_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/relu/f32_relu_problem.h"

namespace lab {

template <auto Fn>
KernelStatus run_relu(Problem& problem, const Shape& s) {
  auto& p = static_cast<ReluProblem&>(problem);
  return status_of([&] { return Fn(p.x(), p.y(), s.n); });
}

// A kernel compiled in the page gets (x, y, n): cpp/exercises/page_entry.cpp.
inline ExternalCall relu_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<ReluProblem&>(problem);
  return elementwise_f32_call(p.x(), p.y(), s.n);
}

}  // namespace lab
