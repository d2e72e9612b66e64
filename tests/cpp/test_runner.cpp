#include <catch2/catch.hpp>

#include "lab/lab_json.h"
#include "lab/runner.h"

using namespace lab;

namespace {

const Limits kLimits{256.0 * 1024 * 1024};

RunRequest request(const char* kernel, double n, double block = 0) {
  RunRequest r;
  r.kernel = kernel;
  r.params = Params{n, n, n, block};
  r.timing.min_time_s = 0.01;
  return r;
}

}  // namespace

TEST_CASE("a run times the kernel, checks it and counts its work") {
  const RunResult r = run(request("f32_matmul_blocked", 48, 16), kLimits, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.check.passed);
  CHECK(r.flops == 2.0 * 48 * 48 * 48);
  CHECK(r.bytes == 4.0 * 3 * 48 * 48);
  CHECK(r.timing.per_call.count >= 10);
  CHECK(r.timing.per_call.median > 0);
  CHECK(r.timing.first_call_s > 0);
  CHECK(r.timing.warmup_calls >= 1);
}

TEST_CASE("a single-shot run reports the cold first call alone") {
  RunRequest req = request("f32_matmul_ijk", 32);
  req.timing.single_shot = true;
  const RunResult r = run(req, kLimits, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.timing.per_call.count == 1);
  CHECK(r.timing.per_call.median == r.timing.first_call_s);
  CHECK(r.check.passed);
}

TEST_CASE("an unwritten exercise reports not implemented and is not timed") {
  const RunResult r = run(request("f32_matmul_student_loops", 16), kLimits, {});
  CHECK(r.status == RunStatus::not_implemented);
  CHECK(r.timing.samples.empty());
  CHECK_THAT(result_json(r), Catch::Contains("cpp/exercises/f32_matmul_student_loops.cpp"));
}

TEST_CASE("bad requests are refused before anything runs") {
  CHECK(run(request("no_such_kernel", 8), kLimits, {}).field == "kernel");
  CHECK(run(request("f32_matmul_ikj", -8), kLimits, {}).field == "n");
  CHECK(run(request("f32_matmul_blocked", 8, 9), kLimits, {}).field == "block");
  RunRequest r = request("f32_matmul_ikj", 8);
  r.timing.min_time_s = 0;
  CHECK(run(r, kLimits, {}).field == "min_time");
}

TEST_CASE("a refused request leaves the cached problem usable") {
  REQUIRE(run(request("f32_matmul_ikj", 40), kLimits, {}).status == RunStatus::ok);
  REQUIRE(run(request("f32_matmul_ikj", 1e12), kLimits, {}).status == RunStatus::invalid);
  const RunResult again = run(request("f32_matmul_kij", 40), kLimits, {});
  CHECK(again.status == RunStatus::ok);
  CHECK(again.check.passed);
}

TEST_CASE("progress returning false cancels the run") {
  RunRequest r = request("f32_matmul_ijk", 64);
  r.timing.min_time_s = 30;
  const RunResult result = run(r, kLimits, [](double) { return false; });
  CHECK(result.status == RunStatus::cancelled);
  CHECK(result.timing.total_s < 5);
}

TEST_CASE("result JSON carries timing, statistics, clock and check") {
  const std::string json = result_json(run(request("f32_matmul_ikj", 24), kLimits, {}));
  for (const char* key : {"\"status\":\"ok\"", "\"median_s\"", "\"ci_low_s\"", "\"ci_level\"",
                          "\"count\"", "\"resolution_s\"", "\"clock\"", "\"gflops\"", "\"gbps\"",
                          "\"max_rel_err\"", "\"passed\":true", "\"samples_s\":["})
    CHECK_THAT(json, Catch::Contains(key));
}

TEST_CASE("an invalid result's JSON carries the field and message only") {
  const std::string json = result_json(run(request("f32_matmul_ikj", 0), kLimits, {}));
  CHECK_THAT(json, Catch::Contains("\"status\":\"invalid\""));
  CHECK_THAT(json, Catch::Contains("\"field\":\"n\""));
  CHECK_THAT(json, !Catch::Contains("median_s"));
}
