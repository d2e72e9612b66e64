// The scalar quantizer: symmetric quantization (symmetric_quantize.cpp) of the
// whole vector with one scale, in plain C. Compiled with the vectorizers off
// (cpp/CMakeLists.txt, LAB_SCALAR_ONLY_SOURCES): the baseline its SIMD128 twin
// is timed against.
#include "core/source_file.h"
#include "kernels/quantize/f32_quantize_i8.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab {

void f32_quantize_i8_scalar(const float* x, int8_t* q, float* scale, int64_t n) {
  quantize_symmetric(x, n, 1, 8, q, scale);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_quantize_i8_scalar_cpp)
