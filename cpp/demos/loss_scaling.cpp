// Dynamic loss scaling on a fit small enough to follow step by step: a line
// z = w x + b fitted to 16 points, f32 master weights, and a backward pass
// whose gradients are stored in fp16, as mixed-precision training does.
//
// The loss carries a small weight (2^-16), so its gradients are tiny, the way
// gradients deep inside a network are; the learning rate makes up for it.
// Without a scale they land among fp16's subnormals and, as the fit improves
// and they shrink further, round to zero: the fit stalls. Every 40th step one
// point is a wild outlier, a gradient spike that overflows fp16 once the scale
// is large: that step is skipped and the scale halves, as PyTorch's
// GradScaler does; after `growth_interval` good steps in a row it doubles.
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/source_file.h"
#include "demos/precision_demos.h"
#include "kernels/convert/f16_convert.h"

namespace lab {

namespace {

constexpr int kPoints = 16;
constexpr float kTrueW = 2.0f, kTrueB = -0.5f;
constexpr float kLossWeight = 1.0f / 65536;
constexpr float kLearningRate = 0.5f / kLossWeight;
// Updates are clipped, as training loops clip gradients, so a spike that gets
// through moves the weights by at most this much.
constexpr float kMaxUpdate = 0.25f;
constexpr int kSpikeEvery = 40;
constexpr float kSpikeOffset = 65536.0f;  // the outlier's target is off by this
constexpr int kMaxScaleLog2 = 24;

float point_x(int k) { return -1.0f + 2.0f * k / (kPoints - 1); }

struct Step {
  int scale_log2;
  bool skipped;
  double loss;      // of the clean points, before the update: 1/2 mean (w x + b - t)^2
  int underflowed;  // weights whose fp16 gradient was 0 though their f32 gradient was not
};

float rounded_to_f16(float v) { return f16_to_f32(f32_to_f16(v)); }

float clipped(float update) { return std::clamp(update, -kMaxUpdate, kMaxUpdate); }

std::vector<Step> train(int steps, int scale_log2, int growth_interval, bool dynamic) {
  std::vector<Step> trace;
  float w = 0, b = 0;
  int good = 0;
  for (int step = 0; step < steps; ++step) {
    const float scale = std::ldexp(1.0f, scale_log2);
    const bool spike = step % kSpikeEvery == kSpikeEvery - 1;
    double loss = 0;
    // f32 sums of the fp16 per-point gradients, as a tensor core accumulates,
    // and the same sums without fp16, to see what fp16 lost.
    float dw = 0, db = 0, exact_dw = 0, exact_db = 0;
    for (int k = 0; k < kPoints; ++k) {
      const float x = point_x(k);
      const float clean = kTrueW * x + kTrueB;
      const float target = clean + (spike && k == kPoints - 1 ? kSpikeOffset : 0.0f);
      const float z = w * x + b;
      loss += 0.5 * (z - clean) * (z - clean) / kPoints;
      const float g = kLossWeight * (z - target) / kPoints;  // d loss / d z
      const float g16 = rounded_to_f16(g * scale);           // the backward pass's fp16 value
      dw += g16 * x;
      db += g16;
      exact_dw += g * x;
      exact_db += g;
    }
    // The weight gradients are fp16 tensors too.
    const float dw16 = rounded_to_f16(dw), db16 = rounded_to_f16(db);
    const int underflowed = (dw16 == 0 && exact_dw != 0) + (db16 == 0 && exact_db != 0);
    const bool overflow = !std::isfinite(dw16) || !std::isfinite(db16);
    trace.push_back({scale_log2, overflow, loss, underflowed});
    if (overflow) {
      good = 0;
      if (dynamic) --scale_log2;
      continue;
    }
    // Unscale in f32 and update the f32 master weights.
    w -= clipped(kLearningRate * (dw16 / scale));
    b -= clipped(kLearningRate * (db16 / scale));
    if (dynamic && ++good == growth_interval) {
      good = 0;
      scale_log2 = std::min(scale_log2 + 1, kMaxScaleLog2);
    }
  }
  return trace;
}

void write_summary(JsonWriter& out, const char* name, const std::vector<Step>& trace) {
  int skipped = 0, underflowed_steps = 0;
  for (const Step& s : trace) {
    skipped += s.skipped;
    underflowed_steps += s.underflowed > 0;
  }
  out.key(name)
      .begin_object()
      .field("skipped_steps", skipped)
      .field("underflowed_steps", underflowed_steps)
      .field("final_loss", trace.back().loss)
      .field("final_scale_log2", trace.back().scale_log2)
      .end_object();
}

}  // namespace

void loss_scaling(const std::vector<double>& args, JsonWriter& out) {
  const int steps = static_cast<int>(args[0]);
  const std::vector<Step> scaled =
      train(steps, static_cast<int>(args[1]), static_cast<int>(args[2]), true);
  const std::vector<Step> plain = train(steps, 0, 0, false);
  out.field("points", kPoints)
      .field("loss_weight", static_cast<double>(kLossWeight))
      .field("learning_rate", static_cast<double>(kLearningRate))
      .field("spike_every", kSpikeEvery)
      .field("max_scale_log2", kMaxScaleLog2);
  out.key("scale_log2").begin_array();
  for (const Step& s : scaled) out.value(s.scale_log2);
  out.end_array().key("skipped").begin_array();
  for (const Step& s : scaled) out.value(s.skipped);
  out.end_array().key("loss").begin_array();
  for (const Step& s : scaled) out.value(s.loss);
  out.end_array().key("underflowed").begin_array();
  for (const Step& s : scaled) out.value(s.underflowed);
  out.end_array().key("loss_without_scaling").begin_array();
  for (const Step& s : plain) out.value(s.loss);
  out.end_array().key("underflowed_without_scaling").begin_array();
  for (const Step& s : plain) out.value(s.underflowed);
  out.end_array();
  write_summary(out, "with_scaling", scaled);
  write_summary(out, "without_scaling", plain);
}

}  // namespace lab

LAB_SOURCE_DEFINE(loss_scaling_cpp)
