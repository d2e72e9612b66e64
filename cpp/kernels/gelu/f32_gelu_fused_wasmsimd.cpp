// GELU fused: the same steps as the unfused kernel, in the same order, but all
// applied to a vector while it is in registers. x is read once and y written
// once; the temporaries never reach memory.
#include "core/source_file.h"
#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

void f32_gelu_fused_wasmsimd(const float* x, float* y, int64_t n) {
  f32x4_gelu::map(y, n, f32x4_gelu::constants(), f32x4_gelu::gelu, x);
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_gelu_fused_wasmsimd_cpp)
