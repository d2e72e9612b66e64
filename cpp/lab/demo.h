// A demo is a small computation a lesson shows that is not a timed kernel: how
// a number rounds to fp16, or how loss scaling reacts to an overflow. Like the
// kernels, demos are declared once here; the page lists the ones this build
// has and calls them by id with named numbers, validated in C++ like a run's.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error "lab/demo.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"

namespace lab {

struct DemoArg {
  const char* name;   // the request's field
  const char* label;  // what the student calls it, for messages
  double min;
  double max;
  bool whole;         // must be a whole number
};

// A refusal of arguments that each pass their own range but not together
// (sizes whose product does not fit in memory). An empty error accepts them.
struct DemoRefusal {
  std::string field;
  std::string error;
};

struct Demo {
  const char* id;
  const char* lesson;   // the lesson that shows it
  const char* summary;  // what it computes, in one sentence
  const char* source;   // the file that defines it, relative to the repository root
  std::vector<DemoArg> args;
  // Writes the result's fields into an open JSON object. args are valid and in
  // the order declared.
  void (*run)(const std::vector<double>& args, JsonWriter& out);
  // Checks the arguments together, after each passed its own range; nullptr
  // for demos whose arguments cannot conflict.
  DemoRefusal (*refuse)(const std::vector<double>& args) = nullptr;
};

const std::vector<Demo>& demos();

// nullptr when no demo has that id.
const Demo* find_demo(std::string_view id);

// Runs a demo: {"status":"ok","demo":id,...its fields}, or {"status":"invalid",
// "field","error"} for an unknown id or a bad argument. arg(name) is the
// request's number for that name, NaN when it is missing or not a number.
std::string demo_json(std::string_view id, const std::function<double(const char*)>& arg);

void write_demos(JsonWriter& w);

}  // namespace lab
