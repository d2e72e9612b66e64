// Symmetric quantization in plain C, the one definition every quantizer of the
// lab follows. Compiled with the vectorizers off (cpp/CMakeLists.txt,
// LAB_SCALAR_ONLY_SOURCES), as f32_quantize_i8_scalar.cpp, which calls it.
#include "kernels/quantize/symmetric_quantize.h"

#include <algorithm>
#include <cmath>
#include "core/source_file.h"

namespace lab {

void quantize_symmetric(const float* x, int64_t count, int64_t stride, int bits, int8_t* q,
                        float* scale) {
  float max_abs = 0.0f;
  for (int64_t i = 0; i < count; ++i) max_abs = std::max(max_abs, std::fabs(x[i * stride]));
  const float qmax = static_cast<float>(qmax_for_bits(bits));
  const float inverse = quantization_inverse_scale(max_abs, bits);
  for (int64_t i = 0; i < count; ++i) {
    // nearbyint rounds ties to even in the default rounding mode.
    const float code = std::nearbyint(x[i * stride] * inverse);
    q[i * stride] = static_cast<int8_t>(std::clamp(code, -qmax, qmax));
  }
  *scale = quantization_scale(max_abs, bits);
}

}  // namespace lab

LAB_SOURCE_DEFINE(symmetric_quantize_cpp)
