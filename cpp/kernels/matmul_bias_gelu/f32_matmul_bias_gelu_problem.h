// The operation C = GELU(A * B + bias), the bias a row of N added to every row
// of the product: a layer of a transformer's MLP.
#pragma once

#include <vector>

#include "core/operation.h"
#include "kernels/matmul/f32_matmul_problem.h"

namespace lab {

class MatmulBiasGeluProblem final : public Problem {
 public:
  explicit MatmulBiasGeluProblem(const Shape& shape);

  void poison_output() override { product_.poison_output(); }
  ErrorReport check() const override;

  const float* a() const { return product_.a(); }
  const float* b() const { return product_.b(); }
  const float* bias() const { return bias_.data(); }
  float* c() { return product_.c(); }

 private:
  MatmulProblem product_;  // A, B, C and the exact A * B
  std::vector<float> bias_;
};

extern const Operation kMatmulBiasGeluF32;

// The steepest slope of GELU (about 1.129, near x = 1.5), rounded up: how much
// the error of A * B + bias can grow through it.
constexpr double kGeluMaxSlope = 1.13;

double matmul_bias_gelu_tolerance(int64_t k);

}  // namespace lab
