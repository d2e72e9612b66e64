// The int8 matmul as plain C, compiled with the vectorizers off (cpp/CMakeLists.txt,
// LAB_SCALAR_ONLY_SOURCES): one int8 x int8 multiply and one int32 add per term.
#include <vector>

#include "core/source_file.h"
#include "kernels/i8_matmul/i8_matmul.h"

namespace lab {

void i8_matmul_scalar(const int8_t* a, const float* scale_a, const int8_t* b, const float* scale_b,
                      float* c, int64_t m, int64_t n, int64_t k) {
  std::vector<int32_t> sums(n);  // one row of C, before the scales
  for (int64_t i = 0; i < m; ++i) {
    std::fill(sums.begin(), sums.end(), 0);
    // i-k-j: stride 1 through a row of B and the row of sums.
    for (int64_t p = 0; p < k; ++p) {
      const int32_t aip = a[i * k + p];
      const int8_t* b_row = b + p * n;
      for (int64_t j = 0; j < n; ++j) sums[j] += aip * b_row[j];
    }
    for (int64_t j = 0; j < n; ++j)
      c[i * n + j] = static_cast<float>(sums[j]) * (scale_a[i] * scale_b[j]);
  }
}

}  // namespace lab

LAB_SOURCE_DEFINE(i8_matmul_scalar_cpp)
