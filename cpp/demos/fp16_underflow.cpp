// Which gradient magnitudes fp16 can hold, with and without a loss scale S:
// a ladder of decades, and the share of a synthetic gradient distribution
// that ends up normal, subnormal, zero or inf.
#include <cmath>
#include <vector>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "demos/fp16_class.h"
#include "demos/precision_demos.h"
#include "kernels/convert/f16_convert.h"

namespace lab {

namespace {

// The synthetic gradients: log10 |g| normally distributed around -6 with a
// spread of 1.5 decades, a shape like the gradients of a deep network's weights.
constexpr double kMedianLog10 = -6;
constexpr double kSpreadDecades = 1.5;
constexpr int kSamples = 100000;
constexpr uint64_t kSeed = 7;
constexpr double kPi = 3.14159265358979323846;

struct Stored {
  Fp16Class kind;
  double value;  // the fp16 value, divided by the scale again
};

Stored store(float g, float scale) {
  const uint16_t h = f32_to_f16(g * scale);  // a power of two: the product is exact in f32
  return {fp16_class(h), f16_to_f32(h) / static_cast<double>(scale)};
}

void write_stored(JsonWriter& out, const char* name, float g, const Stored& s) {
  out.key(name)
      .begin_object()
      .field("class", fp16_class_name(s.kind))
      .field("value", s.value)
      .field("rel_err", std::fabs(s.value - g) / g)
      .end_object();
}

// Box-Muller on pairs of uniform values from the lab's reproducible stream.
std::vector<float> gradient_magnitudes() {
  std::vector<float> u(2 * kSamples);
  fill_uniform(u.data(), u.size(), kSeed);  // in [-1, 1)
  std::vector<float> g(kSamples);
  for (int i = 0; i < kSamples; ++i) {
    const double u1 = 1.0 - (u[2 * i] + 1.0) / 2;  // (0, 1]: log is finite
    const double u2 = (u[2 * i + 1] + 1.0) / 2;
    const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * kPi * u2);
    g[i] = static_cast<float>(std::pow(10.0, kMedianLog10 + kSpreadDecades * normal));
  }
  return g;
}

void write_shares(JsonWriter& out, const char* name, const std::vector<float>& g, float scale) {
  double counts[4] = {0, 0, 0, 0};
  for (float v : g) ++counts[static_cast<int>(store(v, scale).kind)];
  out.key(name).begin_object();
  for (Fp16Class c : {Fp16Class::normal, Fp16Class::subnormal, Fp16Class::zero, Fp16Class::inf})
    out.field(fp16_class_name(c), counts[static_cast<int>(c)] / g.size());
  out.end_object();
}

}  // namespace

void fp16_underflow(const std::vector<double>& args, JsonWriter& out) {
  const int scale_log2 = static_cast<int>(args[0]);
  const float scale = std::ldexp(1.0f, scale_log2);
  out.field("scale_log2", scale_log2).field("scale", static_cast<double>(scale));
  out.key("magnitudes").begin_array();
  for (int decade = -2; decade >= -10; --decade) {
    const double magnitude = std::pow(10.0, decade);
    const float g = static_cast<float>(magnitude);
    out.begin_object().field("magnitude", magnitude);
    write_stored(out, "unscaled", g, store(g, 1.0f));
    write_stored(out, "scaled", g, store(g, scale));
    out.end_object();
  }
  out.end_array();
  const std::vector<float> g = gradient_magnitudes();
  out.key("distribution")
      .begin_object()
      .field("samples", kSamples)
      .field("median", std::pow(10.0, kMedianLog10))
      .field("spread_decades", kSpreadDecades);
  write_shares(out, "unscaled", g, 1.0f);
  write_shares(out, "scaled", g, scale);
  out.end_object();
}

}  // namespace lab

LAB_SOURCE_DEFINE(fp16_underflow_cpp)
