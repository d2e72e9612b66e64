// The lengths every ReLU kernel must get right, and the check that runs them.
// Shared by the reference tests and the exercise tests (npm run check).
#pragma once

#include <catch2/catch.hpp>

#include <vector>

#include "lab/catalog.h"
#include "lab/check_shapes.h"
#include "lab/runner.h"

namespace lab::testing {

inline void require_relu_kernel_correct(const Kernel& kernel) {
  for (int64_t n : vector_check_lengths()) {
    INFO(kernel.name << " at N=" << n);
    KernelStatus status = KernelStatus::not_implemented;
    const ErrorReport report = run_once_and_check(kernel, Shape{1, n, 1, 0}, &status);
    if (status == KernelStatus::not_implemented)
      FAIL("Not implemented yet: write " << kernel.source << " and return KernelStatus::done.");
    INFO("max_abs_err " << report.max_abs_err);
    REQUIRE(report.passed);
  }
}

}  // namespace lab::testing
