#include "lab/page_kernels.h"

#include "core/source_file.h"
#include "exercises/f32_matmul_4x8_tiles.h"
#include "exercises/student_kernels.h"
#include "kernels/convert/f32_round_bf16_adapter.h"
#include "kernels/gelu/f32_gelu_adapter.h"
#include "kernels/gelu/f32x4_gelu.h"
#include "kernels/i8_matmul/i8_matmul_adapter.h"
#include "kernels/matmul/f32_matmul_adapter.h"
#include "kernels/matmul/f32_matmul_split_adapter.h"
#include "kernels/matmul_bias_gelu/f32_matmul_bias_gelu_adapter.h"
#include "kernels/probe/probe_adapters.h"
#include "kernels/quantize/quantize_adapters.h"
#include "kernels/relu/f32_relu_adapter.h"

LAB_SOURCE_DECLARE(page_entry_cpp)

namespace lab {

namespace {

PageHost* host_ = nullptr;

// What an exercise's entry function receives, by its operation.
using PageCall = ExternalCall (*)(Problem&, const Shape&, bool takes_block);

PageCall page_call_of(const Kernel& k) {
  if (k.op == &kMatmulF32) return matmul_page_call;
  if (k.op == &kReluF32)
    return [](Problem& p, const Shape& s, bool) { return relu_page_call(p, s); };
  if (k.op == &kQuantizeF32I8)
    return [](Problem& p, const Shape& s, bool) { return quantize_page_call(p, s); };
  if (k.op == &kMatmulI8)
    return [](Problem& p, const Shape& s, bool) { return i8_matmul_page_call(p, s); };
  if (k.op == &kRoundBf16)
    return [](Problem& p, const Shape& s, bool) { return round_bf16_page_call(p, s); };
  if (k.op == &kGeluF32)
    return [](Problem& p, const Shape& s, bool) { return gelu_page_call(p, s); };
  if (k.op == &kMatmulBiasGeluF32)
    return [](Problem& p, const Shape& s, bool) { return matmul_bias_gelu_page_call(p, s); };
  if (k.op == &kMulAddF32)
    return [](Problem& p, const Shape& s, bool) { return mul_add_page_call(p, s); };
  return nullptr;
}

// A module compiled in the page cannot start threads, so a matmul exercise
// that takes a thread count is a work split: its entry fills every thread's
// rows once, when the problem is staged, and the lab's pool computes them.
bool splits_rows(const Kernel& k) { return k.op == &kMatmulF32 && takes(k, Tunable::threads); }

const char* kNoHost = "This lab was built without a place to run kernels compiled in the page.";

}  // namespace

void set_page_host(PageHost* host) { host_ = host; }

PageKernel::PageKernel(int slot, const Kernel& described)
    : slot_(slot),
      serial_([] {
        static int64_t made = 0;
        return ++made;
      }()),
      page_call_(page_call_of(described)),
      takes_block_(takes(described, Tunable::block)),
      split_(splits_rows(described)) {}

std::string PageKernel::stage(Problem& problem, const Shape& shape) {
  failure_.clear();
  if (split_) {
    begin_.assign(static_cast<size_t>(shape.threads), 0);
    end_.assign(begin_.size(), 0);
    staged_ = row_split_page_call(shape, begin_, end_);
  } else {
    staged_ = page_call_(problem, shape, takes_block_);
  }
  if (!host_) failure_ = kNoHost;
  if (failure_.empty()) failure_ = host_->stage(slot_, staged_.buffers);
  if (!split_ || !failure_.empty()) return failure_;
  // The split, asked once for every thread, outside any timing.
  split_status_ = host_->call(slot_, staged_.sizes, &failure_);
  if (failure_.empty() && split_status_ == KernelStatus::done)
    failure_ = host_->collect(slot_, staged_.buffers);
  return failure_;
}

KernelStatus PageKernel::call(Problem& problem, const Shape& shape) {
  if (!failure_.empty()) return KernelStatus::done;
  if (!split_) return host_->call(slot_, staged_.sizes, &failure_);
  if (split_status_ == KernelStatus::done)
    run_row_ranges(problem, shape, begin_.data(), end_.data());
  return split_status_;
}

std::string PageKernel::collect() {
  if (failure_.empty() && !split_) failure_ = host_->collect(slot_, staged_.buffers);
  return failure_;
}

bool runs_in_module(const Kernel& described) { return page_call_of(described) != nullptr; }

bool compiles_in_page(const Kernel& exercise) {
  return exercise.student && !exercise.runtime && runs_in_module(exercise);
}

KernelRegistration register_module_kernel(const Kernel& described, int slot) {
  if (!described.op || !runs_in_module(described)) {
    KernelRegistration refused;
    refused.error = std::string("The kernel ") + (described.name ? described.name : "(unnamed)") +
                    " has an operation that cannot run in a module of its own.";
    return refused;
  }
  Kernel kernel = described;
  kernel.page = std::make_shared<PageKernel>(slot, described);
  kernel.run = [page = kernel.page.get()](Problem& problem, const Shape& shape) {
    return page->call(problem, shape);
  };
  return register_kernel(std::move(kernel));
}

KernelRegistration register_page_kernel(const std::string& exercise, const std::string& label,
                                        int slot) {
  const Kernel* stub = find_kernel(exercise);
  if (!stub || !compiles_in_page(*stub)) {
    KernelRegistration refused;
    refused.error = "There is no exercise named \"" + exercise + "\" that compiles in the page.";
    return refused;
  }
  Kernel kernel = *stub;
  const std::string name = exercise + "_page" + std::to_string(slot);
  const std::string title = label.empty() ? name : label;
  kernel.name = name.c_str();
  kernel.title = title.c_str();
  kernel.summary = "Your source, compiled in this page and run from its own WebAssembly module.";
  return register_module_kernel(kernel, slot);
}

const PageCompile& page_compile() {
  static const PageCompile compile{
      source::page_entry_cpp,
      {source::kernel_status_h, source::source_file_h, source::student_kernels_h,
       source::f32_matmul_4x8_tiles_h, source::f32x4_gelu_h}};
  return compile;
}

}  // namespace lab
