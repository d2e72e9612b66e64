// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_triad<f32_triad_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
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

// m and c, where a kernel in a module of its own (cpp/kernels/relaxed/) can read them.
inline constexpr float kMulAddConstants[2] = {kMulAddM, kMulAddC};

// A kernel in a module of its own gets (x, y, mc, lanes, steps, extra): the
// lanes' starts, their results, {m, c}, and the counts of run_mul_add's split
// (every lane takes `steps` steps, the first `extra` one more), which fit in
// 32 bits where N does not.
inline ExternalCall mul_add_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<MulAddProblem&>(problem);
  const size_t bytes = sizeof(float) * static_cast<size_t>(kMulAddLanes);
  return {{{"x", p.x(), bytes, sizeof(float), false},
           {"y", p.y(), bytes, sizeof(float), true},
           {"mc", kMulAddConstants, sizeof(kMulAddConstants), sizeof(float), false}},
          {static_cast<int32_t>(kMulAddLanes), static_cast<int32_t>(s.n / kMulAddLanes),
           static_cast<int32_t>(s.n % kMulAddLanes)}};
}

template <auto Fn>
KernelStatus run_triad(Problem& problem, const Shape& s) {
  auto& p = static_cast<F32AxpyProblem&>(problem);
  return status_of([&] { return Fn(kAxpyScale, p.y(), p.x(), p.z(), s.n, s.threads); });
}

}  // namespace lab
