// The matmul operation, C = A * B in row-major f32, shared by every matmul kernel.
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"

namespace lab {

class MatmulProblem final : public Problem {
 public:
  explicit MatmulProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* a() const { return a_.data(); }
  const float* b() const { return b_.data(); }
  float* c() { return c_.data(); }
  const float* c() const { return c_.data(); }
  const Shape& shape() const { return shape_; }
  // For operations built on this product: A*B in double, and |A|*|B|.
  const std::vector<double>& exact() const { return exact_; }
  const std::vector<double>& magnitude() const { return magnitude_; }

 private:
  Shape shape_;
  std::vector<float> a_, b_, c_;
  std::vector<double> exact_;      // A*B in double: exact products, tiny sum error
  std::vector<double> magnitude_;  // |A|*|B|, the scale any summation error has
};

extern const Operation kMatmulF32;

// The largest error any order of f32 summation of k products may have, relative
// to |A|*|B| (Higham's gamma_k). Every correct kernel, whatever its loop order,
// tiling or vector width, stays inside it.
double matmul_f32_tolerance(int64_t k);

}  // namespace lab
