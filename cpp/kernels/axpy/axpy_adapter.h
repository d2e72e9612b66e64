// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_axpy<F32AxpyProblem,
// f32_axpy_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/axpy/axpy_problem.h"

namespace lab {

// Both axpy problems hold x, y and z of their own element type.
template <class AxpyProblem, auto Fn>
KernelStatus run_axpy(Problem& problem, const Shape& s) {
  auto& p = static_cast<AxpyProblem&>(problem);
  return status_of([&] { return Fn(kAxpyScale, p.x(), p.y(), p.z(), s.n); });
}

}  // namespace lab
