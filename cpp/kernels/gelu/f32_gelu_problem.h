// The GELU operation, y = GELU(x) elementwise over a vector of f32, and the
// exact GELU in double that every GELU result is checked against.
#pragma once

#include <vector>

#include "core/operation.h"

namespace lab {

class GeluProblem final : public Problem {
 public:
  explicit GeluProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  float* y() { return y_.data(); }
  float* scratch() { return scratch_.data(); }  // for schedules that spill temporaries

 private:
  std::vector<float> x_, y_, scratch_;
};

extern const Operation kGeluF32;

// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) in double, with std::tanh.
double gelu_exact(double x);

// max(|x|, smallest normal f32): what a GELU result's error is measured
// relative to (why x and not y: see the operation's error_model).
double gelu_error_scale(float x);

// The largest |y - gelu_exact(x)| / gelu_error_scale(x) the f32 GELU of
// kernels/gelu/f32x4_gelu.h may have, for any f32 x. Measured over a dense
// sweep in tests/cpp/test_gelu_kernels.cpp, with a margin.
extern const double kGeluTolerance;

}  // namespace lab
