// The shapes every kernel of an operation must get right: the native tests
// check the reference kernels and the exercises (npm run check) at these, and
// the page checks a kernel compiled there at the same ones before timing it.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/check_shapes.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <cstdint>
#include <vector>

#include "lab/catalog.h"

namespace lab {

// This kernel's check shapes: for a product, square sizes then non-square
// shapes, each with every check block when the kernel is tiled, and at every
// check thread count when it takes threads; for a vector, the check lengths.
// (The page runs those whose thread count its build has.)
std::vector<Shape> check_shapes(const Kernel& kernel);
// The block sizes a tiled kernel is checked with at this shape: 1, odd, a
// typical tile, and the whole matrix, each once.
std::vector<int64_t> check_blocks(const Shape& shape);
// What check_shapes() is made of.
const std::vector<int64_t>& square_check_sizes();
const std::vector<Shape>& non_square_check_shapes();
const std::vector<int64_t>& vector_check_lengths();
const std::vector<int64_t>& check_thread_counts();

}  // namespace lab
