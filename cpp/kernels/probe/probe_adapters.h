// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_triad<f32_triad_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/axpy/axpy_problem.h"
#include "kernels/probe/probe_problems.h"

namespace lab {

// The ceiling probe updates the problem's lanes; the triad is the axpy problem's
// z = a x + y read as a = b + s c.
template <auto Fn>
KernelStatus run_mul_add(Problem& problem, const Shape& s) {
  auto& p = static_cast<MulAddProblem&>(problem);
  return status_of(
      [&] { return Fn(p.x(), p.y(), kMulAddM, kMulAddC, kMulAddLanes, s.n, s.threads); });
}

template <auto Fn>
KernelStatus run_triad(Problem& problem, const Shape& s) {
  auto& p = static_cast<F32AxpyProblem&>(problem);
  return status_of([&] { return Fn(kAxpyScale, p.y(), p.x(), p.z(), s.n, s.threads); });
}

}  // namespace lab
