// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation: run_model<model::FfnProblem,
// model::ffn_block_int8>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/kernel_status.h"
#include "core/params.h"
#include "model/capstone_problems.h"

namespace lab {

// One forward pass of a capstone model on one backend.
template <class ModelProblem, auto Fn>
KernelStatus run_model(Problem& problem, const Shape& s) {
  return status_of([&] { return Fn(static_cast<ModelProblem&>(problem), s.threads); });
}

}  // namespace lab
