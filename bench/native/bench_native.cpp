// Native timings of every catalog kernel, and of OpenBLAS's sgemm as the
// production library the lab's kernels are compared with.
//
//   bench_native [--kernels=a,b] [--sizes=256,512] [--blocks=16,32,64] [google-benchmark flags]
//   bench_native --catalog
//
// Each benchmark's name is kernel/n/block; its counters carry the same fields
// as the page's results, so bench/run.mjs can merge both into one JSON file.
// --catalog prints the lab's catalog JSON (the one the page reads) plus the
// reference libraries benchmarked beside it, and runs nothing.
#include <benchmark/benchmark.h>
#include <cblas.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "kernels/matmul/f32_matmul_problem.h"
#include "lab/catalog.h"
#include "lab/lab_json.h"
#include "lab/runner.h"

namespace {

constexpr const char* kOpenBlas = "openblas_sgemm";

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<int64_t> numbers(const std::string& text) {
  std::vector<int64_t> out;
  for (const std::string& s : split(text)) out.push_back(std::stoll(s));
  return out;
}

struct Options {
  std::vector<std::string> kernels;  // empty: all
  std::vector<int64_t> sizes = {256, 512};
  std::vector<int64_t> blocks = {16, 32, 64, 128};
  bool catalog = false;
};

// Takes our flags out of argv and leaves Google Benchmark's.
Options parse(int& argc, char** argv) {
  Options o;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--kernels=", 0) == 0) o.kernels = split(arg.substr(10));
    else if (arg.rfind("--sizes=", 0) == 0) o.sizes = numbers(arg.substr(8));
    else if (arg.rfind("--blocks=", 0) == 0) o.blocks = numbers(arg.substr(9));
    else if (arg == "--catalog") o.catalog = true;
    else argv[kept++] = argv[i];
  }
  argc = kept;
  return o;
}

bool wanted(const Options& o, const std::string& name) {
  if (o.kernels.empty()) return true;
  for (const std::string& k : o.kernels)
    if (k == name) return true;
  return false;
}

// The lab's catalog, with this machine's memory as the limit, and OpenBLAS in
// the same shape as a catalog kernel so the runner can treat both alike.
std::string catalog_with_references() {
  const lab::Limits limits{static_cast<double>(sysconf(_SC_PHYS_PAGES)) *
                           static_cast<double>(sysconf(_SC_PAGE_SIZE))};
  return std::string("{\"lab\":") + lab::catalog_json(limits) +
         ",\"references\":[{\"name\":\"" + kOpenBlas +
         "\",\"lesson\":\"reference\",\"title\":\"OpenBLAS sgemm, one thread\","
         "\"student\":false,\"tunables\":[]}]}";
}

// The lab runner's problem cache: building a problem computes the exact
// reference, which costs more than a kernel call. The benchmarks are registered
// size by size, so each shape is built once.
lab::MatmulProblem& problem_for(const lab::Shape& shape) {
  return static_cast<lab::MatmulProblem&>(lab::cached_problem(lab::kMatmulF32, shape));
}

using Call = std::function<lab::KernelStatus(lab::MatmulProblem&, const lab::Shape&)>;

// The output check of one benchmark. Google Benchmark calls a benchmark's
// function several times (to size the batch, then once per repetition), and
// one untimed checked call is enough.
struct Check {
  bool done = false;
  lab::KernelStatus status = lab::KernelStatus::done;
  lab::ErrorReport report;
};

void register_benchmark(const std::string& kernel, const lab::Shape& shape,
                        const lab::Operation& op, Call call) {
  const std::string name =
      kernel + "/" + std::to_string(shape.n) + "/" + std::to_string(shape.block);
  auto check = std::make_shared<Check>();
  benchmark::RegisterBenchmark(name.c_str(), [shape, &op, call, check](benchmark::State& state) {
    lab::MatmulProblem& problem = problem_for(shape);
    if (!check->done) {
      problem.poison_output();
      check->status = call(problem, shape);
      check->report = problem.check();
      check->done = true;
    }
    if (check->status == lab::KernelStatus::not_implemented) {
      state.SkipWithError("not implemented");
      return;
    }
    for (auto _ : state) {
      call(problem, shape);
      benchmark::ClobberMemory();
    }
    state.counters["n"] = static_cast<double>(shape.n);
    state.counters["block"] = static_cast<double>(shape.block);
    state.counters["threads"] = 1;
    state.counters["flops"] = op.flops(shape);
    state.counters["bytes"] = op.bytes(shape);
    state.counters["max_rel_err"] = check->report.max_rel_err;
    state.counters["tolerance"] = check->report.tolerance;
    state.counters["check_passed"] = check->report.passed ? 1 : 0;
  })->Unit(benchmark::kMillisecond)->UseRealTime();
}

void register_kernel(const lab::Kernel& kernel, const lab::Shape& shape) {
  register_benchmark(kernel.name, shape, *kernel.op,
                     [&kernel](lab::MatmulProblem& p, const lab::Shape& s) { return kernel.run(p, s); });
}

void register_openblas(const lab::Shape& shape) {
  register_benchmark(kOpenBlas, shape, lab::kMatmulF32,
                     [](lab::MatmulProblem& p, const lab::Shape& s) {
                       cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s.m, s.n, s.k, 1.0f,
                                   p.a(), s.k, p.b(), s.n, 0.0f, p.c(), s.n);
                       return lab::KernelStatus::done;
                     });
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  if (options.catalog) {
    std::puts(catalog_with_references().c_str());
    return 0;
  }
  // Before anything runs: the lab's kernels use one thread, so OpenBLAS must
  // too, and its idle worker threads must not compete with the lab's kernels.
  openblas_set_num_threads(1);
  for (int64_t n : options.sizes) {
    for (const lab::Kernel& kernel : lab::catalog()) {
      if (!wanted(options, kernel.name)) continue;
      if (lab::takes(kernel, lab::Tunable::block)) {
        for (int64_t block : options.blocks)
          if (block <= n) register_kernel(kernel, {n, n, n, block});
      } else {
        register_kernel(kernel, {n, n, n, 0});
      }
    }
    if (wanted(options, kOpenBlas)) register_openblas({n, n, n, 0});
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
