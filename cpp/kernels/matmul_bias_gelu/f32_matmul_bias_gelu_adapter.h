// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation:
// run_matmul_bias_gelu<f32_matmul_bias_gelu_4x8_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_problem.h"

namespace lab {

template <auto Fn>
KernelStatus run_matmul_bias_gelu(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulBiasGeluProblem&>(problem);
  return status_of(
      [&] { return Fn(p.a(), p.b(), p.bias(), p.c(), s.m, s.n, s.k, s.block, s.threads); });
}

}  // namespace lab
