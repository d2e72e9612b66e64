#include "demos/quantization_demos.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/quantize/symmetric_quantize.h"

namespace lab {

namespace {

constexpr int kBits[] = {8, 6, 4, 2};

// Row r is standard normal times 10^(-2 + 3 r / (rows - 1)): from 0.01 to 10.
double row_factor(int64_t r, int64_t rows) {
  return rows > 1 ? std::pow(10.0, -2.0 + 3.0 * r / (rows - 1)) : 1.0;
}

struct Errors {
  double max_abs = 0, rel_frobenius = 0, snr_db = 0;
};

// Quantizes x (rows x cols) with one scale per `group` consecutive values,
// dequantizes, and measures how far the result is from x.
Errors round_trip(const std::vector<float>& x, int64_t group, int bits) {
  std::vector<int8_t> q(x.size());
  double noise = 0, signal = 0, max_abs = 0;
  for (size_t g = 0; g < x.size(); g += group) {
    float scale;
    quantize_symmetric(&x[g], group, 1, bits, &q[g], &scale);
    for (size_t i = g; i < g + group; ++i) {
      const double err = x[i] - static_cast<double>(q[i]) * scale;
      max_abs = std::max(max_abs, std::fabs(err));
      noise += err * err;
      signal += static_cast<double>(x[i]) * x[i];
    }
  }
  Errors e;
  e.max_abs = max_abs;
  e.rel_frobenius = signal > 0 ? std::sqrt(noise / signal) : 0;
  // A perfect round trip has no noise: its SNR is infinite, written as null.
  e.snr_db = 10.0 * std::log10(signal / noise);
  return e;
}

void write_scheme(JsonWriter& out, const char* name, const std::vector<float>& x, int64_t group) {
  std::vector<Errors> errors;
  for (int bits : kBits) errors.push_back(round_trip(x, group, bits));
  out.key(name).begin_object();
  out.key("max_abs_err").begin_array();
  for (const Errors& e : errors) out.value(e.max_abs);
  out.end_array().key("rel_frobenius").begin_array();
  for (const Errors& e : errors) out.value(e.rel_frobenius);
  out.end_array().key("snr_db").begin_array();
  for (const Errors& e : errors) out.value(e.snr_db);
  out.end_array().end_object();
}

}  // namespace

void quantization_bit_sweep(const std::vector<double>& args, JsonWriter& out) {
  const auto rows = static_cast<int64_t>(args[0]), cols = static_cast<int64_t>(args[1]);
  std::vector<float> x(rows * cols);
  fill_normal(x.data(), x.size(), 21);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t j = 0; j < cols; ++j) x[r * cols + j] *= static_cast<float>(row_factor(r, rows));
  out.key("bits").begin_array();
  for (int bits : kBits) out.value(bits);
  out.end_array();
  out.field("row_factor_min", row_factor(0, rows))
      .field("row_factor_max", row_factor(rows - 1, rows));
  write_scheme(out, "per_tensor", x, rows * cols);
  write_scheme(out, "per_row", x, cols);
}

void int8_quantize_vector(const std::vector<double>& args, JsonWriter& out) {
  const std::vector<float> x(args.begin(), args.end());
  std::vector<int8_t> q(x.size());
  float scale;
  quantize_symmetric(x.data(), x.size(), 1, 8, q.data(), &scale);
  double max_abs = 0, max_err = 0;
  out.key("codes").begin_array();
  for (int8_t v : q) out.value(static_cast<int>(v));
  out.end_array().key("dequantized").begin_array();
  for (size_t i = 0; i < x.size(); ++i) {
    const double back = static_cast<double>(q[i]) * scale;
    out.value(back);
    max_abs = std::max(max_abs, std::fabs(static_cast<double>(x[i])));
    max_err = std::max(max_err, std::fabs(x[i] - back));
  }
  out.end_array();
  out.field("max_abs", max_abs).field("qmax", kInt8Qmax).field("scale", static_cast<double>(scale));
  out.field("max_rounding_err", max_err).field("error_bound", scale / 2.0);
}

}  // namespace lab

LAB_SOURCE_DEFINE(quantization_demos_cpp)
