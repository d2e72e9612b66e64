#include "model/capstone_problems.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels/gelu/f32x4_gelu.h"

namespace lab::model {

FfnSizes ffn_sizes(const Shape& s) { return {s.m, s.k, s.n}; }

ConvSizes conv_sizes(const Shape& s) { return {s.m, s.m, s.k, s.n, kConvKernel, 1, 1}; }

void ModelProblem::poison_output() {
  std::fill(y_.begin(), y_.end(), std::numeric_limits<float>::quiet_NaN());
}

void ModelProblem::forward(BackendKind kind, int64_t threads, StepClock& clock) {
  last_run_ = kind;
  run(kind, threads, clock);
}

void ModelProblem::forward(BackendKind kind, int64_t threads) {
  StepClock off;
  forward(kind, threads, off);
}

ErrorReport ModelProblem::check() const {
  ErrorReport report;
  double diff_squares = 0, ref_squares = 0, max_abs = 0;
  for (size_t i = 0; i < y_.size(); ++i) {
    const double diff = static_cast<double>(y_[i]) - reference_.y[i];
    if (!std::isfinite(diff)) {  // NaN: an element the forward pass never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    max_abs = std::max(max_abs, std::fabs(diff));
    diff_squares += diff * diff;
    ref_squares += reference_.y[i] * reference_.y[i];
  }
  const double diff_norm = std::sqrt(diff_squares), ref_norm = std::sqrt(ref_squares);
  if (last_run_ == BackendKind::int8) {
    const Int8Error e = int8_error();
    report.max_abs_err = e.max_abs;
    report.max_rel_err = e.max_fraction;
    report.tolerance = 1;
  } else {
    const double term_norm = reference_.term_norm;
    report.max_abs_err = max_abs;
    report.max_rel_err = term_norm > 0 ? diff_norm / term_norm : diff_norm;
    report.tolerance = kModelTolerance;
  }
  report.passed = report.max_rel_err <= report.tolerance;
  report.metrics = {{"max_abs_err_vs_f32", max_abs},
                    {"rel_frobenius_vs_f32", ref_norm > 0 ? diff_norm / ref_norm : diff_norm}};
  return report;
}

FfnProblem::FfnProblem(const FfnSizes& sizes)
    : weights_(sizes), x_(ffn_input(sizes)), int8_reference_(weights_, x_.data()) {
  y_.resize(sizes.batch * sizes.d_model);
  reference_ = ffn_reference(weights_, x_.data());
  for (int b = 0; b < kBackendCount; ++b)
    blocks_[b] = std::make_unique<FfnBlock>(weights_, backend(static_cast<BackendKind>(b)));
}

void FfnProblem::run(BackendKind kind, int64_t threads, StepClock& clock) {
  blocks_[static_cast<int>(kind)]->forward(x_.data(), y_.data(), threads, clock);
}

Int8Error FfnProblem::int8_error() const {
  return int8_reference_.error(blocks_[static_cast<int>(BackendKind::int8)]->hidden(), y_.data());
}

ConvProblem::ConvProblem(const ConvSizes& sizes)
    : weights_(sizes),
      x_(conv_input(sizes)),
      int8_expected_(conv2d_int8_reference(weights_, x_.data())) {
  y_.resize(sizes.out_pixels() * sizes.c_out);
  reference_ = conv2d_direct(weights_, x_.data());
  for (int b = 0; b < kBackendCount; ++b)
    layers_[b] = std::make_unique<Conv2dLayer>(weights_, backend(static_cast<BackendKind>(b)));
}

Int8Error ConvProblem::int8_error() const {
  Int8Error e;
  e.add_all(y_.data(), int8_expected_.y.data(), int8_expected_.allowed.data(), y_.size());
  return e;
}

void ConvProblem::run(BackendKind kind, int64_t threads, StepClock& clock) {
  layers_[static_cast<int>(kind)]->forward(x_.data(), y_.data(), threads, clock);
}

}  // namespace lab::model

namespace lab {

namespace {

using model::conv_sizes;
using model::ffn_sizes;

double d(int64_t v) { return static_cast<double>(v); }

// The FFN block, M = batch, K = d_model, N = d_ff.
double ffn_flops(const Shape& s) {
  const double mn = d(s.m) * d(s.n);
  return 4.0 * mn * d(s.k) + mn + d(s.m) * d(s.k) + f32x4_gelu::kGeluFlops * mn;
}
double ffn_bytes(const Shape& s) {
  return 4.0 * (2.0 * d(s.m) * d(s.k) + 2.0 * d(s.k) * d(s.n) + d(s.n) + d(s.k));
}
// The int8 weights are i16 codes (packed for the GEMM) with an f32 scale per
// group of K and column.
double int8_weight_bytes(double k, double n) {
  return 2.0 * k * n + 4.0 * std::ceil(k / model::kInt8Group) * n;
}
double ffn_int8_bytes(const Shape& s) {
  return 8.0 * d(s.m) * d(s.k) + int8_weight_bytes(d(s.k), d(s.n)) +
         int8_weight_bytes(d(s.n), d(s.k)) + 4.0 * (d(s.n) + d(s.k));
}
// The int8 backend's scratch for an input of `rows` x `width`: i16 codes and a
// scale per group.
double int8_scratch_bytes(double rows, double width) {
  return 2.0 * rows * (width + 1) + 4.0 * rows * std::ceil(width / model::kInt8Group);
}
// The int8 check's copy of a layer's codes and scales (model/int8_weights.h).
double int8_reference_bytes(double k, double n) {
  return k * n + 4.0 * std::ceil(k / model::kInt8Group) * n;
}
// The optimized backend's copy of f32 weights, packed 8 columns at a time.
double f32_packed_bytes(double k, double n) { return 4.0 * k * (n + 8); }
// x, y and the reference; both layers' f32 weights, their packed f32 copies and
// packed int8 weights (8 columns at a time, so N and K are padded) and scales; per backend the
// hidden activations and the int8 scratch; the reference's double input and
// hidden activations while it is computed; the int8 check's first-layer sums
// and their allowances in double, and its copy of both layers' codes and scales.
double ffn_workspace(const Shape& s) {
  const double mk = d(s.m) * d(s.k), mn = d(s.m) * d(s.n), kn = d(s.k) * d(s.n);
  const double per_backend = 4.0 * mn + int8_scratch_bytes(d(s.m), d(std::max(s.k, s.n)));
  return 16.0 * mk + 8.0 * kn + f32_packed_bytes(d(s.k), d(s.n)) +
         f32_packed_bytes(d(s.n), d(s.k)) + int8_weight_bytes(d(s.k) + 1, d(s.n) + 8) +
         int8_weight_bytes(d(s.n) + 1, d(s.k) + 8) + 8.0 * (d(s.n) + d(s.k)) + 3.0 * per_backend +
         8.0 * (mk + mn) + 16.0 * mn + int8_reference_bytes(d(s.k), d(s.n)) +
         int8_reference_bytes(d(s.n), d(s.k));
}
std::unique_ptr<Problem> make_ffn(const Shape& s) {
  return std::make_unique<model::FfnProblem>(ffn_sizes(s));
}

// The convolution, M = the image's side, K = c_in, N = c_out: a GEMM of
// P = M^2 output pixels by N by 9 K.
double conv_flops(const Shape& s) {
  const model::ConvSizes c = conv_sizes(s);
  const double pn = d(c.out_pixels()) * d(c.c_out);
  return 2.0 * pn * d(c.patch()) + pn;
}
double conv_bytes(const Shape& s) {
  const model::ConvSizes c = conv_sizes(s);
  return 4.0 * (d(c.height * c.width * c.c_in) + d(c.patch()) * d(c.c_out) + d(c.c_out) +
                d(c.out_pixels()) * d(c.c_out));
}
double conv_int8_bytes(const Shape& s) {
  const model::ConvSizes c = conv_sizes(s);
  return 4.0 * (d(c.height * c.width * c.c_in) + d(c.c_out) + d(c.out_pixels()) * d(c.c_out)) +
         int8_weight_bytes(d(c.patch()), d(c.c_out));
}
// The image, the output and its reference; the f32 filters, their packed f32
// copy, their packed int8 codes and scales; per backend the im2col matrix and
// the int8 scratch for it; the int8 check's expected output and allowances,
// and while it works them out, another im2col matrix and the filters' codes.
double conv_workspace(const Shape& s) {
  const model::ConvSizes c = conv_sizes(s);
  const double p = d(c.out_pixels()), out = p * d(c.c_out), patch = d(c.patch());
  const double per_backend = 4.0 * p * patch + int8_scratch_bytes(p, patch);
  return 4.0 * d(c.height * c.width * c.c_in) + 12.0 * out + 4.0 * patch * d(c.c_out) +
         f32_packed_bytes(patch, d(c.c_out)) + int8_weight_bytes(patch + 1, d(c.c_out) + 8) +
         8.0 * d(c.c_out) + 3.0 * per_backend + 16.0 * out + 4.0 * p * patch +
         int8_reference_bytes(patch, d(c.c_out));
}
std::unique_ptr<Problem> make_conv(const Shape& s) {
  return std::make_unique<model::ConvProblem>(conv_sizes(s));
}

constexpr const char* kModelErrorModel =
    "For the naive and optimized backends, max_rel_err is ||y - reference|| / || |in| |W| + "
    "|b| ||, Frobenius norms over the whole output, where |in| |W| + |b| is the last layer's sum "
    "with every term taken by its size (as the matmul's check uses |A| |B|), so the measure "
    "holds however much an output's terms cancel; they land near f32's rounding error, and the "
    "check allows 1%. The int8 backend is checked instead against its own computation done "
    "exactly: the same 8-bit codes and scales, summed in integers and double "
    "(cpp/model/int8_reference.h; for the FFN block, the hidden layer, then the output from the "
    "block's own hidden layer). Its max_rel_err is its largest error there as a fraction of what "
    "f32's rounding allows each element, its max_abs_err the largest difference there, and the "
    "check allows 1. How far quantizing moves it from the model in f32 is for the metrics, not "
    "the check: for every backend they give the output difference itself, ||y - reference|| / "
    "||reference|| and the largest |y - reference|, which the page compares between backends";

}  // namespace

const Operation kFfnBlock{
    "ffn_block",
    ShapeKind::matrix,
    "y = GELU(x W1 + b1) W2 + b2, a transformer's feed-forward block: M = batch, K = d_model, "
    "N = d_ff; x and y are M x K, W1 is K x N, W2 is N x K",
    "the same f32 weights and input, both layers and GELU's tanh formula computed in double",
    source::ffn_block_cpp,
    kModelErrorModel,
    "4 M K N + M N + M K + 26 M N (the two GEMMs' multiply-adds, both biases, and GELU at the "
    "26 flops of the lab's SIMD GELU)",
    "4 (2 M K + 2 K N + N + K) (x read and y written once, both weight matrices and biases "
    "read once, in f32)",
    ffn_flops,
    ffn_bytes,
    ffn_workspace,
    make_ffn,
};

const Operation kConv2dIm2col{
    "conv2d_im2col",
    ShapeKind::matrix,
    "y = conv2d(x) + bias, 3 x 3 filters, stride 1, padding 1, as im2col + GEMM: M = the "
    "image's side (an M x M image, channels-last), K = input channels, N = output channels; "
    "the GEMM is (M^2 pixels) x (9 K) times (9 K) x N",
    "the same f32 filters and image, convolved directly (no im2col) in double",
    source::conv2d_im2col_cpp,
    kModelErrorModel,
    "2 M^2 N 9 K + M^2 N (the GEMM's multiply-adds and the bias)",
    "4 (M^2 K + 9 K N + N + M^2 N) (the image read and the output written once, the filters "
    "and bias read once, in f32)",
    conv_flops,
    conv_bytes,
    conv_workspace,
    make_conv,
};

const Traffic kFfnBlockInt8Traffic{
    "8 M K + 4 K N + 4 (ceil(K / 32) N + ceil(N / 32) K) + 4 (N + K) (x read and y written "
    "in f32; both weight matrices read as 8-bit codes held in i16, packed for the GEMM, with "
    "an f32 scale per group of 32 along the sum and per column; the biases)",
    ffn_int8_bytes};

const Traffic kConv2dIm2colInt8Traffic{
    "4 (M^2 K + N + M^2 N) + 2 (9 K N) + 4 ceil(9 K / 32) N (the image read and the output "
    "written in f32; the filters read as 8-bit codes held in i16, with an f32 scale per group "
    "of 32 along the sum and per output channel; the bias)",
    conv_int8_bytes};

}  // namespace lab
