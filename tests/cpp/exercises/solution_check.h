// Checks a solution to an exercise exactly as the page and `npm run check`
// check the student's kernel: the stub's catalog entry, with its run replaced
// by the solution's, at every one of the stub's check shapes.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <utility>

#include "lab/catalog.h"
#include "lab/check_shapes.h"
#include "lab/runner.h"

namespace lab::testing {

// The exercise `stub` (a catalog name), running `run` instead of the stub.
inline Kernel as_exercise(const char* stub,
                          std::function<KernelStatus(Problem&, const Shape&)> run) {
  const Kernel* k = find_kernel(stub);
  REQUIRE(k != nullptr);
  REQUIRE(k->student);
  Kernel kernel = *k;
  kernel.run = std::move(run);
  return kernel;
}

// The first check shape where the kernel's output is wrong or it is not
// implemented; nothing when it is right at all of them.
inline std::optional<Shape> first_failing_shape(const Kernel& kernel) {
  for (const Shape& shape : check_shapes(kernel)) {
    KernelStatus status = KernelStatus::not_implemented;
    const ErrorReport report = run_once_and_check(kernel, shape, &status);
    if (status != KernelStatus::done || !report.passed) return shape;
  }
  return std::nullopt;
}

}  // namespace lab::testing
