// The two axpy operations, z = a x + y: f32 storage, and bf16 storage computed
// in f32. Both start from the same f32 inputs; the bf16 problem rounds them.
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"
#include "core/source_file.h"

namespace lab {

// The a of every axpy problem: a value whose products round.
constexpr float kAxpyScale = 0.3f;

class F32AxpyProblem final : public Problem {
 public:
  explicit F32AxpyProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  const float* y() const { return y_.data(); }
  float* z() { return z_.data(); }

 private:
  std::vector<float> x_, y_, z_;
};

class Bf16AxpyProblem final : public Problem {
 public:
  explicit Bf16AxpyProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const uint16_t* x() const { return x_.data(); }
  const uint16_t* y() const { return y_.data(); }
  uint16_t* z() { return z_.data(); }

 private:
  std::vector<uint16_t> x_, y_, z_;
};

extern const Operation kAxpyF32;
extern const Operation kAxpyBf16;

}  // namespace lab

LAB_SOURCE_DECLARE(axpy_problem_cpp)
