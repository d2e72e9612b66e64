// Every check a run's parameters must pass before any memory is touched. A bad
// value gets a message a student can act on, and nothing changes.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/validate.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string>

#include "core/params.h"
#include "core/timing.h"
#include "lab/catalog.h"

namespace lab {

struct Limits {
  double memory_bytes = 0;  // what one run may allocate
  int max_threads = 1;      // threads the lab's pool has, the caller included
};

struct Validation {
  bool ok = false;
  std::string field;  // the parameter at fault: "n", "block", "min_time", "kernel"
  std::string error;
  Shape shape;
};

// The largest N whose run fits the limits (0 if none does): the side of a
// square matrix problem, or the length of a vector.
int64_t max_size(const Operation& op, const Limits& limits);

Validation validate(const Kernel& kernel, const Params& params, const Limits& limits);
Validation validate_timing(const TimingOptions& timing);

}  // namespace lab
