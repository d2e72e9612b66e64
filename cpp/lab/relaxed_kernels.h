// The relaxed-SIMD tier: kernels that use f32x4.relaxed_madd and
// i32x4.relaxed_dot_i8x16_i7x16_add, which Emscripten 3.1.6 cannot emit and
// some browsers (Safari) reject. Each lives in a module of its own
// (cpp/kernels/relaxed/, built by web/tools/build-relaxed.mjs into
// web/gen/relaxed/<name>.wasm). The lab worker checks that the browser
// validates relaxed SIMD, loads each module into its slot of the page host
// (lab/page_kernels.h) and then calls enable_relaxed_simd(""); where it cannot,
// it calls it with the reason, and the catalog says why the tier is missing.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/relaxed_kernels.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string>
#include <vector>

#include "lab/catalog.h"

namespace lab {

// What each relaxed kernel is, as the catalog describes every kernel: named
// like its file, which the module is named after too. Not registered until
// enable_relaxed_simd("").
const std::vector<Kernel>& relaxed_kernels();

// The page-host slot of relaxed_kernels()[index]: negative, so that it never
// meets a student's module, whose slots count up from 1.
int relaxed_slot(size_t index);

struct RelaxedSimdStatus {
  bool available = false;
  std::string reason;                // why not, when not available
  std::vector<std::string> kernels;  // the names registered, when available
};

// reason "": every module is in its slot, so each kernel is registered (once;
// a second call changes nothing). Otherwise none is, and the reason is kept
// for the catalog. Returns the status, which says what went wrong if a
// registration was refused.
const RelaxedSimdStatus& enable_relaxed_simd(const std::string& reason);

// The status as the catalog reports it; before any call, not available, with
// a reason that says nobody looked.
const RelaxedSimdStatus& relaxed_simd_status();

}  // namespace lab
