#include "lab/runner.h"

#include <algorithm>
#include <map>
#include <string>

namespace lab {

namespace {

// Seconds each kernel's code has run in this process, warm-ups included, by
// what decides which code runs. V8 swaps a wasm function to its optimized code
// once the function has run a while, and keeps that code for the module's
// life: a kernel that has already run longer than the warm-up's minimum needs
// only a short warm-up now (the check that its time per call stopped falling
// still holds). Keyed by name, thread count and the size's power of two,
// since a kernel may take another path for small sizes or on one thread; a
// kernel in a module of its own also by that module (a student's is compiled
// again with each change).
std::map<std::string, double>& seconds_run() {
  static std::map<std::string, double> seconds;
  return seconds;
}
std::string warmup_key(const Kernel& kernel, const Shape& shape) {
  const int64_t largest = std::max({shape.m, shape.n, shape.k, int64_t{1}});
  int log2 = 0;
  while ((int64_t{1} << (log2 + 1)) <= largest) ++log2;
  std::string key =
      std::string(kernel.name) + "/" + std::to_string(shape.threads) + "/" + std::to_string(log2);
  if (kernel.page) key += "/module" + std::to_string(kernel.page->serial());
  return key;
}
constexpr double kWarmKernelWarmup_s = 0.02;

// The problem of the last run, kept because its exact reference is costly and
// a sweep runs many kernels at one shape.
struct ProblemCache {
  const Operation* op = nullptr;
  Shape shape;
  std::unique_ptr<Problem> problem;
};

ProblemCache& cache() {
  static ProblemCache c;
  return c;
}

RunResult failed(RunResult r, std::string error) {
  r.status = RunStatus::failed;
  r.error = std::move(error);
  return r;
}

RunResult invalid(const Validation& v) {
  RunResult r;
  r.status = RunStatus::invalid;
  r.field = v.field;
  r.error = v.error;
  return r;
}

}  // namespace

Problem& cached_problem(const Operation& op, const Shape& shape) {
  ProblemCache& c = cache();
  const bool same = c.problem && c.op == &op && c.shape.m == shape.m && c.shape.n == shape.n &&
                    c.shape.k == shape.k;
  if (!same) {
    c.problem.reset();  // free the old one first: both may not fit together
    c.problem = op.make_problem(shape);
    c.op = &op;
    c.shape = shape;
  }
  return *c.problem;
}

void release_cached_problem() { cache() = ProblemCache{}; }

const char* status_name(RunStatus status) {
  switch (status) {
    case RunStatus::ok: return "ok";
    case RunStatus::invalid: return "invalid";
    case RunStatus::not_implemented: return "not_implemented";
    case RunStatus::cancelled: return "cancelled";
    case RunStatus::failed: return "failed";
  }
  return "";
}

ErrorReport run_once_and_check(const Kernel& kernel, const Shape& shape, KernelStatus* status,
                               std::string* failure) {
  Problem& problem = cached_problem(*kernel.op, shape);
  problem.poison_output();
  std::string error = kernel.page ? kernel.page->stage(problem, shape) : "";
  *status = error.empty() ? kernel.run(problem, shape) : KernelStatus::done;
  if (kernel.page && *status == KernelStatus::done) error = kernel.page->collect();
  if (failure) *failure = error;
  return error.empty() ? problem.check() : ErrorReport{};
}

Validation check_request(const RunRequest& request, const Limits& limits) {
  const Kernel* kernel = find_kernel(request.kernel);
  if (!kernel) {
    Validation v;
    v.field = "kernel";
    v.error = "There is no kernel named \"" + request.kernel + "\" in the catalog.";
    return v;
  }
  const Validation timing = validate_timing(request.timing);
  if (!timing.ok) return timing;
  return validate(*kernel, request.params, limits);
}

RunResult run(const RunRequest& request, const Limits& limits, const ProgressFn& progress) {
  const Validation v = check_request(request, limits);
  if (!v.ok) return invalid(v);
  const Kernel* kernel = find_kernel(request.kernel);

  RunResult r;
  r.kernel = kernel;
  r.shape = v.shape;
  r.flops = kernel->op->flops(v.shape);
  r.bytes = bytes_moved(*kernel, v.shape);

  Problem& problem = cached_problem(*kernel->op, v.shape);
  problem.poison_output();
  // A kernel compiled in the page gets its own copy of the buffers, outside
  // the timing, and is checked for writes outside its output after its first
  // call and after its last.
  PageKernel* page = kernel->page.get();
  if (page) {
    std::string error = page->stage(problem, v.shape);
    if (!error.empty()) return failed(r, error);
  }
  // The first call is timed alone: it is the cold, single-shot measurement,
  // and it tells us whether an exercise stub is still unwritten.
  const double start = now_seconds();
  const KernelStatus status = kernel->run(problem, v.shape);
  const double first_call_s = now_seconds() - start;
  if (status == KernelStatus::not_implemented) {
    r.status = RunStatus::not_implemented;
    return r;
  }
  if (page) {
    std::string error = page->collect();
    if (!error.empty()) return failed(r, error);
  }
  if (request.timing.single_shot) {
    r.timing = single_sample(first_call_s);
  } else {
    TimingOptions timing = request.timing;
    double& ran = seconds_run()[warmup_key(*kernel, v.shape)];
    if (ran >= timing.warmup_min_s)
      timing.warmup_min_s = std::min(timing.warmup_min_s, kWarmKernelWarmup_s);
    r.timing = measure([&] { kernel->run(problem, v.shape); }, timing, progress);
    ran += r.timing.warmup_s + r.timing.total_s;
    r.timing.first_call_s = first_call_s;
    if (page) {
      std::string error = page->collect();
      if (!error.empty()) return failed(r, error);
    }
  }
  r.status = r.timing.cancelled ? RunStatus::cancelled : RunStatus::ok;
  r.check = problem.check();
  return r;
}

}  // namespace lab
