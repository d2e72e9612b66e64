// The catalog: every kernel the lab offers, declared once. The page builds its
// lesson lists from it, the tests walk it, and the benchmarks iterate it.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "lab/kernel_status.h"
#include "lab/operation.h"
#include "lab/params.h"

namespace lab {

// The memory traffic one schedule really causes, where it differs from the
// operation's compulsory traffic: an unfused chain writes and rereads its
// temporaries, a fused one does not. Defined once, beside the kernel.
struct Traffic {
  const char* formula;
  double (*bytes)(const Shape&);
};

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

// Bytes this kernel moves at this shape, and the formula that says so.
double bytes_moved(const Kernel& kernel, const Shape& shape);
const char* bytes_formula(const Kernel& kernel);

const std::vector<Kernel>& catalog();

// nullptr when no kernel has that name.
const Kernel* find_kernel(std::string_view name);

bool takes(const Kernel& kernel, Tunable tunable);

}  // namespace lab
