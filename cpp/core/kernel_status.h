#pragma once

#include <type_traits>

#include "core/source_file.h"

namespace lab {

// What a kernel reports back. Only the exercise stubs ever say not_implemented.
// (A kernel compiled in the page that traps or writes outside its output
// fails its run through lab/page_kernels.h, not through this status.)
enum class KernelStatus { done, not_implemented };

// Calls a kernel: reference kernels return nothing and are done; exercises
// return whether they are written yet. Every operation's adapter (the
// <operation>_adapter.h beside its Problem) calls its kernel through this.
template <class Call>
KernelStatus status_of(Call call) {
  if constexpr (std::is_void_v<decltype(call())>) {
    call();
    return KernelStatus::done;
  } else {
    return call();
  }
}

}  // namespace lab

LAB_SOURCE_HEADER(kernel_status_h)
