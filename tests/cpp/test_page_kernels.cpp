// Kernels compiled in the page, with a fake host in place of the page's
// JavaScript: the runner stages the buffers before the first call, collects
// them after it and after the timing, reports a host's failure as a failed run
// with its message, and checks the output it got back like any other kernel's.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "kernels/gelu/f32_gelu_problem.h"
#include "lab/check_shapes.h"
#include "lab/lab_json.h"
#include "lab/page_kernels.h"
#include "lab/runner.h"

using namespace lab;

namespace {

const Limits kLimits{256.0 * 1024 * 1024, 1};

// Holds each buffer's copy, as the student's module memory would, and runs a
// C++ function on the copies in place of the module's entry.
class FakeHost final : public PageHost {
 public:
  using Entry =
      std::function<KernelStatus(std::vector<std::vector<char>>&, const std::vector<int32_t>&)>;
  Entry entry;
  std::string stage_error, call_error, collect_error;
  int fail_from_call = 1;  // the call that fails with call_error: 1 is the first
  std::vector<std::string> log;

  std::string stage(int slot, const std::vector<ExternalBuffer>& buffers) override {
    log.push_back("stage " + std::to_string(slot));
    copies.clear();
    for (const ExternalBuffer& b : buffers) {
      const char* data = static_cast<const char*>(b.data);
      copies.emplace_back(data, data + b.bytes);
    }
    return stage_error;
  }
  KernelStatus call(int, const std::vector<int32_t>& sizes, std::string* error) override {
    ++calls;
    if (!call_error.empty() && calls >= fail_from_call) {
      *error = call_error;
      return KernelStatus::done;
    }
    return entry(copies, sizes);
  }
  std::string collect(int, const std::vector<ExternalBuffer>& buffers) override {
    log.push_back("collect");
    for (size_t i = 0; i < buffers.size(); ++i)
      if (buffers[i].output)
        std::memcpy(const_cast<void*>(buffers[i].data), copies[i].data(), buffers[i].bytes);
    return collect_error;
  }
  int calls = 0;

