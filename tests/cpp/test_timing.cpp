#include <catch2/catch.hpp>

#include <atomic>

#include "core/timing.h"

using namespace lab;

namespace {

// Busy-waits, so the body takes a known time without sleeping the thread.
void spin(double seconds) {
  const double until = now_seconds() + seconds;
  while (now_seconds() < until) {
  }
}

}  // namespace

TEST_CASE("clock resolution is the typical step of a coarse clock") {
  double t = 0;
  int reads = 0;
  // A clock that advances 1 ms every 10 reads.
  auto coarse = [&] { return (++reads / 10) * 1e-3 + t; };
  CHECK(estimate_resolution(coarse, 25) == Approx(1e-3));
}

TEST_CASE("a clock that never moves gives resolution 0 instead of hanging") {
  CHECK(estimate_resolution([] { return 1.0; }, 3) == 0.0);
}

TEST_CASE("the real clock has a positive, sub-millisecond resolution") {
  CHECK(clock_info().resolution_s > 0);
  CHECK(clock_info().resolution_s < 1e-3);
}

TEST_CASE("fast bodies are batched so one sample spans 100 clock steps") {
  std::atomic<int> calls{0};
  TimingOptions options;
  options.min_time_s = 0.02;
  const Measurement m =
      measure([&] { calls.fetch_add(1, std::memory_order_relaxed); }, options, {});
  CHECK(m.batch > 1);
  CHECK(m.per_call.count >= options.min_samples);
  CHECK(m.total_s >= options.min_time_s);
  CHECK(m.total_s / m.per_call.count >= 100 * m.resolution_s * 0.99);
  CHECK(calls.load() == m.warmup_calls + m.batch * m.per_call.count);
}

TEST_CASE("one slow first call does not fix the batch at one call") {
  // A page fault or a recompilation can slow the first call far past a sample's
  // length; a fast kernel must still be batched, or its samples read as zero.
  std::atomic<int> calls{0};
  TimingOptions options;
  options.min_time_s = 0.02;
  const Measurement m = measure(
      [&] {
        if (calls.fetch_add(1, std::memory_order_relaxed) == 0) spin(0.005);
      },
      options, {});
  CHECK(m.batch > 1);
  CHECK(m.per_call.median > 0);
}

TEST_CASE("sampling stops at the minimum time once the minimum count is in") {
  TimingOptions options;
  options.min_time_s = 0.05;
  options.min_samples = 3;
  auto five_ms = [] { spin(0.005); };
  const Measurement m = measure(five_ms, options, {});
  CHECK(m.batch == 1);
  // spin() waits at least 5 ms; a loaded machine may make it longer, never shorter.
  CHECK(m.per_call.median >= 0.005);
  CHECK(m.total_s >= 0.05);
  CHECK(m.per_call.count < 20);
}

TEST_CASE("a slow body stops at max_time with at least 3 samples") {
  TimingOptions options;
  options.min_time_s = 10;
  options.max_time_s = 0.03;
  auto slow = [] { spin(0.02); };
  const Measurement m = measure(slow, options, {});
  CHECK(m.per_call.count == 3);
}

TEST_CASE("progress is reported and returning false cancels") {
  TimingOptions options;
  options.min_time_s = 5;
  int reports = 0;
  auto body = [] { spin(0.002); };
  const Measurement m = measure(body, options, [&](double fraction) {
    CHECK(fraction >= 0);
    CHECK(fraction <= 1);
    return ++reports < 3;
  });
  CHECK(m.cancelled);
  CHECK(reports == 3);
  CHECK(m.total_s < 1);
}

TEST_CASE("a single sample is its own summary") {
  const Measurement m = single_sample(0.125);
  CHECK(m.per_call.count == 1);
  CHECK(m.per_call.median == 0.125);
  CHECK(m.first_call_s == 0.125);
}
