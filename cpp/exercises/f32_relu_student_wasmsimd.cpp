// Exercise (Vectorization lesson): write ReLU, y = max(x, 0), with
// WebAssembly SIMD128 intrinsics.
//
// x and y hold n floats; n can be anything from 1 up, not just a multiple of 4.
//
// Hints: a v128_t holds four floats. wasm_v128_load(x + i) reads four,
// wasm_v128_store(y + i, v) writes four, wasm_f32x4_splat(0.0f) is four zeros,
// and wasm_f32x4_pmax(a, b) is "a < b ? b : a" in each lane. Step i by 4 while
// four elements remain; finish the last n % 4 one at a time.
//
// Before running, predict your kernel's speedup over f32_relu_scalar at 1M floats.
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Vectorization lesson to time it beside the others.
#include <wasm_simd128.h>

#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_relu_student_wasmsimd(const float* x, float* y, int64_t n) {
  (void)x, (void)y, (void)n;
  // TODO(student): the SIMD loop described above.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_relu_student_wasmsimd_cpp)
