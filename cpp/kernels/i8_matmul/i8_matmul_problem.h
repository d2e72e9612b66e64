// The int8 matmul operation: A and B are f32 (standard normal), quantized
// before timing, A per row and B per column, as a model's weights would be
// quantized once, ahead of time. The kernels multiply the int8 codes.
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"

namespace lab {

// The largest K whose int32 sums cannot overflow: K products of at most
// 127 x 127 = 16129 each stay below 2^31 - 1 while K <= 133144.
constexpr int64_t kI8MatmulMaxK = ((int64_t{1} << 31) - 1) / (127 * 127);

class I8MatmulProblem final : public Problem {
 public:
  explicit I8MatmulProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const int8_t* a() const { return qa_.data(); }
  const int8_t* b() const { return qb_.data(); }
  const float* scale_a() const { return scale_a_.data(); }
  const float* scale_b() const { return scale_b_.data(); }
  float* c() { return c_.data(); }

 private:
  Shape shape_;
  std::vector<int8_t> qa_, qb_;
  std::vector<float> scale_a_, scale_b_, c_;
  std::vector<double> exact_;  // the dequantized integer product, exact in double
  std::vector<double> f32_;    // A x B of the unquantized inputs, in double
};

extern const Operation kMatmulI8;

// The epilogue's error: float(sum) x (scale_a x scale_b) rounds three times.
double i8_matmul_tolerance();

}  // namespace lab
