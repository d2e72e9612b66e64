// The check that runs a kernel at every one of its check shapes
// (lab/check_shapes.h), whatever its operation: thread counts included for a
// kernel that takes them. Shared by the reference tests (npm test) and the
// exercise tests (npm run check).
#pragma once

#include <catch2/catch.hpp>

#include "lab/catalog.h"
#include "lab/check_shapes.h"
#include "lab/runner.h"

namespace lab::testing {

inline void require_correct_at_check_shapes(const Kernel& kernel) {
  for (const Shape& shape : check_shapes(kernel)) {
    INFO(kernel.name << " at M=" << shape.m << " N=" << shape.n << " K=" << shape.k
                     << " block=" << shape.block << " threads=" << shape.threads);
    KernelStatus status = KernelStatus::not_implemented;
    const ErrorReport report = run_once_and_check(kernel, shape, &status);
    if (status == KernelStatus::not_implemented)
      FAIL("Not implemented yet: write " << kernel.source << " and return KernelStatus::done.");
    const BadElement& bad = report.first_bad;
    INFO("first bad: " << bad.output << "[" << bad.index << "] expected " << bad.expected
                       << ", got " << bad.actual);
    REQUIRE(report.passed);
  }
}

}  // namespace lab::testing