 private:
  std::vector<std::vector<char>> copies;
};

// ReLU on the staged copies: (x, y, n), as cpp/exercises/page_entry.cpp passes them.
KernelStatus relu_entry(std::vector<std::vector<char>>& buffers,
                        const std::vector<int32_t>& sizes) {
  const auto* x = reinterpret_cast<const float*>(buffers[0].data());
  auto* y = reinterpret_cast<float*>(buffers[1].data());
  for (int32_t i = 0; i < sizes.at(0); ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;
}

// The capstone's layer on the staged copies: (a, b, bias, c, m, n, k), as
// cpp/exercises/page_entry.cpp passes them.
KernelStatus layer_entry(std::vector<std::vector<char>>& buffers,
                         const std::vector<int32_t>& sizes) {
  const auto* a = reinterpret_cast<const float*>(buffers[0].data());
  const auto* b = reinterpret_cast<const float*>(buffers[1].data());
  const auto* bias = reinterpret_cast<const float*>(buffers[2].data());
  auto* c = reinterpret_cast<float*>(buffers[3].data());
  const int32_t m = sizes.at(0), n = sizes.at(1), k = sizes.at(2);
  for (int32_t i = 0; i < m; ++i)
    for (int32_t j = 0; j < n; ++j) {
      double z = bias[j];
      for (int32_t p = 0; p < k; ++p) z += double{a[i * k + p]} * b[p * n + j];
      c[i * n + j] = static_cast<float>(gelu_exact(z));
    }
  return KernelStatus::done;
}

struct Registered {
  FakeHost host;
  std::string name;
  explicit Registered(const char* exercise, int slot) {
    set_page_host(&host);
    const KernelRegistration r = register_page_kernel(exercise, "yours, -O2", slot);
    REQUIRE(r.kernel != nullptr);
    name = r.kernel->name;
  }
  ~Registered() {
    unregister_kernel(name);
    set_page_host(nullptr);
    release_cached_problem();
  }
  RunResult run(double n, bool single_shot = false) {
    RunRequest request;
    request.kernel = name;
    request.params.n = n;
    request.timing.min_time_s = 0.001;
    request.timing.single_shot = single_shot;
    return lab::run(request, kLimits, {});
  }
};

}  // namespace

TEST_CASE("a page kernel takes its exercise's description, under a name of its own") {
  Registered page("f32_relu_student_wasmsimd", 7);
  const Kernel* k = find_kernel(page.name);
  REQUIRE(k != nullptr);
  const Kernel* stub = find_kernel("f32_relu_student_wasmsimd");
  CHECK(page.name == "f32_relu_student_wasmsimd_page7");
  CHECK(std::string(k->title) == "yours, -O2");
  CHECK(k->runtime);
  CHECK(k->student);
  CHECK(k->page != nullptr);
  CHECK(k->op == stub->op);
  CHECK(std::string(k->lesson) == stub->lesson);
  CHECK(std::string(k->source) == stub->source);
  CHECK(k->tunables == stub->tunables);
}

TEST_CASE("only an exercise whose operation has an entry compiles in the page") {
  int compiling = 0;
  for (const Kernel& k : catalog()) {
    if (!k.student) CHECK_FALSE(compiles_in_page(k));
    if (compiles_in_page(k)) ++compiling;
  }
  CHECK(compiling == 10);
  CHECK(register_page_kernel("f32_relu_wasmsimd", "", 1).error ==
        "There is no exercise named \"f32_relu_wasmsimd\" that compiles in the page.");
  CHECK(register_page_kernel("", "", 1).kernel == nullptr);
}

TEST_CASE(
    "the runner stages a page kernel's buffers before its first call and collects them after") {
  Registered page("f32_relu_student_wasmsimd", 1);
  page.host.entry = relu_entry;
  const RunResult r = page.run(1001);
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.check.passed);
  CHECK(page.host.calls > 1);
  CHECK(page.host.log == std::vector<std::string>{"stage 1", "collect", "collect"});

  page.host.log.clear();
  const RunResult once = page.run(5, true);
  CHECK(once.status == RunStatus::ok);
  CHECK(page.host.log == std::vector<std::string>{"stage 1", "collect"});
}

TEST_CASE("a page kernel's failure ends its run with the host's message") {
  Registered page("f32_relu_student_wasmsimd", 2);
  page.host.entry = relu_entry;
  SECTION("in staging") { page.host.stage_error = "no room"; }
  SECTION("in its first call (a trap)") { page.host.call_error = "Your kernel trapped."; }
  SECTION("in a timed call") {
    page.host.call_error = "Your kernel trapped on its third call.";
    page.host.fail_from_call = 3;
  }
  SECTION("in collecting (a write outside its output)") {
    page.host.collect_error = "Wrote past y.";
  }
  const std::string expected =
      page.host.stage_error + page.host.call_error + page.host.collect_error;
  const RunResult r = page.run(64);
  CHECK(r.status == RunStatus::failed);
  CHECK(r.error == expected);
  const std::string json = result_json(r);
  CHECK_THAT(json, Catch::Contains("\"status\":\"failed\""));
  CHECK_THAT(json, Catch::Contains(expected));
  // The lab goes on: the next run of a reference kernel is unaffected.
  RunRequest reference;
  reference.kernel = "f32_relu_wasmsimd";
  reference.params.n = 64;
  reference.timing.single_shot = true;
  CHECK(lab::run(reference, kLimits, {}).check.passed);
}

