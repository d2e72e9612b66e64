#include "lab/demo.h"

#include <cmath>
#include <sstream>

#include "kernels/quantize/quantization_demos.h"

namespace lab {

namespace {

std::vector<Demo> build_demos() {
  return {
      {"quantization_bit_sweep", "quantization",
       "Quantize and dequantize a matrix whose rows differ 1000-fold in size, at 8, 6, 4 and 2 "
       "bits, with one scale per tensor and one per row: the errors.",
       "cpp/kernels/quantize/quantization_demos.cpp",
       {{"rows", "Rows", 2, 1024, true}, {"cols", "Columns", 1, 4096, true}},
       quantization_bit_sweep},
      {"int8_quantize_vector", "quantization",
       "Quantize six numbers to int8 with one scale, as you would by hand: the scale, the codes "
       "and the largest rounding error.",
       "cpp/kernels/quantize/quantization_demos.cpp",
       {{"x0", "x0", -1e6, 1e6, false}, {"x1", "x1", -1e6, 1e6, false},
        {"x2", "x2", -1e6, 1e6, false}, {"x3", "x3", -1e6, 1e6, false},
        {"x4", "x4", -1e6, 1e6, false}, {"x5", "x5", -1e6, 1e6, false}},
       int8_quantize_vector},
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
