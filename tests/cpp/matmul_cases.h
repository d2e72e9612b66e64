// The check that runs a matmul kernel at every shape it must get right (lab/check_shapes.h).
// Shared by the reference tests (npm test) and the exercise tests (npm run check),
// so a student's kernel faces exactly the cases the reference passes.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "lab/catalog.h"
#include "lab/check_shapes.h"
#include "lab/runner.h"

namespace lab::testing {

inline void require_correct_at(const Kernel& kernel, Shape shape) {
  const std::vector<int64_t> blocks =
      takes(kernel, Tunable::block) ? check_blocks(shape) : std::vector<int64_t>{0};
  for (int64_t block : blocks) {
    shape.block = block;
    INFO(kernel.name << " at M=" << shape.m << " N=" << shape.n << " K=" << shape.k
                     << " block=" << block);
    KernelStatus status = KernelStatus::not_implemented;
    const ErrorReport report = run_once_and_check(kernel, shape, &status);
    if (status == KernelStatus::not_implemented)
      FAIL("Not implemented yet: write " << kernel.source << " and return KernelStatus::done.");
    INFO("max_rel_err " << report.max_rel_err << " tolerance " << report.tolerance);
    REQUIRE(report.passed);
  }
}

inline void require_matmul_kernel_correct(const Kernel& kernel) {
  for (int64_t n : square_check_sizes()) require_correct_at(kernel, {n, n, n, 0});
  for (const Shape& s : non_square_check_shapes()) require_correct_at(kernel, s);
}

}  // namespace lab::testing