TEST_CASE("the layer exercise's entry gets A, B, the bias and C, then M, N and K") {
  Registered page("f32_matmul_bias_gelu_student", 6);
  page.host.entry = layer_entry;
  RunRequest request;
  request.kernel = page.name;
  request.params.m = 5;
  request.params.n = 9;
  request.params.k = 17;
  request.timing.single_shot = true;
  const RunResult r = lab::run(request, kLimits, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.check.passed);

  // The bias forgotten: the check names C's first element, by row and column.
  page.host.entry = [](std::vector<std::vector<char>>& buffers, const std::vector<int32_t>& sizes) {
    std::fill(buffers[2].begin(), buffers[2].end(), 0);
    return layer_entry(buffers, sizes);
  };
  const RunResult wrong = lab::run(request, kLimits, {});
  CHECK_FALSE(wrong.check.passed);
  CHECK(std::string(wrong.check.first_bad.output) == "C");
  CHECK(wrong.check.first_bad.row == 0);
  CHECK(wrong.check.first_bad.column == 0);
}

TEST_CASE("run_once_and_check reports a page kernel's failure, and no passing check") {
  Registered page("f32_relu_student_wasmsimd", 5);
  page.host.entry = relu_entry;
  page.host.collect_error = "Wrote past y.";
  KernelStatus status = KernelStatus::not_implemented;
  std::string failure;
  const ErrorReport report =
      run_once_and_check(*find_kernel(page.name), {1, 8, 1, 0}, &status, &failure);
  CHECK(failure == "Wrote past y.");
  CHECK_FALSE(report.passed);
}

TEST_CASE("an unwritten stub compiled in the page reports not implemented") {
  Registered page("f32_relu_student_wasmsimd", 3);
  page.host.entry = [](auto&, auto&) { return KernelStatus::not_implemented; };
  CHECK(page.run(16).status == RunStatus::not_implemented);
}

TEST_CASE("a wrong page kernel fails its check, which names the first bad element") {
  Registered page("f32_relu_student_wasmsimd", 4);
  page.host.entry = [](std::vector<std::vector<char>>& buffers, const std::vector<int32_t>& sizes) {
    const KernelStatus status = relu_entry(buffers, sizes);
    reinterpret_cast<float*>(buffers[1].data())[sizes[0] - 1] = 42.0f;  // the tail, wrong
    return status;
  };
  const RunResult r = page.run(19, true);
  REQUIRE(r.status == RunStatus::ok);
  CHECK_FALSE(r.check.passed);
  CHECK(r.check.first_bad.found);
  CHECK(std::string(r.check.first_bad.output) == "y");
  CHECK(r.check.first_bad.index == 18);
  CHECK(r.check.first_bad.actual == 42.0);
  CHECK_THAT(result_json(r), Catch::Contains("\"first_bad\":{\"output\":\"y\",\"index\":18"));
}

TEST_CASE("a matmul's first bad element has its row and column") {
  const Kernel* stub = find_kernel("f32_matmul_student_loops");
  REQUIRE(stub != nullptr);
  Problem& problem = cached_problem(*stub->op, {3, 5, 4, 0});
  problem.poison_output();  // every element NaN: the first is C[0][0]
  const ErrorReport report = problem.check();
  CHECK(report.first_bad.found);
  CHECK(report.first_bad.index == 0);
  CHECK(report.first_bad.row == 0);
  CHECK(report.first_bad.column == 0);
  release_cached_problem();
}

TEST_CASE("a student's kernel is checked at the shapes the native exercise test uses") {
  const auto shapes_of = [](const char* name) { return check_shapes(*find_kernel(name)); };
  CHECK(shapes_of("f32_relu_student_wasmsimd").size() == vector_check_lengths().size());
  const std::vector<Shape> loops = shapes_of("f32_matmul_student_loops");
  CHECK(loops.size() == square_check_sizes().size() + non_square_check_shapes().size());
  const std::vector<Shape> blocked = shapes_of("f32_matmul_student_blocked");
  CHECK(blocked.size() > loops.size());
  for (const Shape& s : blocked) CHECK(s.block >= 1);
  CHECK(check_blocks({5, 9, 17, 0}) == std::vector<int64_t>{1, 7, 16, 17});
  CHECK(check_blocks({7, 7, 7, 0}) == std::vector<int64_t>{1, 7});  // each block once
}

