// A demo is a small computation a lesson shows that is not a timed kernel: how
// a number rounds to fp16, or how loss scaling reacts to an overflow. Like the
// kernels, demos are declared once here; the page lists the ones this build
// has and calls them by id with named numbers, validated in C++ like a run's.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/demo.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"
#include "lab/catalog.h"
#include "lab/validate.h"

namespace lab {

struct DemoArg {
  const char* name;   // the request's field
  const char* label;  // what the student calls it, for messages
  double min;
  double max;
  bool whole;  // must be a whole number
  // Checked by the demo's kernel (Demo::kernel), not by min and max, which
  // then only describe it.
  bool by_kernel = false;
};

struct Demo {
  const char* id;
  const char* lesson;   // the lesson that shows it
  const char* summary;  // what it computes, in one sentence
  const char* source;   // the file that defines it, relative to the repository root
  // Further files the page shows beside it: what the demo's computation uses.
  std::vector<const char*> headers;
  std::vector<DemoArg> args;
  // Writes the result's fields into an open JSON object. args are valid and in
  // the order declared. nullptr for a demo that runs on a kernel's problem.
  void (*run)(const std::vector<double>& args, JsonWriter& out);
  // A demo that runs on a catalog kernel's problem (the capstone's profile):
  // the kernel it is about, from the other args (nullptr: none). Its args named m, n, k and
  // threads are not checked by their own range but by that kernel's validate(),
  // with the run's limits, exactly as a timed run of it would be.
  const Kernel* (*kernel)(const std::vector<double>& args) = nullptr;
  // Then runs it, given the shape validate() returned.
  void (*run_on)(const Kernel& kernel, const std::vector<double>& args, const Shape& shape,
                 JsonWriter& out) = nullptr;
};

const std::vector<Demo>& demos();

// nullptr when no demo has that id.
const Demo* find_demo(std::string_view id);

// Runs a demo: {"status":"ok","demo":id,...its fields}, or {"status":"invalid",
// "field","error"} for an unknown id or a bad argument. arg(name) is the
// request's number for that name, NaN when it is missing or not a number.
// limits: what a run may use here, for a demo that runs on a kernel's problem.
std::string demo_json(std::string_view id, const std::function<double(const char*)>& arg,
                      const Limits& limits);

void write_demos(JsonWriter& w);

}  // namespace lab
