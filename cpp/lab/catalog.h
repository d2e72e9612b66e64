// The catalog: every kernel the lab offers, declared once. The page builds its
// lesson lists from it, the tests walk it, and the benchmarks iterate it.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/catalog.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/kernel_status.h"
#include "core/operation.h"
#include "core/params.h"

namespace lab {

class PageKernel;  // lab/page_kernels.h

// What a kernel is, as data, so that the page and the bench never guess it
// from its name.
enum class DType { f32, i8, bf16 };  // the type it multiplies (or moves)
// How its source meets SIMD: plain C with the vectorizers off, plain C left to
// the compiler's vectorizer, written with SIMD128 intrinsics, or with relaxed
// SIMD's too (a module of its own, where the browser has them: relaxed_kernels.h).
enum class Variant { scalar, autovec, simd128, relaxed_simd };
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
  const char* name;    // data type, operation, schedule: f32_matmul_ikj
  const char* lesson;  // the lesson that teaches it
  const char* title;   // short label for tables and legends
  Traits traits;
  const char* summary;  // what distinguishes this schedule, in one sentence
  const char* source;   // the file that defines it, relative to the repository root
  // Further files the page shows beside it: the headers its schedule lives in.
  std::vector<const char*> headers;
  const Operation* op;  // what it computes, and so what it is checked against
  std::vector<Tunable> tunables;
  bool student;  // an exercise stub for the student to write
  std::function<KernelStatus(Problem&, const Shape&)> run;
  const Traffic* traffic = nullptr;  // nullptr: the operation's compulsory bytes
  bool runtime = false;              // registered at run time (register_kernel), not compiled in
  // A kernel compiled in the page: the runner stages its buffers in the
  // student's module before the first call and collects them after the last.
  std::shared_ptr<PageKernel> page = nullptr;
};

// One rung of the matmul ladder the roofline lesson climbs, from the textbook
// loop to the fastest kernel the lab has: each step is real code that is faster
// for the reason given, all timed at one N on the learner's machine.
struct LadderStep {
  enum class Threads { one, all };
  const char* label;
  const char* why;                   // why it is faster than the step before, in one sentence
  std::vector<const char*> kernels;  // candidates: the page keeps the fastest measured
  Threads threads;
  int64_t block = 0;  // for kernels that take a block (sent with cap_block: run at N where N is
                      // smaller); 0: none
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

// Every kernel, the compiled-in ones first in catalog order, then those
// registered at run time in the order they came. catalog() rebuilds it when a
// kernel is registered or removed, so finish iterating before either.
class KernelList {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Kernel;
    using difference_type = std::ptrdiff_t;
    using pointer = const Kernel*;
    using reference = const Kernel&;
    explicit iterator(std::vector<const Kernel*>::const_iterator at) : at_(at) {}
    const Kernel& operator*() const { return **at_; }
    const Kernel* operator->() const { return *at_; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator==(const iterator& other) const { return at_ == other.at_; }
    bool operator!=(const iterator& other) const { return at_ != other.at_; }

   private:
    std::vector<const Kernel*>::const_iterator at_;
  };
  explicit KernelList(std::vector<const Kernel*> kernels) : kernels_(std::move(kernels)) {}
  iterator begin() const { return iterator(kernels_.begin()); }
  iterator end() const { return iterator(kernels_.end()); }
  size_t size() const { return kernels_.size(); }
  bool empty() const { return kernels_.empty(); }

 private:
  std::vector<const Kernel*> kernels_;
};

// Compiled-in kernels, then runtime ones. The list is rebuilt when a kernel is
// registered or removed, so hold on to it only between registrations.
const KernelList& catalog();

// nullptr when no kernel has that name. Sees compiled-in and runtime kernels.
const Kernel* find_kernel(std::string_view name);

// A kernel that was not compiled into the module (the next step: a student's
// kernel compiled in the page), added to the catalog with the same description,
// and so the same validation, checks and timing through the runner.
struct KernelRegistration {
  const Kernel* kernel = nullptr;  // the registered entry (runtime = true), or nullptr
  std::string error;               // why it was refused, for the person registering it
};

// Copies the kernel's texts, so the caller's strings need not outlive it, and
// marks it runtime. Refused, with a message, when its name is empty or already
// taken (compiled in or registered), or it has no operation or no run function.
// Pointers to compiled-in kernels, and to other runtime kernels, stay valid.
// Register and unregister between runs, not during one.
KernelRegistration register_kernel(Kernel kernel);

// Removes a kernel registered at run time; false (and nothing changes) when no
// runtime kernel has that name, compiled-in kernels included. Pointers to the
// removed kernel dangle afterwards; every other one stays valid.
bool unregister_kernel(std::string_view name);

bool takes(const Kernel& kernel, Tunable tunable);

}  // namespace lab
