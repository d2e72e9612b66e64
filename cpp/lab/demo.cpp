#include "lab/demo.h"

#include <cmath>
#include <string>

#include "demos/precision_demos.h"
#include "demos/quantization_demos.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f16_convert.h"
#include "lab/number_text.h"
#include "lab/runner.h"
#include "model/capstone_problems.h"
#include "model/capstone_profile.h"
#include "model/step_clock.h"

namespace lab {

namespace {

// f32's largest value is about 3.4028e38: typed numbers stay inside it, so
// converting one to f32 is always defined.
constexpr double kF32Bound = 3.4e38;

// The capstone profile is about the catalog kernel of its model and backend
// (ffn_block_int8): that kernel's validate() checks its sizes and threads.
const Kernel* capstone_kernel(const std::vector<double>& args) {
  const Operation& op = args[0] == 0 ? kFfnBlock : kConv2dIm2col;
  static constexpr Backend kBackends[] = {Backend::naive, Backend::optimized, Backend::int8};
  const Backend backend = kBackends[static_cast<int>(args[1])];
  for (const Kernel& k : catalog())
    if (k.op == &op && k.traits.backend == backend && !k.runtime) return &k;
  return nullptr;
}

void capstone_profile(const Kernel& kernel, const std::vector<double>& args, const Shape& shape,
                      JsonWriter& out) {
  auto& problem = static_cast<model::ModelProblem&>(cached_problem(*kernel.op, shape));
  model::capstone_profile(problem, *kernel.op,
                          static_cast<model::BackendKind>(static_cast<int>(args[1])), shape,
                          static_cast<int>(args[6]), out);
}

std::vector<Demo> build_demos() {
  return {
      {"quantization_bit_sweep",
       "quantization",
       "Quantize and dequantize a matrix whose rows differ 1000-fold in size, at 8, 6, 4 and 2 "
       "bits, with one scale per tensor and one per row: the errors.",
       source::quantization_demos_cpp,
       {},
       {{"rows", "Rows", 2, 1024, true}, {"cols", "Columns", 1, 4096, true}},
       quantization_bit_sweep},
      {"int8_quantize_vector",
       "quantization",
       "Quantize six numbers to int8 with one scale, as you would by hand: the scale, the codes "
       "and the largest rounding error.",
       source::quantization_demos_cpp,
       {},
       {{"x0", "x0", -1e6, 1e6, false},
        {"x1", "x1", -1e6, 1e6, false},
        {"x2", "x2", -1e6, 1e6, false},
        {"x3", "x3", -1e6, 1e6, false},
        {"x4", "x4", -1e6, 1e6, false},
        {"x5", "x5", -1e6, 1e6, false}},
       int8_quantize_vector},
      {"precision_round",
       "precision",
       "A number as f32, and that f32 rounded to f16 and to bf16: bits, fields, errors, and what "
       "the rounding did.",
       source::precision_round_cpp,
       {source::f16_convert_h, source::f16_convert_cpp, source::bf16_convert_h},
       {{"x", "The number", -kF32Bound, kF32Bound, false}},
       precision_round},
      {"precision_formats",
       "precision",
       "Range and precision of f32, f16 and bf16, each decoded from a bit pattern.",
       source::precision_formats_cpp,
       {},
       {},
       precision_formats},
      {"fp16_underflow",
       "precision",
       "Gradient magnitudes from 1e-2 to 1e-10 stored in fp16, as they are and multiplied by a "
       "loss scale S = 2^s, and the share of a synthetic gradient distribution that survives.",
       source::fp16_underflow_cpp,
       {source::f16_convert_h},
       {{"scale_log2", "The scale's exponent s", 0, 32, true}},
       fp16_underflow},
      {"loss_scaling",
       "precision",
       "A small fit with fp16 gradients and dynamic loss scaling, step by step, beside the same "
       "fit without a scale.",
       source::loss_scaling_cpp,
       {source::f16_convert_h},
       {{"steps", "Steps", 1, 2000, true},
        {"scale_log2", "The initial scale's exponent", 0, 24, true},
        {"growth_interval", "Growth interval", 1, 1000, true}},
       loss_scaling},
      {"capstone_profile",
       "capstone",
       "A few forward passes of a capstone model on one backend, each step timed with the "
       "lab's clock: the median time of each step, and of the whole pass.",
       source::capstone_profile_cpp,
       {source::step_clock_h},
       {{"model", "The model (0: FFN block, 1: conv2d)", 0, 1, true},
        {"backend", "The backend (0: naive, 1: optimized, 2: int8)", 0, 2, true},
        {"m", "M", 1, 1 << 20, true, true},
        {"n", "N", 1, 1 << 20, true, true},
        {"k", "K", 1, 1 << 20, true, true},
        {"threads", "Threads", 1, 64, true, true},
        {"forwards", "Forward passes", 1, 25, true}},
       nullptr,
       capstone_kernel,
       capstone_profile},
  };
}

// Empty when the value is acceptable.
std::string check_arg(const DemoArg& a, double v) {
  const std::string label = a.label;
  if (std::isnan(v)) return label + " must be a number.";
  if (!(v >= a.min && v <= a.max))
    return label + " must be between " + number_text(a.min) + " and " + number_text(a.max) +
           " (got " + number_text(v) + ").";
  if (a.whole && v != std::floor(v))
    return label + " must be a whole number (got " + number_text(v) + ").";
  return "";
}

// The demo's args named like a run's parameters; NaN for those it lacks.
Params params_of(const Demo& demo, const std::vector<double>& values) {
  Params p{std::nan(""), std::nan(""), std::nan(""), std::nan(""), 1};
  for (size_t i = 0; i < demo.args.size(); ++i) {
    const std::string_view name = demo.args[i].name;
    if (name == "m")
      p.m = values[i];
    else if (name == "n")
      p.n = values[i];
    else if (name == "k")
      p.k = values[i];
    else if (name == "block")
      p.block = values[i];
    else if (name == "threads")
      p.threads = values[i];
  }
  return p;
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

std::string demo_json(std::string_view id, const std::function<double(const char*)>& arg,
                      const Limits& limits) {
  const Demo* demo = find_demo(id);
  if (!demo) return invalid("demo", "There is no demo named \"" + std::string(id) + "\".");
  std::vector<double> values;
  for (const DemoArg& a : demo->args) {
    const double v = arg(a.name);
    const std::string error = a.by_kernel ? "" : check_arg(a, v);
    if (!error.empty()) return invalid(a.name, error);
    values.push_back(v);
  }
  JsonWriter w;
  if (demo->kernel) {
    const Kernel* kernel = demo->kernel(values);
    if (!kernel)
      return invalid("demo", "Demo \"" + std::string(id) + "\" has no kernel for these arguments.");
    const Validation v = validate(*kernel, params_of(*demo, values), limits);
    if (!v.ok) return invalid(v.field, v.error);
    w.begin_object().field("status", "ok").field("demo", demo->id);
    demo->run_on(*kernel, values, v.shape, w);
    return w.end_object().str();
  }
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
    w.key("sources").begin_array().value(d.source);
    for (const char* header : d.headers) w.value(header);
    w.end_array();
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
