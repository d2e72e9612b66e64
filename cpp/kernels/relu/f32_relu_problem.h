// The ReLU operation, y = max(x, 0) elementwise over a vector of f32.
#pragma once

#include <vector>

#include "core/operation.h"

namespace lab {

class ReluProblem final : public Problem {
 public:
  explicit ReluProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  float* y() { return y_.data(); }

 private:
  std::vector<float> x_, y_;
};

extern const Operation kReluF32;

}  // namespace lab
