// Native timings of the catalog kernels, and of OpenBLAS's sgemm as the
// production library the lab's kernels are compared with.
//
//   bench_native --plan=FILE [google-benchmark flags]
//   bench_native --catalog
//
// FILE lists one run per line, "kernel n block threads", as bench/plan.mjs
// plans it for both targets: n is the side of a square matrix problem or the
// length of a vector; block and threads are 0 and 1 for kernels without them.
// Each benchmark's name is kernel/n/block/threads; its counters carry the same
// fields as the page's results, so bench/run.mjs can merge both into one JSON
// file. --catalog prints the lab's catalog JSON (the one the page reads) plus
// the reference libraries benchmarked beside it, and runs nothing.
#include <benchmark/benchmark.h>
#include <cblas.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "kernels/matmul/f32_matmul_problem.h"
#include "lab/catalog.h"
#include "lab/lab_json.h"
#include "lab/runner.h"
#include "core/thread_pool.h"

namespace {

constexpr const char* kOpenBlas = "openblas_sgemm";

struct Options {
  std::string plan;  // the file of runs
  bool catalog = false;
};

// Takes our flags out of argv and leaves Google Benchmark's.
Options parse(int& argc, char** argv) {
  Options o;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--plan=", 0) == 0) o.plan = arg.substr(7);
    else if (arg == "--catalog") o.catalog = true;
    else argv[kept++] = argv[i];
  }
  argc = kept;
  return o;
}

// The lab's catalog, with this machine's memory as the limit, and OpenBLAS in
// the same shape as a catalog kernel so the runner can treat both alike.
std::string catalog_with_references() {
  const lab::Limits limits{static_cast<double>(sysconf(_SC_PHYS_PAGES)) *
                               static_cast<double>(sysconf(_SC_PAGE_SIZE)),
                           lab::shared_pool().size()};
  return std::string("{\"lab\":") + lab::catalog_json(limits) +
         ",\"references\":[{\"name\":\"" + kOpenBlas +
         "\",\"lesson\":\"reference\",\"title\":\"OpenBLAS sgemm, one thread\","
         "\"operation\":\"" + lab::kMatmulF32.id + "\",\"student\":false,\"tunables\":[]}]}";
}

using Call = std::function<lab::KernelStatus(lab::Problem&, const lab::Shape&)>;

// The output check of one benchmark. Google Benchmark calls a benchmark's
// function several times (to size the batch, then once per repetition), and
// one untimed checked call is enough.
struct Check {
  bool done = false;
  lab::KernelStatus status = lab::KernelStatus::done;
  lab::ErrorReport report;
};

// The problem comes from the lab runner's cache: building one computes the
// exact reference, which costs more than a kernel call. The plan lists its runs
// problem by problem, so each is built once.
// bytes: what this kernel moves at this shape, which may exceed the operation's
// compulsory bytes (an unfused schedule writes and rereads its temporaries).
void register_benchmark(const std::string& kernel, const lab::Shape& shape,
                        const lab::Operation& op, double bytes, Call call) {
  const std::string name = kernel + "/" + std::to_string(shape.n) + "/" +
                           std::to_string(shape.block) + "/" + std::to_string(shape.threads);
  auto check = std::make_shared<Check>();
  benchmark::RegisterBenchmark(name.c_str(), [shape, &op, bytes, call, check](benchmark::State& state) {
    lab::Problem& problem = lab::cached_problem(op, shape);
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
    // Not "threads": Google Benchmark writes a field of that name itself.
    state.counters["kernel_threads"] = static_cast<double>(shape.threads);
    state.counters["flops"] = op.flops(shape);
    state.counters["bytes"] = bytes;
    state.counters["max_rel_err"] = check->report.max_rel_err;
    state.counters["tolerance"] = check->report.tolerance;
    state.counters["check_passed"] = check->report.passed ? 1 : 0;
    for (const lab::Metric& metric : check->report.metrics)
      state.counters[std::string("metric_") + metric.name] = metric.value;
  })->Unit(benchmark::kMillisecond)->UseRealTime();
}

void register_kernel(const lab::Kernel& kernel, const lab::Shape& shape) {
  register_benchmark(kernel.name, shape, *kernel.op, lab::bytes_moved(kernel, shape),
                     [&kernel](lab::Problem& p, const lab::Shape& s) { return kernel.run(p, s); });
}

void register_openblas(const lab::Shape& shape) {
  register_benchmark(kOpenBlas, shape, lab::kMatmulF32, lab::kMatmulF32.bytes(shape),
                     [](lab::Problem& problem, const lab::Shape& s) {
    auto& p = static_cast<lab::MatmulProblem&>(problem);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s.m, s.n, s.k, 1.0f, p.a(), s.k, p.b(),
                s.n, 0.0f, p.c(), s.n);
    return lab::KernelStatus::done;
  });
}

// The shape of a run: an M x N x K product (square, or a model's own sizes),
// or a vector of length n.
lab::Shape shape_of(const lab::Operation& op, int64_t m, int64_t n, int64_t k, int64_t block,
                    int64_t threads) {
  if (op.shape_kind == lab::ShapeKind::vector) return {1, n, 1, 0, 1};
  return {m, n, k, block, threads};
}

// Registers every run of the plan, in its order. run.mjs has checked the plan
// against the catalog already; a line that still does not fit is an error.
bool register_plan(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_native: cannot read the plan %s\n", path.c_str());
    return false;
  }
  std::string kernel;
  int64_t m = 0, n = 0, k = 0, block = 0, threads = 1;
  while (in >> kernel >> m >> n >> k >> block >> threads) {
    if (kernel == kOpenBlas) {
      register_openblas(shape_of(lab::kMatmulF32, m, n, k, 0, 1));
    } else if (const lab::Kernel* entry = lab::find_kernel(kernel)) {
      register_kernel(*entry, shape_of(*entry->op, m, n, k, block, threads));
    } else {
      std::fprintf(stderr, "bench_native: the plan names %s, which is not in the catalog\n",
                   kernel.c_str());
      return false;
    }
  }
  if (!in.eof()) {
    std::fprintf(stderr, "bench_native: the plan %s has a malformed line\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  if (options.catalog) {
    std::puts(catalog_with_references().c_str());
    return 0;
  }
  // Before anything runs: OpenBLAS stands for one-thread production code, so
  // it must use one thread, and its idle workers must not compete with the
  // lab's kernels.
  openblas_set_num_threads(1);
  if (options.plan.empty()) {
    std::fputs("usage: bench_native --plan=FILE [google-benchmark flags], or bench_native --catalog\n",
               stderr);
    return 2;
  }
  if (!register_plan(options.plan)) return 2;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
