// ReLU as a plain C loop. This one file is compiled twice (cpp/CMakeLists.txt):
//   f32_relu_autovec: as is. The compiler turns the loop into f32x4 operations
//     on its own, four elements per instruction.
//   f32_relu_scalar: with -fno-vectorize -fno-slp-vectorize, so every element
//     takes its own f32 compare and select.
// Same text, different machine code: compare their instructions in the page.
#include "core/source_file.h"
#include "kernels/c_variant.h"
#include "kernels/relu/f32_relu.h"

namespace lab {

// __restrict: x and y do not overlap, so the vectorizer need not check.
void LAB_C_VARIANT(f32_relu)(const float* __restrict x, float* __restrict y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

}  // namespace lab

LAB_C_VARIANT_SOURCE(f32_relu_c_cpp)
