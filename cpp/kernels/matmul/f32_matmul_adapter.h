// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_matmul<f32_matmul_ikj>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/matmul/f32_matmul_problem.h"

namespace lab {

// One adapter from the catalog's uniform entry point to any matmul kernel's
// own signature: with or without a block size and a thread count.
template <auto Fn>
KernelStatus run_matmul(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulProblem&>(problem);
  using F = decltype(Fn);
  return status_of([&] {
    if constexpr (std::is_invocable_v<F, const float*, const float*, float*, int64_t, int64_t,
                                      int64_t, int64_t, int64_t>)
      return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k, s.block, s.threads);
    else if constexpr (std::is_invocable_v<F, const float*, const float*, float*, int64_t, int64_t,
                                           int64_t, int64_t>)
      return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k, s.block);
    else
      return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k);
  });
}

// A matmul that chooses its own blocking and takes only a thread count.
template <auto Fn>
KernelStatus run_matmul_threaded(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulProblem&>(problem);
  return status_of([&] { return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k, s.threads); });
}

}  // namespace lab
