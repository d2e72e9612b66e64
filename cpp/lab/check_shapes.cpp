#include "lab/check_shapes.h"

#include <algorithm>

namespace lab {

// 1, odd sizes, powers of two and one either side, and one above 256.
const std::vector<int64_t>& square_check_sizes() {
  static const std::vector<int64_t> sizes = {1, 2, 3, 7, 16, 17, 63, 64, 65, 100, 257};
  return sizes;
}

// A single row, column or reduction step, tall, wide and odd.
const std::vector<Shape>& non_square_check_shapes() {
  static const std::vector<Shape> shapes = {{1, 7, 3, 0},     {7, 1, 3, 0},     {3, 7, 1, 0},
                                            {5, 9, 17, 0},    {17, 33, 2, 0},   {64, 3, 65, 0},
                                            {100, 257, 7, 0}, {33, 65, 129, 0}, {2, 300, 2, 0}};
  return shapes;
}

// 1, around the vector width (4) and a 16-element unrolled step, odd ones,
// and a million and three.
const std::vector<int64_t>& vector_check_lengths() {
  static const std::vector<int64_t> lengths = {1,  2,  3,  4,  5,  7,   8,    15,
                                               16, 17, 19, 31, 33, 100, 1001, (1 << 20) + 3};
  return lengths;
}

// One thread, and two and three, which leave a remainder for most row counts.
const std::vector<int64_t>& check_thread_counts() {
  static const std::vector<int64_t> counts = {1, 2, 3};
  return counts;
}

std::vector<Shape> check_shapes(const Kernel& kernel) {
  std::vector<Shape> base;
  if (kernel.op->shape_kind == ShapeKind::vector) {
    for (int64_t n : vector_check_lengths()) base.push_back({1, n, 1, 0});
    return base;
  }
  for (int64_t n : square_check_sizes()) base.push_back({n, n, n, 0});
  base.insert(base.end(), non_square_check_shapes().begin(), non_square_check_shapes().end());
  if (takes(kernel, Tunable::block)) {
    std::vector<Shape> blocked;
    for (const Shape& s : base)
      for (int64_t block : check_blocks(s)) blocked.push_back({s.m, s.n, s.k, block});
    base = blocked;
  }
  if (!takes(kernel, Tunable::threads)) return base;
  std::vector<Shape> shapes;
  for (const Shape& s : base)
    for (int64_t threads : check_thread_counts())
      shapes.push_back({s.m, s.n, s.k, s.block, threads});
  return shapes;
}

std::vector<int64_t> check_blocks(const Shape& s) {
  const int64_t largest = std::max({s.m, s.n, s.k});
  std::vector<int64_t> blocks = {1, 7, 16, 64, largest};
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [&](int64_t b) { return b > largest; }),
               blocks.end());
  std::sort(blocks.begin(), blocks.end());
  blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
  return blocks;
}

}  // namespace lab
