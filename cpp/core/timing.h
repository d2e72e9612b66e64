// How a kernel is timed: warm up, batch calls until one sample is long enough
// for the clock's resolution to be at most 1% of it and the time per call has
// stopped falling, then take samples until a minimum total time has passed.
#pragma once

#include <functional>
#include <vector>

#include "core/source_file.h"
#include "core/stats.h"

namespace lab {

struct ClockInfo {
  const char* name;     // which clock, in words
  double resolution_s;  // the smallest step it was seen to take
};

// Measured once per process, on first use.
const ClockInfo& clock_info();

double now_seconds();

// What measure() reads the time from: the real clock, or a fake one in tests.
struct Clock {
  std::function<double()> read;  // seconds, from any fixed origin
  ClockInfo info;
};

// now_seconds() with its clock_info().
const Clock& system_clock();

// Estimate of a clock's resolution: the median of the non-zero steps seen
// between consecutive readings. Exposed so it can be tested on a fake clock.
double estimate_resolution(const std::function<double()>& read, int steps);

struct TimingOptions {
  double min_time_s = 0.5;  // keep sampling until this much time is spent
  int min_samples = 10;
  // Slow kernels: past this much time, stop once kMinSamplesWhenSlow are in.
  double max_time_s = 10.0;
  int max_samples = 5000;
  bool single_shot = false;  // report only the first, cold call: no warm-up, no repetition
  // Warm-up: at least warmup_min_s, and until a batch's time per call is no
  // more than warmup_tolerance below the best batch before it; never past
  // warmup_max_s. Why: V8 first runs a wasm function from its baseline
  // compiler (Liftoff) and switches to its optimized code (TurboFan) only on
  // a later call, once a background compile is done; a sample taken before
  // then times the baseline code. Measured in headless Chromium 156 on a busy
  // 2-core Zen 5 machine: the ceiling probe still ran its baseline code 0.2 s
  // after its first call. Samples that get faster partway (their second half's
  // median more than kTierUpDrop, in timing.cpp, below the first's) are thrown away as more
  // warm-up, and sampling starts again, within warmup_max_s.
  double warmup_min_s = 0.3;
  double warmup_max_s = 2.0;
  double warmup_tolerance = 0.02;
};

// Why the warm-up stopped.
enum class WarmupStop {
  stable,      // the time per call stopped falling (after warmup_min_s)
  time_limit,  // warmup_max_s passed while it was still falling
  resampled,   // samples got faster partway, so they became warm-up and sampling restarted
  batch_limit  // the batch reached its cap: a clock that barely moves
};

const char* warmup_stop_name(WarmupStop stop);

struct Measurement {
  Summary per_call;             // seconds per call of the body
  std::vector<double> samples;  // seconds per call, one entry per sample
  int batch = 1;                // calls of the body inside one timed sample
  int64_t warmup_calls = 0;
  double warmup_s = 0;  // time spent in warm-up batches
  WarmupStop warmup_stop = WarmupStop::stable;
  double first_call_s = 0;  // the cold first call, timed alone (set by the runner)
  double total_s = 0;       // time spent in timed samples
  double resolution_s = 0;
  const char* clock = "";
  bool cancelled = false;
};

// A Measurement made of one sample: the single-shot view of a kernel.
Measurement single_sample(double seconds);

// Called between samples with the fraction of the minimum time done so far;
// returning false cancels the measurement.
using ProgressFn = std::function<bool(double fraction)>;

// Times `body`, which has already been called once (the cold call), so
// options.single_shot is the caller's business and is ignored here.
Measurement measure(const std::function<void()>& body, const TimingOptions& options,
                    const ProgressFn& progress, const Clock& clock = system_clock());

}  // namespace lab

LAB_SOURCE_DECLARE(timing_cpp)
