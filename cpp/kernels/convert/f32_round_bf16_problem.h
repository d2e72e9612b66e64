// The bf16 rounding operation: y = bf16(x), to nearest with ties to even,
// for each element of an f32 vector, checked bit for bit against
// f32_to_bf16 (bf16_convert.h).
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"

namespace lab {

class RoundBf16Problem final : public Problem {
 public:
  explicit RoundBf16Problem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  uint16_t* y() { return y_.data(); }

 private:
  std::vector<float> x_;
  std::vector<uint16_t> y_;
};

extern const Operation kRoundBf16;

}  // namespace lab
