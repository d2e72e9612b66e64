// The registry takes a kernel at run time: a plain C++ function, described as
// a compiled-in kernel is, validated, timed and checked through the runner.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "kernels/matmul/f32_matmul_problem.h"
#include "lab/lab_json.h"
#include "lab/runner.h"

using namespace lab;

namespace {

const Limits kLimits{256.0 * 1024 * 1024, 1};

// A matmul written here, compiled into no catalog entry: the textbook i-j-k.
void naive_matmul(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float sum = 0;
      for (int64_t p = 0; p < k; ++p) sum += a[i * k + p] * b[p * n + j];
      c[i * n + j] = sum;
    }
}

KernelStatus run_naive(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulProblem&>(problem);
  naive_matmul(p.a(), p.b(), p.c(), s.m, s.n, s.k);
  return KernelStatus::done;
}

// Forgets the last column of C: the check must catch it.
KernelStatus run_broken(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulProblem&>(problem);
  naive_matmul(p.a(), p.b(), p.c(), s.m, s.n, s.k);
  for (int64_t i = 0; i < s.m; ++i) p.c()[i * s.n + s.n - 1] = 0;
  return KernelStatus::done;
}

Kernel runtime_kernel(std::string name, KernelStatus (*fn)(Problem&, const Shape&)) {
  Kernel k{};
  // A temporary name: the registry keeps its own copy.
  static std::string typed;
  typed = std::move(name);
  k.name = typed.c_str();
  k.lesson = "loops";
  k.title = "my i-j-k";
  k.summary = "A student's matmul, registered at run time.";
  k.source = "";
  k.op = &kMatmulF32;
  k.run = fn;
  return k;
}

RunRequest request(const char* kernel, double n) {
  RunRequest r;
  r.kernel = kernel;
  r.params = Params{std::nan(""), n, std::nan(""), std::nan(""), 1};  // a square n
  r.timing.min_time_s = 0.01;
  return r;
}

// Unregisters on the way out, so no other test sees the kernel.
struct Registered {
  explicit Registered(const char* name) : name(name) {}
  ~Registered() { unregister_kernel(name); }
  const char* name;
};

}  // namespace

TEST_CASE("a kernel registered at run time is validated, timed and checked by the runner") {
  const Kernel* compiled = find_kernel("f32_matmul_ikj");
  REQUIRE(compiled);
  const size_t before = catalog().size();

  const KernelRegistration added = register_kernel(runtime_kernel("my_matmul_ijk", run_naive));
  Registered guard("my_matmul_ijk");
  REQUIRE(added.error.empty());
  REQUIRE(added.kernel);
  CHECK(added.kernel->runtime);
  CHECK(std::string(added.kernel->name) == "my_matmul_ijk");
  CHECK_FALSE(compiled->runtime);
  // Found by name, listed by the catalog after the compiled-in kernels, and in its JSON.
  CHECK(find_kernel("my_matmul_ijk") == added.kernel);
  CHECK(catalog().size() == before + 1);
  const Kernel* last = nullptr;
  for (const Kernel& k : catalog()) last = &k;
  CHECK(last == added.kernel);
  CHECK_THAT(catalog_json(kLimits), Catch::Contains("\"my_matmul_ijk\""));
  // Registering moved no compiled-in kernel.
  CHECK(find_kernel("f32_matmul_ikj") == compiled);

  const RunResult r = run(request("my_matmul_ijk", 40), kLimits, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK(r.kernel == added.kernel);
  CHECK(r.shape.m == 40);
  CHECK(r.shape.n == 40);
  CHECK(r.shape.k == 40);
  CHECK(r.check.passed);
  CHECK(r.flops == 2.0 * 40 * 40 * 40);
  CHECK(r.timing.per_call.count >= 10);
  CHECK(r.timing.per_call.median > 0);

  // The same validation as any kernel.
  const RunResult bad = run(request("my_matmul_ijk", 2.5), kLimits, {});
  CHECK(bad.status == RunStatus::invalid);
  CHECK(bad.field == "n");
  CHECK(bad.error == "N must be a whole number (got 2.5).");
}

TEST_CASE("a broken runtime kernel fails the check") {
  const KernelRegistration added = register_kernel(runtime_kernel("my_broken_matmul", run_broken));
  Registered guard("my_broken_matmul");
  REQUIRE(added.kernel);
  const RunResult r = run(request("my_broken_matmul", 24), kLimits, {});
  REQUIRE(r.status == RunStatus::ok);
  CHECK_FALSE(r.check.passed);
  CHECK(r.check.max_rel_err > r.check.tolerance);
}

TEST_CASE("names are unique: a taken name is refused with a clear message") {
  const KernelRegistration compiled = register_kernel(runtime_kernel("f32_matmul_ikj", run_naive));
  CHECK_FALSE(compiled.kernel);
  CHECK(compiled.error ==
        "There is already a kernel named \"f32_matmul_ikj\" in the catalog; choose another name.");

  const KernelRegistration first = register_kernel(runtime_kernel("my_twice", run_naive));
  Registered guard("my_twice");
  REQUIRE(first.kernel);
  const KernelRegistration second = register_kernel(runtime_kernel("my_twice", run_broken));
  CHECK_FALSE(second.kernel);
  CHECK_THAT(second.error, Catch::Contains("already a kernel named \"my_twice\""));
  CHECK(find_kernel("my_twice") == first.kernel);

  CHECK_FALSE(register_kernel(runtime_kernel("", run_naive)).kernel);
  Kernel no_op = runtime_kernel("my_no_op", run_naive);
  no_op.op = nullptr;
  CHECK_THAT(register_kernel(no_op).error, Catch::Contains("no operation"));
  Kernel no_run = runtime_kernel("my_no_run", nullptr);
  CHECK_THAT(register_kernel(no_run).error, Catch::Contains("no function"));
}

TEST_CASE("unregistering removes only runtime kernels, and keeps other pointers valid") {
  const Kernel* compiled = find_kernel("f32_matmul_blocked");
  std::vector<const Kernel*> added;
  for (int i = 0; i < 50; ++i) {
    const KernelRegistration r =
        register_kernel(runtime_kernel("my_many_" + std::to_string(i), run_naive));
    REQUIRE(r.kernel);
    added.push_back(r.kernel);
  }
  CHECK(find_kernel("f32_matmul_blocked") == compiled);
  CHECK(find_kernel("my_many_0") == added[0]);
  CHECK(unregister_kernel("my_many_10"));
  CHECK_FALSE(unregister_kernel("my_many_10"));
  CHECK(find_kernel("my_many_10") == nullptr);
  CHECK(find_kernel("my_many_11") == added[11]);
  CHECK(std::string(added[49]->name) == "my_many_49");
  CHECK_FALSE(unregister_kernel("f32_matmul_blocked"));
  CHECK(find_kernel("f32_matmul_blocked") == compiled);
  for (int i = 0; i < 50; ++i) unregister_kernel("my_many_" + std::to_string(i));
  for (const Kernel& k : catalog()) CHECK_FALSE(k.runtime);
}
