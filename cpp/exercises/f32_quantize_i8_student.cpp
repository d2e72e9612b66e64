// Exercise (Quantization lesson): quantize a vector of floats to int8,
// symmetric and per tensor.
//
//   scale = max|x| / 127            (and scale = 1 when every x is 0)
//   q[i]  = round(x[i] / scale), clamped to [-127, 127]
//
// x holds n floats, n from 1 up; write the n codes to q and the scale to
// *scale. Any rounding to nearest passes (std::nearbyint, std::round, ...);
// truncating does not: every x must end up within scale / 2 of q * scale.
// Mind the zero vector: dividing by a scale of 0 makes NaN.
//
// Plain C is fine; for more, try SIMD128 the way
// cpp/kernels/quantize/f32_quantize_i8_wasmsimd.cpp does.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Quantization lesson to time it beside the others.
#include <cmath>

#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_quantize_i8_student(const float* x, int8_t* q, float* scale, int64_t n) {
  (void)x, (void)q, (void)scale, (void)n;
  // TODO(student): find max|x|, set *scale, then round and clamp each code.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_quantize_i8_student_cpp)
