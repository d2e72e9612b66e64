// The model's second part: a 2-D convolution computed as im2col + GEMM, the
// way most libraries run convolutions on CPUs. Images are channels-last (HWC):
// element (y, x, c) of an image is at (y * width + x) * channels + c.
//
// im2col copies, for each output pixel, the kernel x kernel x c_in input
// values its filter sees into one row of a matrix (zeros where the window
// hangs over the padding). The convolution is then one GEMM: that matrix,
// out_pixels x (kernel^2 c_in), times the filters as a (kernel^2 c_in) x c_out
// matrix, plus a bias per output channel: out_pixels x c_out, which is the
// output image, channels-last. The GEMM runs on the chosen backend.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/source_file.h"
#include "model/backend.h"
#include "model/int8_reference.h"
#include "model/model_reference.h"

namespace lab::model {

struct ConvSizes {
  int64_t height, width;  // of the input image
  int64_t c_in, c_out;
  int64_t kernel;  // square filters, kernel x kernel
  int64_t stride;
  int64_t pad;  // zeros around the image, on every side

  int64_t out_height() const { return (height + 2 * pad - kernel) / stride + 1; }
  int64_t out_width() const { return (width + 2 * pad - kernel) / stride + 1; }
  int64_t out_pixels() const { return out_height() * out_width(); }
  int64_t patch() const { return kernel * kernel * c_in; }  // one row of the im2col matrix
};

struct ConvWeights {
  explicit ConvWeights(const ConvSizes& sizes);

  ConvSizes sizes;
  std::vector<float> w;  // (kernel, kernel, c_in) x c_out: row (ky, kx, c), column o
  std::vector<float> bias;

  LinearWeights as_linear() const { return {w.data(), bias.data(), sizes.patch(), sizes.c_out}; }
};

// The input image: height x width x c_in standard-normal values.
std::vector<float> conv_input(const ConvSizes& sizes);

// cols (out_pixels x patch) from the image x.
void im2col(const float* x, const ConvSizes& sizes, float* cols);

class Conv2dLayer {
 public:
  Conv2dLayer(const ConvWeights& weights, const Backend& backend);

  // y (out_height x out_width x c_out) = conv(x) + bias. The clock sees im2col
  // and the GEMM layer's steps.
  void forward(const float* x, float* y, int64_t threads, StepClock& clock);

 private:
  ConvSizes sizes_;
  std::unique_ptr<Linear> gemm_;
  std::vector<float> cols_;
  Scratch scratch_;
};

// The convolution computed directly, in double: seven nested loops over the
// output pixels, channels and the filter window, no im2col. The reference the
// im2col forms are checked against.
Reference conv2d_direct(const ConvWeights& weights, const float* x);

// The int8 backend's output on x worked out exactly, and how far its f32
// rounding may take it (int8_reference.h), from the im2col rows it quantizes:
// im2col itself is checked against conv2d_direct by the f32 backends.
struct Int8Expected {
  std::vector<double> y, allowed;
};
Int8Expected conv2d_int8_reference(const ConvWeights& weights, const float* x);

}  // namespace lab::model

LAB_SOURCE_DECLARE(conv2d_im2col_cpp)
