#include "lab/demo.h"

#include <cmath>
#include <sstream>

#include "demos/quantization_demos.h"
#include "demos/precision_demos.h"
#include "lab/capstone_profile_demo.h"

namespace lab {

namespace {

// f32's largest value is about 3.4028e38: typed numbers stay inside it, so
// converting one to f32 is always defined.
constexpr double kF32Bound = 3.4e38;

std::vector<Demo> build_demos() {
  return {
      {"quantization_bit_sweep", "quantization",
       "Quantize and dequantize a matrix whose rows differ 1000-fold in size, at 8, 6, 4 and 2 "
       "bits, with one scale per tensor and one per row: the errors.",
       "cpp/demos/quantization_demos.cpp",
       {{"rows", "Rows", 2, 1024, true}, {"cols", "Columns", 1, 4096, true}},
       quantization_bit_sweep},
      {"int8_quantize_vector", "quantization",
       "Quantize six numbers to int8 with one scale, as you would by hand: the scale, the codes "
       "and the largest rounding error.",
       "cpp/demos/quantization_demos.cpp",
       {{"x0", "x0", -1e6, 1e6, false}, {"x1", "x1", -1e6, 1e6, false},
        {"x2", "x2", -1e6, 1e6, false}, {"x3", "x3", -1e6, 1e6, false},
        {"x4", "x4", -1e6, 1e6, false}, {"x5", "x5", -1e6, 1e6, false}},
       int8_quantize_vector},
      {"precision_round", "precision",
       "A number as f32, and that f32 rounded to f16 and to bf16: bits, fields, errors, and what "
       "the rounding did.",
       "cpp/demos/precision_round.cpp", {{"x", "The number", -kF32Bound, kF32Bound, false}},
       precision_round},
      {"precision_formats", "precision",
       "Range and precision of f32, f16 and bf16, each decoded from a bit pattern.",
       "cpp/demos/precision_formats.cpp", {}, precision_formats},
      {"fp16_underflow", "precision",
       "Gradient magnitudes from 1e-2 to 1e-10 stored in fp16, as they are and multiplied by a "
       "loss scale S = 2^s, and the share of a synthetic gradient distribution that survives.",
       "cpp/demos/fp16_underflow.cpp",
       {{"scale_log2", "The scale's exponent s", 0, 32, true}}, fp16_underflow},
      {"loss_scaling", "precision",
       "A small fit with fp16 gradients and dynamic loss scaling, step by step, beside the same "
       "fit without a scale.",
       "cpp/demos/loss_scaling.cpp",
       {{"steps", "Steps", 1, 2000, true},
        {"scale_log2", "The initial scale's exponent", 0, 24, true},
        {"growth_interval", "Growth interval", 1, 1000, true}},
       loss_scaling},
      {"capstone_profile", "capstone",
       "A few forward passes of a capstone model on one backend, each step timed with the "
       "lab's clock: the median time of each step, and of the whole pass.",
       "cpp/model/capstone_profile.cpp",
       {{"model", "The model (0: FFN block, 1: conv2d)", 0, 1, true},
        {"backend", "The backend (0: naive, 1: optimized, 2: int8)", 0, 2, true},
        {"m", "M", 1, 1 << 20, true},
        {"n", "N", 1, 1 << 20, true},
        {"k", "K", 1, 1 << 20, true},
        {"threads", "Threads", 1, 64, true},
        {"forwards", "Forward passes", 1, 25, true}},
       model::capstone_profile, model::capstone_profile_refusal},
  };
}

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Empty when the value is acceptable.
std::string check_arg(const DemoArg& a, double v) {
  const std::string label = a.label;
  if (std::isnan(v)) return label + " must be a number.";
  if (!(v >= a.min && v <= a.max))
    return label + " must be between " + number(a.min) + " and " + number(a.max) + " (got " +
           number(v) + ").";
  if (a.whole && v != std::floor(v)) return label + " must be a whole number (got " + number(v) + ").";
  return "";
}

std::string invalid(std::string_view field, const std::string& error) {
  JsonWriter w;
  w.begin_object().field("status", "invalid").field("field", field).field("error", error);
  return w.end_object().str();
}

}  // namespace

const std::vector<Demo>& demos() {
  static const std::vector<Demo> list = build_demos();
  return list;
}

const Demo* find_demo(std::string_view id) {
  for (const Demo& d : demos())
    if (id == d.id) return &d;
  return nullptr;
}

std::string demo_json(std::string_view id, const std::function<double(const char*)>& arg) {
  const Demo* demo = find_demo(id);
  if (!demo) return invalid("demo", "There is no demo named \"" + std::string(id) + "\".");
  std::vector<double> values;
  for (const DemoArg& a : demo->args) {
    const double v = arg(a.name);
    const std::string error = check_arg(a, v);
    if (!error.empty()) return invalid(a.name, error);
    values.push_back(v);
  }
  if (demo->refuse) {
    const DemoRefusal refusal = demo->refuse(values);
    if (!refusal.error.empty()) return invalid(refusal.field, refusal.error);
  }
  JsonWriter w;
  w.begin_object().field("status", "ok").field("demo", demo->id);
  demo->run(values, w);
  return w.end_object().str();
}

void write_demos(JsonWriter& w) {
  w.begin_array();
  for (const Demo& d : demos()) {
    w.begin_object()
        .field("id", d.id)
        .field("lesson", d.lesson)
        .field("summary", d.summary)
        .field("source", d.source);
    w.key("args").begin_array();
    for (const DemoArg& a : d.args)
      w.begin_object()
          .field("name", a.name)
          .field("label", a.label)
          .field("min", a.min)
          .field("max", a.max)
          .field("whole", a.whole)
          .end_object();
    w.end_array().end_object();
  }
  w.end_array();
}

}  // namespace lab
