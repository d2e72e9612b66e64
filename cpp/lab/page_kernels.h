// Kernels that live in a WebAssembly module of their own: a student's exercise,
// built by the in-browser compiler, or one of the lab's relaxed-SIMD kernels
// (lab/relaxed_kernels.h), built ahead of time by a newer clang. Each is
// registered in the catalog as a runtime kernel and then validated, timed and
// checked by the same runner as every other kernel.
//
// The module has its own memory, so nothing it does can touch the lab's. The
// host (the page's JavaScript, or a fake in the native tests) keeps one module
// per slot and, for each problem, copies the buffers in between guard regions
// before the first call, and after the last one checks the guards and the
// inputs and copies the outputs back. A kernel that writes outside its output
// or traps fails the run with a message; the lab keeps working.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/page_kernels.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <memory>
#include <string>
#include <vector>

#include "core/external_call.h"
#include "lab/catalog.h"

namespace lab {

// Where the student's modules live. Each method returns "" when all went well,
// or what went wrong, in a sentence for the student.
class PageHost {
 public:
  virtual ~PageHost() = default;
  // Copies the buffers into a fresh instance of the slot's module.
  virtual std::string stage(int slot, const std::vector<ExternalBuffer>& buffers) = 0;
  // Calls the entry with the staged buffers and these sizes: the kernel's
  // status; when the call failed (a trap), the reason goes to *error. Timed:
  // it must not allocate.
  virtual KernelStatus call(int slot, const std::vector<int32_t>& sizes, std::string* error) = 0;
  // Checks the guards and the inputs, then copies the outputs back.
  virtual std::string collect(int slot, const std::vector<ExternalBuffer>& buffers) = 0;
};

// The host the page kernels call; the bindings set the page's, the tests a fake.
void set_page_host(PageHost* host);

// One registered page kernel: its slot and, between stage() and collect(), the call it runs.
class PageKernel {
 public:
  // `described` says what the module's entry takes: its operation and tunables.
  PageKernel(int slot, const Kernel& described);
  // A work split (the threads exercise) is called here, once for all threads,
  // and its rows come back before stage() returns.
  std::string stage(Problem& problem, const Shape& shape);
  // After a failure, returns at once without calling: the reason stays in
  // failure(). A split's call computes C on the lab's pool from its rows.
  KernelStatus call(Problem& problem, const Shape& shape);
  std::string collect();
  const std::string& failure() const { return failure_; }
  // Distinct for every PageKernel this process makes: a module compiled again
  // is a new kernel to V8, whatever its name (the runner's warm-up keys on it).
  int64_t serial() const { return serial_; }

 private:
  int slot_;
  int64_t serial_;
  // What the entry receives, by the operation: the buffers and sizes of a problem.
  ExternalCall (*page_call_)(Problem&, const Shape&, bool takes_block);
  bool takes_block_;
  ExternalCall staged_;
  std::string failure_;
  // A split's answer: each thread's first row and the row after its last.
  bool split_;
  KernelStatus split_status_ = KernelStatus::done;
  std::vector<int64_t> begin_, end_;
};

// Whether an exercise can be compiled in the page: its operation says what its entry receives.
bool compiles_in_page(const Kernel& exercise);

// Whether a kernel of this operation can live in a module of its own: its
// operation says what the module's entry receives.
bool runs_in_module(const Kernel& described);

// Registers slot's module as the runtime kernel `described` says it is (name,
// title, lesson, traits, operation, tunables...): its run function calls the
// module. Refused, with a message, when its operation cannot run in a module,
// or as register_kernel refuses.
KernelRegistration register_module_kernel(const Kernel& described, int slot);

// Registers slot's module as a runtime kernel of the exercise named
// `exercise`: same lesson, operation, tunables and checks, titled `label`.
KernelRegistration register_page_kernel(const std::string& exercise, const std::string& label,
                                        int slot);

// What the in-page compiler needs besides the student's file: the entry
// function's file and the headers an exercise includes.
struct PageCompile {
  const char* entry;
  std::vector<const char*> includes;
};
const PageCompile& page_compile();

}  // namespace lab
