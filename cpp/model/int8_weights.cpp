#include "model/int8_weights.h"

#include <algorithm>

#include "kernels/i8_matmul/i8_matmul_grouped.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab::model {

Int8Weights quantize_weights(const LinearWeights& w, int64_t group) {
  const int64_t groups = group_count(w.in, group);
  Int8Weights q{w.in, w.out, group, std::vector<int8_t>(w.in * w.out),
                std::vector<float>(groups * w.out)};
  for (int64_t g = 0; g < groups; ++g) {
    const int64_t p0 = g * group, rows = std::min(group, w.in - p0);
    for (int64_t j = 0; j < w.out; ++j)
      quantize_symmetric(w.w + p0 * w.out + j, rows, w.out, 8, &q.codes[p0 * w.out + j],
                         &q.scales[g * w.out + j]);
  }
  return q;
}

}  // namespace lab::model
