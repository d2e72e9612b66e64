// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_matmul<f32_matmul_ikj>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
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

// A kernel compiled in the page gets (a, b, c, m, n, k), and block after them
// when it takes one: cpp/exercises/page_entry.cpp.
inline ExternalCall matmul_page_call(Problem& problem, const Shape& s, bool takes_block) {
  auto& p = static_cast<MatmulProblem&>(problem);
  const auto bytes = [](int64_t rows, int64_t columns) {
    return sizeof(float) * static_cast<size_t>(rows * columns);
  };
  ExternalCall call{
      {{"A", p.a(), bytes(s.m, s.k), sizeof(float), false},
       {"B", p.b(), bytes(s.k, s.n), sizeof(float), false},
       {"C", p.c(), bytes(s.m, s.n), sizeof(float), true}},
      {static_cast<int32_t>(s.m), static_cast<int32_t>(s.n), static_cast<int32_t>(s.k)}};
  if (takes_block) call.sizes.push_back(static_cast<int32_t>(s.block));
  return call;
}

}  // namespace lab
