// The operations behind the two probes: N mul+add updates spread over a fixed
// set of lanes (the ceiling), and the STREAM triad (the bandwidth).
#pragma once

#include <cstdint>
#include <vector>

#include "core/operation.h"

namespace lab {

// Lanes of the ceiling probe: 240 groups of 52, so that the groups split
// evenly over 1 to 6, 8 (nearly), 10, 12, 15, 16 (nearly) and 20 threads. Few
// enough to stay in L1 and L2: the probe must never wait on memory.
constexpr int64_t kMulAddLanes = 12480;
// m = 1 makes every product exact, so the result is the same whether or not a
// compiler fuses the multiply and the add (the hardware takes as long to
// multiply by 1 as by anything else). Lanes start at multiples of c in [1, 2),
// so each one counts its steps exactly: after t steps it holds x + t c, until
// it reaches kMulAddSaturation, where adding c is a tie that rounds back to it.
// Finite and normal for any N, and checked in closed form.
constexpr float kMulAddM = 1.0f;
constexpr float kMulAddC = 1.0f / 65536;
constexpr double kMulAddSaturation = 256;  // 2^24 multiples of c: the last exact one

// What a lane starting at x holds after `steps` updates.
double mul_add_after(float x, int64_t steps);

class MulAddProblem final : public Problem {
 public:
  explicit MulAddProblem(const Shape& shape);

  void poison_output() override;
  ErrorReport check() const override;

  const float* x() const { return x_.data(); }
  float* y() { return y_.data(); }
  int64_t n() const { return n_; }

 private:
  int64_t n_;
  std::vector<float> x_, y_;
};

extern const Operation kMulAddF32;
extern const Operation kTriadF32;

}  // namespace lab
