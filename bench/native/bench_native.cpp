// Native timings of every catalog kernel, and of OpenBLAS's sgemm as the
// production library the lab's kernels are compared with.
//
//   bench_native [--kernels=a,b] [--sizes=256,512] [--blocks=16,32,64] [google-benchmark flags]
//
// Each benchmark's name is kernel/n/block; its counters carry the same fields
// as the page's results, so bench/run.mjs can merge both into one JSON file.
#include <benchmark/benchmark.h>
#include <cblas.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "kernels/matmul/f32_matmul_problem.h"
#include "lab/catalog.h"
#include "lab/runner.h"

namespace {

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

void set_counters(benchmark::State& state, const lab::Shape& shape, double flops, double bytes,
                  double max_rel_err) {
  state.counters["n"] = static_cast<double>(shape.n);
  state.counters["block"] = static_cast<double>(shape.block);
  state.counters["threads"] = 1;
  state.counters["flops"] = flops;
  state.counters["bytes"] = bytes;
  state.counters["max_rel_err"] = max_rel_err;
}

void register_kernel(const lab::Kernel& kernel, lab::Shape shape) {
  std::string name = std::string(kernel.name) + "/" + std::to_string(shape.n) + "/" +
                     std::to_string(shape.block);
  benchmark::RegisterBenchmark(name.c_str(), [&kernel, shape](benchmark::State& state) {
    lab::KernelStatus status;
    const lab::ErrorReport report = lab::run_once_and_check(kernel, shape, &status);
    if (status == lab::KernelStatus::not_implemented) {
      state.SkipWithError("not implemented");
      return;
    }
    lab::MatmulProblem problem(shape);
    for (auto _ : state) {
      kernel.run(problem, shape);
      benchmark::ClobberMemory();
    }
    set_counters(state, shape, kernel.op->flops(shape), kernel.op->bytes(shape),
                 report.max_rel_err);
  })->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
}

// OpenBLAS, single-threaded, as the "production library" beside the lab kernels.
void register_openblas(lab::Shape shape) {
  const std::string name = "openblas_sgemm/" + std::to_string(shape.n) + "/0";
  benchmark::RegisterBenchmark(name.c_str(), [shape](benchmark::State& state) {
    lab::MatmulProblem problem(shape);
    openblas_set_num_threads(1);
    auto sgemm = [&] {
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, shape.m, shape.n, shape.k, 1.0f,
                  problem.a(), shape.k, problem.b(), shape.n, 0.0f, problem.c(), shape.n);
    };
    sgemm();
    const double max_rel_err = problem.check().max_rel_err;
    for (auto _ : state) {
      sgemm();
      benchmark::ClobberMemory();
    }
    set_counters(state, shape, lab::kMatmulF32.flops(shape), lab::kMatmulF32.bytes(shape),
                 max_rel_err);
  })->Unit(benchmark::kMillisecond)->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
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
    if (wanted(options, "openblas_sgemm")) register_openblas({n, n, n, 0});
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
