// The int8 backend's reference: what it computes, worked out exactly. The
// same codes and scales (the lab's quantizers, which have tests of their own),
// multiplied and summed in integers and double, so that the only difference
// left from the backend's output is f32's rounding. The check holds the int8
// backend to that rounding's bound, element by element, at every size, and a
// wrong group, scale or bias fails it. How far quantizing moves the output
// from the f32 model is its accuracy, which the capstone reports beside the
// check (rel_frobenius_vs_f32) and aims to keep under 1%.
//
// A fixed 1% against the f32 model, the check this replaces, held only for
// inputs spread like a model's: on a 1 x 1 image, whose 3 x 3 patch is eight
// zeros of padding and one pixel, that pixel's filter tap can be far smaller
// than the largest tap sharing its scale, and quantizing alone went over.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/backend.h"
#include "model/int8_weights.h"

namespace lab::model {

class Int8LinearReference {
 public:
  // The layer's f32 weights, quantized in groups of `group` rows per column.
  Int8LinearReference(const LinearWeights& weights, int64_t group);

  // For one row x (`in` f32 values), quantized as the backend quantizes it:
  //   y[j]       = b_j + sum_g sx_g sw_gj S_gj, S_gj the exact integer sum of
  //                group g's codes times column j's
  //   allowed[j] = gamma_(G+4) (|b_j| + sum_g |sx_g sw_gj S_gj|): the
  //                backend's f32 rounding, three times per group (the integer
  //                sum turned to f32, exact below 2^24, and the two scales)
  //                and once per group and for the bias as it adds them up.
  void row(const float* x, double* y, double* allowed) const;

 private:
  Int8Weights w_;
  // Like a backend's layer, it keeps the bias by pointer: `weights` must
  // outlive it.
  const float* bias_;
};

// How far the int8 backend's values are from its reference, over all of them:
// the largest difference, and the largest as a fraction of what that value is
// allowed. An allowance of 0 (every value exact) admits only a difference of
// 0, and a NaN (a value never written) admits none.
struct Int8Error {
  double max_abs = 0;
  double max_fraction = 0;

  void add(double error, double allowed);
  // n values against their expected values and allowances, one by one.
  void add_all(const float* values, const double* expected, const double* allowed, size_t n);
};

}  // namespace lab::model
