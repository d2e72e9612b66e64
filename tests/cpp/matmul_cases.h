// The shapes every matmul kernel must get right, and the check that runs them.
// Shared by the reference tests (npm test) and the exercise tests (npm run check),
// so a student's kernel faces exactly the cases the reference passes.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "lab/catalog.h"
#include "lab/runner.h"

namespace lab::testing {

// 1, odd sizes, powers of two and one either side, and one above 256.
inline const std::vector<int64_t> kSquareSizes = {1, 2, 3, 7, 16, 17, 63, 64, 65, 100, 257};

inline const std::vector<Shape> kNonSquareShapes = {
    {1, 7, 3, 0},   {7, 1, 3, 0},     {3, 7, 1, 0},     {5, 9, 17, 0}, {17, 33, 2, 0},
    {64, 3, 65, 0}, {100, 257, 7, 0}, {33, 65, 129, 0}, {2, 300, 2, 0}};

// Block sizes for tiled kernels: 1, odd, a typical tile, and the whole matrix.
inline std::vector<int64_t> block_sizes_for(const Shape& s) {
  const int64_t largest = std::max({s.m, s.n, s.k});
  std::vector<int64_t> blocks = {1, 7, 16, 64, largest};
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [&](int64_t b) { return b > largest; }),
               blocks.end());
  return blocks;
}

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
  for (int64_t n : kSquareSizes) require_correct_at(kernel, {n, n, n, 0});
  for (const Shape& s : kNonSquareShapes) require_correct_at(kernel, s);
}

}  // namespace lab::testing
