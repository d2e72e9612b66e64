// The profile runs on the runner's cached problem: right after a timed run of
// the same model and sizes, that problem (weights, int8 codes, reference) is
// reused warm, and only the profiled forward passes cost time. The steps of a
// pass are timed with the lab's clock (core/timing.h), whose resolution the page
// shows; a step shorter than a few ticks is noise, which is why the median of
// several passes is reported.
#include "model/capstone_profile.h"

#include <cstdint>
#include <sstream>
#include <string>

#include "lab/runner.h"
#include "core/stats.h"
#include "model/capstone_problems.h"

namespace lab::model {

namespace {

// Far below what a timed run may use, so a profile never runs the heap out.
constexpr double kProfileMemoryBytes = 256.0 * 1024 * 1024;

const Operation& model_op(double model) { return model == 0 ? kFfnBlock : kConv2dIm2col; }

Shape shape_of(const std::vector<double>& args) {
  return Shape{static_cast<int64_t>(args[2]), static_cast<int64_t>(args[3]),
               static_cast<int64_t>(args[4]), 0, static_cast<int64_t>(args[5])};
}

}  // namespace

DemoRefusal capstone_profile_refusal(const std::vector<double>& args) {
  const Operation& op = model_op(args[0]);
  const Shape s = shape_of(args);
  const double needed = op.workspace_bytes(s);
  if (needed > kProfileMemoryBytes) {
    std::ostringstream out;
    out.precision(0);
    out << std::fixed << "These sizes need " << needed / (1024 * 1024)
        << " MiB; the profile runs only sizes that need at most "
        << kProfileMemoryBytes / (1024 * 1024) << " MiB.";
    return {"m", out.str()};
  }
  return {};
}

void capstone_profile(const std::vector<double>& args, JsonWriter& out) {
  const Operation& op = model_op(args[0]);
  const auto kind = static_cast<BackendKind>(static_cast<int>(args[1]));
  const Shape shape = shape_of(args);
  const int forwards = static_cast<int>(args[6]);
  auto& problem = static_cast<ModelProblem&>(cached_problem(op, shape));

  // runs[f] holds the steps of forward pass f, in order; every pass has the
  // same steps.
  std::vector<std::vector<StepTime>> runs;
  std::vector<double> totals;
  for (int f = 0; f < forwards; ++f) {
    StepClock clock = StepClock::on();
    problem.forward(kind, shape.threads, clock);
    double total = 0;
    for (const StepTime& step : clock.steps()) total += step.seconds;
    totals.push_back(total);
    runs.push_back(clock.steps());
  }

  out.field("operation", op.id).field("backend", backend_name(kind));
  out.field("threads", static_cast<double>(shape.threads)).field("forwards", forwards);
  if (kind == BackendKind::int8) out.field("int8_group", static_cast<double>(kInt8Group));
  out.key("steps").begin_array();
  for (size_t i = 0; i < runs.front().size(); ++i) {
    std::vector<double> samples;
    for (const auto& run : runs) samples.push_back(run[i].seconds);
    const Summary s = summarize(samples);
    out.begin_object()
        .field("name", runs.front()[i].name)
        .field("median_s", s.median)
        .field("min_s", s.min)
        .field("max_s", s.max)
        .end_object();
  }
  out.end_array();
  out.field("forward_median_s", summarize(totals).median);
  out.field("rel_frobenius_vs_f32", problem.check().max_rel_err);
}

}  // namespace lab::model
