// Every check a run's parameters must pass before any memory is touched. A bad
// value gets a message a student can act on, and nothing changes.
#pragma once

#include <string>

#include "lab/catalog.h"
#include "lab/params.h"
#include "lab/timing.h"

namespace lab {

struct Limits {
  double memory_bytes = 0;  // what one run may allocate
};

struct Validation {
  bool ok = false;
  std::string field;  // the parameter at fault: "n", "block", "min_time", "kernel"
  std::string error;
  Shape shape;
};

// The largest square size whose run fits the limits (0 if none does).
int64_t max_square_size(const Operation& op, const Limits& limits);

Validation validate(const Kernel& kernel, const Params& params, const Limits& limits);
Validation validate_timing(const TimingOptions& timing);

}  // namespace lab