TEST_CASE("the catalog tells the page what a compile needs and what each exercise is checked at") {
  const std::string json = catalog_json(kLimits);
  CHECK_THAT(json, Catch::Contains("\"page_compile\":{\"entry\":\"cpp/exercises/page_entry.cpp\""));
  CHECK_THAT(json, Catch::Contains("\"cpp/exercises/student_kernels.h\""));
  CHECK_THAT(json, Catch::Contains("\"cpp/core/kernel_status.h\""));
  CHECK_THAT(json,
             Catch::Contains("\"compiles_in_page\":true,\"check_shapes\":[{\"m\":1,\"n\":1,"));
}

namespace {

// A split on the staged copies: (begin, end, rows, threads), as
// cpp/exercises/page_entry.cpp passes them; `share` says thread t's rows.
KernelStatus split_entry(std::vector<std::vector<char>>& buffers, const std::vector<int32_t>& sizes,
                         int64_t (*share)(int64_t rows, int64_t threads)) {
  auto* begin = reinterpret_cast<int64_t*>(buffers.at(0).data());
  auto* end = reinterpret_cast<int64_t*>(buffers.at(1).data());
  const int64_t rows = sizes.at(0), threads = sizes.at(1);
  for (int64_t t = 0; t < threads; ++t) {
    begin[t] = t * share(rows, threads);
    end[t] = t + 1 == threads ? rows : (t + 1) * share(rows, threads);
  }
  return KernelStatus::done;
}

RunRequest split_request(const std::string& name, double n, double threads) {
  RunRequest request;
  request.kernel = name;
  request.params.m = request.params.k = std::nan("");  // N x N x N
  request.params.n = n;
  request.params.threads = threads;
  request.timing.min_time_s = 0.001;
  return request;
}

}  // namespace

TEST_CASE("a split compiled in the page is called once, when staged, and the lab runs its rows") {
  Registered page("f32_matmul_student_threads", 6);
  page.host.entry = [](auto& buffers, auto& sizes) {
    return split_entry(buffers, sizes,
                       [](int64_t rows, int64_t threads) { return rows / threads; });
  };
  const RunResult r = lab::run(split_request(page.name, 65, 3), {256.0 * 1024 * 1024, 4}, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.check.passed);
  CHECK(r.timing.samples.size() > 1);
  CHECK(page.host.calls == 1);
  CHECK(page.host.log == std::vector<std::string>{"stage 6", "collect"});
}

TEST_CASE("a split compiled in the page that leaves rows to nobody fails, naming the first") {
  Registered page("f32_matmul_student_threads", 8);
  // Rounds down and gives the last thread no more: rows 64 and up are nobody's.
  page.host.entry = [](std::vector<std::vector<char>>& buffers, const std::vector<int32_t>& sizes) {
    const KernelStatus status =
        split_entry(buffers, sizes, [](int64_t rows, int64_t threads) { return rows / threads; });
    reinterpret_cast<int64_t*>(buffers[1].data())[sizes[1] - 1] = 64;
    return status;
  };
  KernelStatus status = KernelStatus::not_implemented;
  const ErrorReport report =
      run_once_and_check(*find_kernel(page.name), {65, 65, 65, 0, 2}, &status);
  CHECK(status == KernelStatus::done);
  CHECK_FALSE(report.passed);
  CHECK(report.first_bad.row == 64);
}

TEST_CASE("an unwritten split compiled in the page reports not implemented, and a trap fails") {
  Registered page("f32_matmul_student_threads", 9);
  const Limits limits{256.0 * 1024 * 1024, 2};
  page.host.entry = [](auto&, auto&) { return KernelStatus::not_implemented; };
  CHECK(lab::run(split_request(page.name, 16, 2), limits, {}).status == RunStatus::not_implemented);
  page.host.call_error = "Your kernel trapped.";
  const RunResult r = lab::run(split_request(page.name, 16, 2), limits, {});
  CHECK(r.status == RunStatus::failed);
  CHECK(r.error == "Your kernel trapped.");
}
