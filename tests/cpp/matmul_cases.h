// The shapes every matmul kernel must get right, and the check that runs them.
// Shared by the reference tests (npm test) and the exercise tests (npm run check),
// so a student's kernel faces exactly the cases the reference passes.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "lab/catalog.h"
#include "lab/page_kernels.h"
#include "lab/runner.h"

namespace lab::testing {

// The shapes come from the library (lab/page_kernels.h), which also gives them
// to the page: a kernel compiled there is checked at these shapes too.
inline const std::vector<Shape>& kNonSquareShapes = non_square_check_shapes();
inline std::vector<int64_t> block_sizes_for(const Shape& s) { return check_blocks(s); }

inline void require_correct_at(const Kernel& kernel, Shape shape) {
  const std::vector<int64_t> blocks =
      takes(kernel, Tunable::block) ? block_sizes_for(shape) : std::vector<int64_t>{0};
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
  for (const Shape& s : kNonSquareShapes) require_correct_at(kernel, s);
}

}  // namespace lab::testing
