// One run of one kernel: validate, build (or reuse) the problem, time the
// kernel, check its output. Used by the page (through the bindings), the
// native benchmark and the tests, so all three measure the same way.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/runner.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string>

#include "core/timing.h"
#include "lab/catalog.h"
#include "lab/page_kernels.h"
#include "lab/validate.h"

namespace lab {

struct RunRequest {
  std::string kernel;
  Params params;
  TimingOptions timing;
};

// failed: a kernel compiled in the page trapped or wrote outside its output
// (lab/page_kernels.h); `error` says which.
enum class RunStatus { ok, invalid, not_implemented, cancelled, failed };

struct RunResult {
  RunStatus status = RunStatus::invalid;
  std::string field;  // with invalid: the parameter at fault
  std::string error;  // with invalid: what to change; with failed: what went wrong
  const Kernel* kernel = nullptr;
  Shape shape;
  Measurement timing;
  ErrorReport check;
  double flops = 0;
  double bytes = 0;
};

RunResult run(const RunRequest& request, const Limits& limits, const ProgressFn& progress);

// Every check run() makes before it touches memory, without running anything:
// lets the page refuse a whole sweep before its first run starts.
Validation check_request(const RunRequest& request, const Limits& limits);

// Runs the kernel once at the given shape and checks it, without timing it.
// The tests use this; it skips validation, so only pass shapes that fit. A
// page kernel's failure, if any, goes to *failure when it is given, and the
// report is then empty (not passed).
ErrorReport run_once_and_check(const Kernel& kernel, const Shape& shape, KernelStatus* status,
                               std::string* failure = nullptr);

// The problem of this operation and shape, built on first use and kept for the
// runs that follow, because its exact reference costs more than a kernel call.
// Only the last one is kept: asking for another shape frees it.
Problem& cached_problem(const Operation& op, const Shape& shape);

// Releases the problem kept for reuse between runs.
void release_cached_problem();

const char* status_name(RunStatus status);

}  // namespace lab
