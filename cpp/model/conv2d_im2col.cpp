#include "model/conv2d_im2col.h"

#include <algorithm>
#include <cmath>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "model/model_weights.h"

namespace lab::model {

ConvWeights::ConvWeights(const ConvSizes& s)
    : sizes(s),
      w(layer_weights(s.patch(), s.patch() * s.c_out, 201)),
      bias(layer_bias(s.patch(), s.c_out, 202)) {}

std::vector<float> conv_input(const ConvSizes& s) {
  std::vector<float> x(s.height * s.width * s.c_in);
  fill_normal(x.data(), x.size(), 200);
  return x;
}

// Row by row of the output; within a row of cols, one run of c_in contiguous
// values per filter tap, copied whole (channels-last makes them contiguous).
void im2col(const float* x, const ConvSizes& s, float* cols) {
  const int64_t ow = s.out_width();
  for (int64_t oy = 0; oy < s.out_height(); ++oy)
    for (int64_t ox = 0; ox < ow; ++ox) {
      float* row = cols + (oy * ow + ox) * s.patch();
      for (int64_t ky = 0; ky < s.kernel; ++ky)
        for (int64_t kx = 0; kx < s.kernel; ++kx, row += s.c_in) {
          const int64_t iy = oy * s.stride + ky - s.pad, ix = ox * s.stride + kx - s.pad;
          if (iy < 0 || iy >= s.height || ix < 0 || ix >= s.width)
            std::fill(row, row + s.c_in, 0.0f);
          else
            std::copy_n(x + (iy * s.width + ix) * s.c_in, s.c_in, row);
        }
    }
}

Conv2dLayer::Conv2dLayer(const ConvWeights& weights, const Backend& backend)
    : sizes_(weights.sizes),
      gemm_(backend.prepare(weights.as_linear())),
      cols_(sizes_.out_pixels() * sizes_.patch()) {
  scratch_.reserve(sizes_.out_pixels(), sizes_.patch());
}

void Conv2dLayer::forward(const float* x, float* y, int64_t threads, StepClock& clock) {
  clock.layer("conv2d");
  im2col(x, sizes_, cols_.data());
  clock.mark("im2col");
  gemm_->run(cols_.data(), y, sizes_.out_pixels(), Activation::none, threads, scratch_, clock);
}

Reference conv2d_direct(const ConvWeights& weights, const float* x) {
  const ConvSizes& s = weights.sizes;
  const int64_t oh = s.out_height(), ow = s.out_width();
  Reference r;
  r.y.resize(oh * ow * s.c_out);
  double term_squares = 0;
  for (int64_t oy = 0; oy < oh; ++oy)
    for (int64_t ox = 0; ox < ow; ++ox)
      for (int64_t o = 0; o < s.c_out; ++o) {
        double sum = weights.bias[o], terms = std::fabs(weights.bias[o]);
        for (int64_t ky = 0; ky < s.kernel; ++ky)
          for (int64_t kx = 0; kx < s.kernel; ++kx) {
            const int64_t iy = oy * s.stride + ky - s.pad, ix = ox * s.stride + kx - s.pad;
            if (iy < 0 || iy >= s.height || ix < 0 || ix >= s.width) continue;
            for (int64_t c = 0; c < s.c_in; ++c) {
              const double t = static_cast<double>(x[(iy * s.width + ix) * s.c_in + c]) *
                               weights.w[((ky * s.kernel + kx) * s.c_in + c) * s.c_out + o];
              sum += t;
              terms += std::fabs(t);
            }
          }
        r.y[(oy * ow + ox) * s.c_out + o] = sum;
        term_squares += terms * terms;
      }
  r.term_norm = std::sqrt(term_squares);
  return r;
}

Int8Expected conv2d_int8_reference(const ConvWeights& weights, const float* x) {
  const ConvSizes& s = weights.sizes;
  std::vector<float> cols(s.out_pixels() * s.patch());
  im2col(x, s, cols.data());
  const Int8LinearReference layer(weights.as_linear(), kInt8Group);
  const int64_t outputs = s.out_pixels() * s.c_out;
  Int8Expected e{std::vector<double>(outputs), std::vector<double>(outputs)};
  for (int64_t i = 0; i < s.out_pixels(); ++i)
    layer.row(&cols[i * s.patch()], &e.y[i * s.c_out], &e.allowed[i * s.c_out]);
  return e;
}

}  // namespace lab::model

LAB_SOURCE_DEFINE(conv2d_im2col_cpp)
