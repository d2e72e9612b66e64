// The quantize and dequantize operations on one f32 vector, per tensor.
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"

namespace lab {

class QuantizeProblem final : public Problem {
 public:
  explicit QuantizeProblem(const Shape& shape);
  // Given values instead of random ones: the tests' edge cases.
  explicit QuantizeProblem(std::vector<float> x);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  int8_t* q() { return q_.data(); }
  float* scale() { return &scale_; }

 private:
  std::vector<float> x_;
  std::vector<int8_t> q_;
  float scale_ = 0;
};

// Judges any int8 quantization of x, whatever its rounding: the scale must be
// max|x| / 127 (1 for all zeros) within a few ulp, every code in [-127, 127],
// and every x within half a step of its code, |x - q scale| <= scale / 2 (plus
// a rounding's worth). So a ties-away or a divide-by-scale version passes, and
// a truncating, off-by-one or unclamped one fails.
ErrorReport check_quantized_i8(const float* x, int64_t n, const int8_t* q, float scale);

class DequantizeProblem final : public Problem {
 public:
  explicit DequantizeProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const int8_t* q() const { return q_.data(); }
  float scale() const { return scale_; }
  float* x() { return x_.data(); }

 private:
  std::vector<int8_t> q_;
  float scale_;
  std::vector<float> x_;
};

extern const Operation kQuantizeF32I8;
extern const Operation kDequantizeI8F32;

}  // namespace lab
