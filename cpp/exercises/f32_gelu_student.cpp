// Exercise (Fusion lesson): write GELU in one pass over memory.
//
//   y[i] = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))),  x = x[i]
//
// x and y hold n floats; n can be anything from 1 up. The lab's unfused kernel
// (cpp/kernels/gelu/f32_gelu_unfused_wasmsimd.cpp) runs each step of this
// formula as its own pass, writing every temporary to memory and reading it
// back: 72 bytes per element. Yours reads x once and writes y once, 8 bytes,
// with every step done while the value is in registers.
//
// The steps on four floats at a time, tanh included, are in
// cpp/kernels/gelu/f32x4_gelu.h: include it and call them on each vector of x
// (a scalar std::tanh from <cmath> is right too, but it costs far more than
// the passes it saves). The check compares with GELU in double, within
// 2^-21 |x|.
//
// Before running, predict your kernel's speedup over f32_gelu_unfused_wasmsimd
// at 1M floats, and at 16M. When you are done: return KernelStatus::done, run
// `npm run check`, then `npm start` and open the Fusion lesson to time it.
#include <wasm_simd128.h>

#include <cmath>

#include "core/source_file.h"
#include "exercises/student_kernels.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

KernelStatus f32_gelu_student(const float* x, float* y, int64_t n) {
  (void)x, (void)y, (void)n;
  // TODO(student): one loop over x, four floats at a time, all of GELU's steps on each vector.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_gelu_student_cpp)
