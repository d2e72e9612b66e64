// Where the time of one forward pass goes. The model and the backends mark the
// end of each step (a GEMM, the quantization of an input, the bias and GELU
// pass); a clock that is on records the time since the previous mark under
// that step's name, and a clock that is off does nothing, so the timed runs of
// the catalog pay for no clock reads.
#pragma once

#include <string>
#include <vector>
#include "core/source_file.h"

namespace lab::model {

struct StepTime {
  std::string name;  // "linear1 · GEMM"
  double seconds;
};

class StepClock {
 public:
  // A clock that records nothing.
  StepClock() = default;
  static StepClock on();

  // Names the layer whose steps follow ("linear1"), and starts its first step.
  void layer(const char* name);
  // Ends the current step: the time since the last mark is recorded as this
  // step of the current layer.
  void mark(const char* step);

  const std::vector<StepTime>& steps() const { return steps_; }

 private:
  bool on_ = false;
  std::string layer_;
  double last_ = 0;
  std::vector<StepTime> steps_;
};

}  // namespace lab::model

LAB_SOURCE_HEADER(step_clock_h)
