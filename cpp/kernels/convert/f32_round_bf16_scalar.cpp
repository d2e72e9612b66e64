// The scalar reference of the rounding: compiled with the vectorizers off
// (cpp/CMakeLists.txt, LAB_KERNEL_SCALAR_ONLY_SOURCES).
#include "core/source_file.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f32_round_bf16.h"

namespace lab {

void f32_round_bf16_scalar(const float* x, uint16_t* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = f32_to_bf16(x[i]);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_round_bf16_scalar_cpp)
