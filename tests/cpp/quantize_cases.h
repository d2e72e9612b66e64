// The inputs every int8 quantize kernel must get right, and the check that
// runs them. Shared by the reference tests and the exercise tests (npm run check).
#pragma once

#include <catch2/catch.hpp>

#include <vector>

#include "kernels/quantize/quantize_problems.h"
#include "lab/catalog.h"
#include "lab/check_shapes.h"
#include "lab/runner.h"

namespace lab::testing {

struct QuantizeCase {
  const char* name;
  std::vector<float> x;
};

inline const std::vector<QuantizeCase> kQuantizeCases = {
    {"a zero vector (scale 1, codes 0, no NaN)", std::vector<float>(21, 0.0f)},
    {"one element", {-3.5f}},
    {"one zero", {0.0f}},
    {"the largest magnitude is negative", {0.25f, -2.0f, 1.0f, 0.5f, -0.125f}},
    // scale 1: each x / scale is exactly halfway between two codes.
    {"ties",
     {127.0f, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -126.5f, 17.5f, 3.0f, 9.5f, 10.5f, 11.5f, 12.5f,
      13.5f, 14.5f, 15.5f, 16.5f, -0.0f, 100.5f}},
    {"a tiny magnitude", {1e-30f, -3e-31f, 2e-31f}},
    {"a huge magnitude", {3e38f, -1e38f, 1.0f}},
};

inline void require_quantize_run(const Kernel& kernel, Problem& problem, int64_t n) {
  problem.poison_output();
  const KernelStatus status = kernel.run(problem, Shape{1, n, 1, 0});
  if (status == KernelStatus::not_implemented)
    FAIL("Not implemented yet: write " << kernel.source << " and return KernelStatus::done.");
  const ErrorReport report = problem.check();
  INFO("max |x - q scale| / scale = " << report.max_rel_err << ", scale off by "
                                      << report.metrics.at(0).value << " (relative)");
  REQUIRE(report.passed);
}

inline void require_quantize_kernel_correct(const Kernel& kernel) {
  for (int64_t n : vector_check_lengths()) {
    INFO(kernel.name << " at N=" << n);
    QuantizeProblem problem(Shape{1, n, 1, 0});
    require_quantize_run(kernel, problem, n);
  }
  for (const QuantizeCase& c : kQuantizeCases) {
    INFO(kernel.name << " on " << c.name);
    QuantizeProblem problem(c.x);
    require_quantize_run(kernel, problem, static_cast<int64_t>(c.x.size()));
  }
}

}  // namespace lab::testing
