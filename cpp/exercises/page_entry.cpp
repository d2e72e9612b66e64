// Compiled in the page beside a student's exercise file: the one function the
// lab calls in the student's module. (The lab's own builds compile it too, but
// with no LAB_PAGE_ENTRY_ defined it defines only its path for the catalog.) Its
// arguments are the buffers, then the sizes, in the order the operation's
// *_page_call (beside its adapter) lists them; pointers and sizes are 32-bit,
// as everything in a wasm32 module is. The page defines LAB_PAGE_ENTRY_<exercise>
// to pick the exercise being compiled.
#include <cstdint>

#include "core/source_file.h"
#include "exercises/f32_matmul_4x8_tiles.h"
#include "exercises/student_kernels.h"

#define LAB_PAGE_ENTRY extern "C" __attribute__((export_name("lab_entry"))) int lab_entry

#if defined(LAB_PAGE_ENTRY_f32_matmul_student_loops)
LAB_PAGE_ENTRY(const float* a, const float* b, float* c, int32_t m, int32_t n, int32_t k) {
  return static_cast<int>(lab::f32_matmul_student_loops(a, b, c, m, n, k));
}
#elif defined(LAB_PAGE_ENTRY_f32_matmul_student_blocked)
LAB_PAGE_ENTRY(const float* a, const float* b, float* c, int32_t m, int32_t n, int32_t k,
               int32_t block) {
  return static_cast<int>(lab::f32_matmul_student_blocked(a, b, c, m, n, k, block));
}
#elif defined(LAB_PAGE_ENTRY_f32_relu_student_wasmsimd)
LAB_PAGE_ENTRY(const float* x, float* y, int32_t n) {
  return static_cast<int>(lab::f32_relu_student_wasmsimd(x, y, n));
}
#elif defined(LAB_PAGE_ENTRY_f32_quantize_i8_student)
LAB_PAGE_ENTRY(const float* x, int8_t* q, float* scale, int32_t n) {
  return static_cast<int>(lab::f32_quantize_i8_student(x, q, scale, n));
}
#elif defined(LAB_PAGE_ENTRY_f32_matmul_student_threads)
// Called once, when the problem is staged: the split for every thread, which
// the lab's pool then runs (a module of its own cannot start threads).
LAB_PAGE_ENTRY(int64_t* begin, int64_t* end, int32_t rows, int32_t threads) {
  for (int32_t t = 0; t < threads; ++t) {
    const lab::KernelStatus status =
        lab::f32_matmul_student_threads(rows, t, threads, begin + t, end + t);
    if (status != lab::KernelStatus::done) return static_cast<int>(status);
  }
  return static_cast<int>(lab::KernelStatus::done);
}
#elif defined(LAB_PAGE_ENTRY_i8_matmul_student)
LAB_PAGE_ENTRY(const int8_t* a, const float* scale_a, const int8_t* b, const float* scale_b,
               float* c, int32_t m, int32_t n, int32_t k) {
  return static_cast<int>(lab::i8_matmul_student(a, scale_a, b, scale_b, c, m, n, k));
}
#elif defined(LAB_PAGE_ENTRY_f32_round_bf16_student)
LAB_PAGE_ENTRY(const float* x, uint16_t* y, int32_t n) {
  return static_cast<int>(lab::f32_round_bf16_student(x, y, n));
}
#elif defined(LAB_PAGE_ENTRY_f32_matmul_student_4x8)
// A whole matmul: the lab's nest, calling the student's tile.
LAB_PAGE_ENTRY(const float* a, const float* b, float* c, int32_t m, int32_t n, int32_t k) {
  return static_cast<int>(lab::tiles_4x8::matmul<lab::f32_matmul_student_4x8>(a, b, c, m, n, k));
}
#elif defined(LAB_PAGE_ENTRY_f32_gelu_student)
LAB_PAGE_ENTRY(const float* x, float* y, int32_t n) {
  return static_cast<int>(lab::f32_gelu_student(x, y, n));
}
#elif defined(LAB_PAGE_ENTRY_f32_matmul_bias_gelu_student)
LAB_PAGE_ENTRY(const float* a, const float* b, const float* bias, float* c, int32_t m, int32_t n,
               int32_t k) {
  return static_cast<int>(lab::f32_matmul_bias_gelu_student(a, b, bias, c, m, n, k));
}
#endif

LAB_SOURCE_DEFINE(page_entry_cpp)
