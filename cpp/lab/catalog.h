// The catalog: every kernel the lab offers, declared once. The page builds its
// lesson lists from it, the tests walk it, and the benchmarks iterate it.
#pragma once

#include <cstdint>
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

// What a kernel is, as data, so that the page and the bench never guess it
// from its name.
enum class DType { f32, i8, bf16 };  // the type it multiplies (or moves)
// How its source meets SIMD: plain C with the vectorizers off, plain C left to
// the compiler's vectorizer, or written with SIMD128 intrinsics.
enum class Variant { scalar, autovec, simd128 };
// The part it plays in the lessons.
enum class Role {
  naive,             // the textbook loop every other step is measured against
  loop_order,        // the same loops in another order
  blocked,           // tiled for the caches
  register_blocked,  // a tile of C held in registers
  expert,            // the packed, BLIS-style GEMM
  elementwise,       // one pass over vectors
  unfused,           // a chain of steps, one pass over memory each
  fused,             // the same chain in one pass
  ceiling_probe,     // the arithmetic ceiling of the roofline
  bandwidth_probe,   // the memory roof of the roofline
  backend,           // a whole model on one of the capstone's backends
  exercise,          // a stub for the student to write
};
enum class Backend { none, naive, optimized, int8 };

struct Traits {
  DType dtype;
  Variant variant;
  Role role;
  Backend backend = Backend::none;
};

const char* dtype_name(DType dtype);
const char* variant_name(Variant variant);
const char* role_name(Role role);
const char* backend_name(Backend backend);  // nullptr for Backend::none

struct Kernel {
  const char* name;     // data type, operation, schedule: f32_matmul_ikj
  const char* lesson;   // the lesson that teaches it
  const char* title;    // short label for tables and legends
  Traits traits;
  const char* summary;  // what distinguishes this schedule, in one sentence
  const char* source;   // the file that defines it, relative to the repository root
  // Further files the page shows beside it: the headers its schedule lives in.
  std::vector<const char*> headers;
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

// The shape a lesson and the bench start from for this operation.
Shape default_shape(const Operation& op);

// Files a lesson shows that belong to no one kernel, by what they are.
struct SharedSources {
  std::vector<const char*> timing;       // how every run is timed and summarized
  std::vector<const char*> thread_pool;  // the pool the threaded kernels share
};
const SharedSources& shared_sources();
const char* ladder_threads_name(LadderStep::Threads threads);

// Bytes this kernel moves at this shape, and the formula that says so.
double bytes_moved(const Kernel& kernel, const Shape& shape);
const char* bytes_formula(const Kernel& kernel);

const std::vector<Kernel>& catalog();

// nullptr when no kernel has that name.
const Kernel* find_kernel(std::string_view name);

bool takes(const Kernel& kernel, Tunable tunable);

}  // namespace lab
