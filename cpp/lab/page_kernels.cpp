#include "lab/page_kernels.h"

#include <algorithm>

#include "core/source_file.h"
#include "exercises/student_kernels.h"
#include "kernels/matmul/f32_matmul_adapter.h"
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
  return nullptr;
}

const char* kNoHost = "This lab was built without a place to run kernels compiled in the page.";

}  // namespace

void set_page_host(PageHost* host) { host_ = host; }

std::string PageKernel::stage(Problem& problem, const Shape& shape) {
  failure_.clear();
  staged_ = page_call_of(exercise_)(problem, shape, takes(exercise_, Tunable::block));
  if (!host_) failure_ = kNoHost;
  if (failure_.empty()) failure_ = host_->stage(slot_, staged_.buffers);
  return failure_;
}

KernelStatus PageKernel::call() {
  if (!failure_.empty()) return KernelStatus::failed;
  return host_->call(slot_, staged_.sizes, &failure_);
}

std::string PageKernel::collect() {
  if (failure_.empty()) failure_ = host_->collect(slot_, staged_.buffers);
  return failure_;
}

bool compiles_in_page(const Kernel& exercise) {
  return exercise.student && !exercise.runtime && page_call_of(exercise) != nullptr;
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
  kernel.page = std::make_shared<PageKernel>(slot, *stub);
  kernel.run = [page = kernel.page.get()](Problem&, const Shape&) { return page->call(); };
  return register_kernel(std::move(kernel));
}

const PageCompile& page_compile() {
  static const PageCompile compile{
      source::page_entry_cpp,
      {source::kernel_status_h, source::source_file_h, source::student_kernels_h}};
  return compile;
}

// 1, odd sizes, powers of two and one either side, and one above 256.
const std::vector<int64_t>& square_check_sizes() {
  static const std::vector<int64_t> sizes = {1, 2, 3, 7, 16, 17, 63, 64, 65, 100, 257};
  return sizes;
}

// A single row, column or reduction step, tall, wide and odd.
const std::vector<Shape>& non_square_check_shapes() {
  static const std::vector<Shape> shapes = {{1, 7, 3, 0},     {7, 1, 3, 0},     {3, 7, 1, 0},
                                            {5, 9, 17, 0},    {17, 33, 2, 0},   {64, 3, 65, 0},
                                            {100, 257, 7, 0}, {33, 65, 129, 0}, {2, 300, 2, 0}};
  return shapes;
}

// 1, around the vector width (4) and a 16-element unrolled step, odd ones,
// and a million and three.
const std::vector<int64_t>& vector_check_lengths() {
  static const std::vector<int64_t> lengths = {1,  2,  3,  4,  5,  7,   8,    15,
                                               16, 17, 19, 31, 33, 100, 1001, (1 << 20) + 3};
  return lengths;
}

std::vector<Shape> check_shapes(const Kernel& kernel) {
  std::vector<Shape> base;
  if (kernel.op->shape_kind == ShapeKind::vector) {
    for (int64_t n : vector_check_lengths()) base.push_back({1, n, 1, 0});
    return base;
  }
  for (int64_t n : square_check_sizes()) base.push_back({n, n, n, 0});
  base.insert(base.end(), non_square_check_shapes().begin(), non_square_check_shapes().end());
  if (!takes(kernel, Tunable::block)) return base;
  std::vector<Shape> shapes;
  for (const Shape& s : base)
    for (int64_t block : check_blocks(s)) shapes.push_back({s.m, s.n, s.k, block});
  return shapes;
}

std::vector<int64_t> check_blocks(const Shape& s) {
  const int64_t largest = std::max({s.m, s.n, s.k});
  std::vector<int64_t> blocks = {1, 7, 16, 64, largest};
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [&](int64_t b) { return b > largest; }),
               blocks.end());
  return blocks;
}

}  // namespace lab
