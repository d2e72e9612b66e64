#include "core/timing.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include "core/source_file.h"

// In a browser, steady_clock reads performance.now(), whose resolution the
// browser coarsens (Chrome to 5 us in a cross-origin isolated page and 100 us
// otherwise; other browsers choose their own steps), so the lab measures it.
#if defined(__wasm__)
#define LAB_CLOCK_NAME "performance.now() through std::chrono::steady_clock"
#else
#define LAB_CLOCK_NAME "std::chrono::steady_clock"
#endif

namespace lab {

namespace {

// A sample must last at least this many clock steps, so one step is <= 1%.
constexpr double kStepsPerSample = 100.0;
// Progress is reported at most this often, so the page is not flooded.
constexpr double kProgressInterval_s = 0.05;
// Fewest samples that still give a median and a spread.
constexpr int kMinSamplesWhenSlow = 3;
// Samples whose second half's median is this far below the first half's
// caught the engine switching to optimized code: a step larger than the
// drift of a busy machine within one measurement.
constexpr double kTierUpDrop = 0.2;
// Calls in one sample at most, whatever the clock says.
constexpr int kMaxBatch = 1 << 24;

}  // namespace

double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

double estimate_resolution(const std::function<double()>& read, int steps) {
  std::vector<double> deltas;
  deltas.reserve(steps);
  for (int i = 0; i < steps; ++i) {
    const double start = read();
    double next = read();
    // Bounded spin: a clock that never moves would otherwise hang us.
    for (int spins = 0; next == start && spins < 10000000; ++spins) next = read();
    if (next > start) deltas.push_back(next - start);
  }
  if (deltas.empty()) return 0.0;
  std::sort(deltas.begin(), deltas.end());
  return deltas[deltas.size() / 2];
}

const ClockInfo& clock_info() {
  static const ClockInfo info{LAB_CLOCK_NAME, estimate_resolution(now_seconds, 25)};
  return info;
}

Measurement single_sample(double seconds) {
  Measurement m;
  m.clock = clock_info().name;
  m.resolution_s = clock_info().resolution_s;
  m.samples.push_back(seconds);
  m.total_s = seconds;
  m.first_call_s = seconds;
  m.per_call = summarize(m.samples);
  return m;
}

const Clock& system_clock() {
  static const Clock clock{now_seconds, clock_info()};
  return clock;
}

const char* warmup_stop_name(WarmupStop stop) {
  switch (stop) {
    case WarmupStop::stable: return "stable";
    case WarmupStop::time_limit: return "time_limit";
    case WarmupStop::batch_limit: return "batch_limit";
    case WarmupStop::resampled: return "resampled";
  }
  return "";
}

namespace {

// Warm-up and calibration in one: early calls pay for page faults, cold caches
// and the engine's baseline code, and we keep growing the batch until one
// timed batch spans at least kStepsPerSample clock steps. One cold call alone
// would misjudge the batch. A batch counts as long enough only when two
// timings of it in a row say so: one alone may have been slowed by a page
// fault, a garbage collection or the engine recompiling the kernel, and calls
// far shorter than a clock step would then be timed one at a time, most of
// them as zero. Then batches go on until the time per call stops falling (the
// optimized code runs) and warmup_min_s has passed, which gives the engine's
// background compile time to finish: code that has not tiered up yet is as
// steady as code that has. Returns false if progress cancelled it.
bool warm_up(const std::function<void()>& body, const TimingOptions& options,
             const ProgressFn& progress, const Clock& clock, Measurement& m) {
  const double min_sample_s = kStepsPerSample * m.resolution_s;
  const double start = clock.read();
  double best_per_call = std::numeric_limits<double>::infinity();
  double last_report = start;
  for (int long_enough = 0;;) {
    const double batch_start = clock.read();
    for (int i = 0; i < m.batch; ++i) body();
    const double now = clock.read();
    const double elapsed = now - batch_start;
    m.warmup_calls += m.batch;
    m.warmup_s = now - start;
    if (m.batch >= kMaxBatch) {
      m.warmup_stop = WarmupStop::batch_limit;
      return true;
    }
    if (elapsed < min_sample_s) {
      long_enough = 0;
      const double grow = elapsed > 0 ? 1.5 * min_sample_s / elapsed : 10.0;
      m.batch =
          static_cast<int>(std::min<double>(kMaxBatch, std::ceil(m.batch * std::min(grow, 10.0))));
      continue;
    }
    const double per_call = elapsed / m.batch;
    const bool falling = per_call < (1 - options.warmup_tolerance) * best_per_call;
    best_per_call = std::min(best_per_call, per_call);
    if (++long_enough >= 2) {
      if (!falling && m.warmup_s >= options.warmup_min_s) {
        m.warmup_stop = WarmupStop::stable;
        return true;
      }
      if (m.warmup_s >= options.warmup_max_s) {
        m.warmup_stop = WarmupStop::time_limit;
        return true;
      }
    }
    if (progress && now - last_report >= kProgressInterval_s) {
      last_report = now;
      if (!progress(0.0)) return false;
    }
  }
}

// Samples until the minimum time and count are in (or the limits hit).
void take_samples(const std::function<void()>& body, const TimingOptions& options,
                  const ProgressFn& progress, const Clock& clock, Measurement& m) {
  double last_report = clock.read();
  while (static_cast<int>(m.samples.size()) < options.max_samples) {
    const double start = clock.read();
    for (int i = 0; i < m.batch; ++i) body();
    const double elapsed = clock.read() - start;
    m.samples.push_back(elapsed / m.batch);
    m.total_s += elapsed;

    const bool enough_time = m.total_s >= options.min_time_s;
    const int count = static_cast<int>(m.samples.size());
    if (enough_time && count >= options.min_samples) break;
    if (m.total_s >= options.max_time_s && count >= kMinSamplesWhenSlow) break;
    const double now = clock.read();
    if (progress && now - last_report >= kProgressInterval_s) {
      last_report = now;
      if (!progress(std::min(m.total_s / options.min_time_s, 1.0))) {
        m.cancelled = true;
        return;
      }
    }
  }
}

double median_of(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Whether the second half of the samples ran clearly faster than the first.
bool got_faster(const std::vector<double>& samples) {
  if (samples.size() < 4) return false;
  const auto half = samples.begin() + samples.size() / 2;
  return median_of({half, samples.end()}) < (1 - kTierUpDrop) * median_of({samples.begin(), half});
}

}  // namespace

Measurement measure(const std::function<void()>& body, const TimingOptions& options,
                    const ProgressFn& progress, const Clock& clock) {
  Measurement m;
  m.clock = clock.info.name;
  m.resolution_s = clock.info.resolution_s;
  if (!warm_up(body, options, progress, clock, m)) {
    m.cancelled = true;
    m.per_call = summarize(m.samples);
    return m;
  }

  for (;;) {
    take_samples(body, options, progress, clock, m);
    if (m.cancelled || !got_faster(m.samples) || m.warmup_s + m.total_s >= options.warmup_max_s)
      break;
    m.warmup_s += m.total_s;
    m.warmup_calls += static_cast<int64_t>(m.batch) * static_cast<int64_t>(m.samples.size());
    m.warmup_stop = WarmupStop::resampled;
    m.samples.clear();
    m.total_s = 0;
  }
  m.per_call = summarize(m.samples);
  return m;
}

}  // namespace lab

LAB_SOURCE_DEFINE(timing_cpp)
