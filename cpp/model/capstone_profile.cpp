// The profile runs on the runner's cached problem (lab/demo.cpp hands it over):
// right after a timed run of the same model and sizes, that problem (weights,
// int8 codes, reference) is reused warm, and only the profiled forward passes
// cost time. The steps of a pass are timed with the lab's clock
// (core/timing.h), whose resolution the page shows; a step shorter than a few
// ticks is noise, which is why the median of several passes is reported.
#include "model/capstone_profile.h"

#include <string>
#include <vector>

#include "core/source_file.h"
#include "core/stats.h"

namespace lab::model {

void capstone_profile(ModelProblem& problem, const Operation& op, BackendKind kind,
                      const Shape& shape, int forwards, JsonWriter& out) {
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

LAB_SOURCE_DEFINE(capstone_profile_cpp)
