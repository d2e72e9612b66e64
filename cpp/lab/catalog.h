// The catalog: every kernel the lab offers, declared once. The page builds its
// lesson lists from it, the tests walk it, and the benchmarks iterate it.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error "lab/catalog.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/kernel_status.h"
#include "core/operation.h"
#include "core/params.h"

namespace lab {

struct Kernel {
  const char* name;     // data type, operation, schedule: f32_matmul_ikj
  const char* lesson;   // the lesson that teaches it
  const char* title;    // short label for tables and legends
  const char* summary;  // what distinguishes this schedule, in one sentence
  const char* source;   // the file that defines it, relative to the repository root
  const Operation* op;  // what it computes, and so what it is checked against
  std::vector<Tunable> tunables;
  bool student;         // an exercise stub for the student to write
  std::function<KernelStatus(Problem&, const Shape&)> run;
  const Traffic* traffic = nullptr;  // nullptr: the operation's compulsory bytes
};

// One rung of the matmul ladder the roofline lesson climbs, from the textbook
// loop to the fastest kernel the lab has: each step is real code that is faster
// for the reason given, all timed at one N on the learner's machine.
struct LadderStep {
  enum class Threads { one, all };
  const char* label;
  const char* why;                    // why it is faster than the step before, in one sentence
  std::vector<const char*> kernels;   // candidates: the page keeps the fastest measured
  Threads threads;
  int64_t block = 0;                  // for kernels that take a block (capped at N); 0: none
};

const std::vector<LadderStep>& ladder();
const char* ladder_threads_name(LadderStep::Threads threads);

// Bytes this kernel moves at this shape, and the formula that says so.
double bytes_moved(const Kernel& kernel, const Shape& shape);
const char* bytes_formula(const Kernel& kernel);

const std::vector<Kernel>& catalog();

// nullptr when no kernel has that name.
const Kernel* find_kernel(std::string_view name);

bool takes(const Kernel& kernel, Tunable tunable);

}  // namespace lab
