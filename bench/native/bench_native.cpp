// Native timings of the catalog kernels, and of OpenBLAS's sgemm as the
// production library the lab's kernels are compared with.
//
//   bench_native --plan=FILE [google-benchmark flags]
//   bench_native --check=FILE
//   bench_native --catalog
//
// FILE lists one run per line, "kernel m n k block threads", as bench/plan.mjs
// plans it for both targets, with "-" for a field the run does not give (a
// square product gives only n, as the page's requests do; a vector's n is its
// length; block and threads only for kernels that take them). Every line is a
// request like the page's, checked by the lab's validate(), so the native
// bench runs only what the page would accept: --plan refuses a plan with a bad
// line, and --check prints the verdict on each line (a JSON array of the
// page's `check` answers) and runs nothing.
// Each benchmark's name is kernel/n/block/threads; its counters carry the same
// fields as the page's results, so bench/run.mjs can merge both into one JSON
// file. --catalog prints the lab's catalog JSON (the one the page reads) plus
// the reference libraries benchmarked beside it, and runs nothing.
#include <benchmark/benchmark.h>
#include <cblas.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "lab/catalog.h"
#include "lab/lab_json.h"
#include "lab/runner.h"

namespace {

constexpr const char* kOpenBlas = "openblas_sgemm";

struct Options {
  std::string plan;    // the file of runs
  bool check = false;  // check the plan's runs, run none
  bool catalog = false;
};

// Takes our flags out of argv and leaves Google Benchmark's.
Options parse(int& argc, char** argv) {
  Options o;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--plan=", 0) == 0)
      o.plan = arg.substr(7);
    else if (arg.rfind("--check=", 0) == 0)
      o.plan = arg.substr(8), o.check = true;
    else if (arg == "--catalog")
      o.catalog = true;
    else
      argv[kept++] = argv[i];
  }
  argc = kept;
  return o;
}

// What a run may use here: this machine's memory, and the lab pool's threads.
const lab::Limits& machine_limits() {
  static const lab::Limits limits{
      static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE)),
      lab::shared_pool().size()};
  return limits;
}

// The lab's catalog, with this machine's memory as the limit, and OpenBLAS in
// the same shape as a catalog kernel so the runner can treat both alike.
std::string catalog_with_references() {
  return std::string("{\"lab\":") + lab::catalog_json(machine_limits()) +
         ",\"references\":[{\"name\":\"" + kOpenBlas +
         "\",\"lesson\":\"reference\",\"title\":\"OpenBLAS sgemm, one thread\","
         "\"operation\":\"" +
         lab::kMatmulF32.id + "\",\"student\":false,\"tunables\":[]}]}";
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
  benchmark::RegisterBenchmark(
      name.c_str(),
      [shape, &op, bytes, call, check](benchmark::State& state) {
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
      })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

void register_kernel(const lab::Kernel& kernel, const lab::Shape& shape) {
  register_benchmark(kernel.name, shape, *kernel.op, lab::bytes_moved(kernel, shape),
                     [&kernel](lab::Problem& p, const lab::Shape& s) { return kernel.run(p, s); });
}

lab::KernelStatus openblas_sgemm(lab::Problem& problem, const lab::Shape& s) {
  auto& p = static_cast<lab::MatmulProblem&>(problem);
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s.m, s.n, s.k, 1.0f, p.a(), s.k, p.b(),
              s.n, 0.0f, p.c(), s.n);
  return lab::KernelStatus::done;
}

// OpenBLAS described as a kernel of the f32 matmul, with no block and no
// threads, so that validate() checks its runs as it checks a catalog kernel's.
// It is not in the catalog: the page has no OpenBLAS.
const lab::Kernel& openblas() {
  static const lab::Kernel k{kOpenBlas,
                             "reference",
                             "OpenBLAS sgemm, one thread",
                             {lab::DType::f32, lab::Variant::simd128, lab::Role::expert},
                             "",
                             "",
                             {},
                             &lab::kMatmulF32,
                             {},
                             false,
                             openblas_sgemm};
  return k;
}

// One line of the plan, as the request it stands for.
struct PlannedRun {
  std::string kernel;
  lab::Params params;
};

// A field of a plan line: a number, or "-" for one the run does not give (NaN,
// as the page's binding makes a missing field).
bool parse_field(const std::string& text, double* value) {
  if (text == "-") {
    *value = std::nan("");
    return true;
  }
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0';
}

// The plan's lines in order; false, with a message, for a file that cannot be read.
bool read_plan(const std::string& path, std::vector<PlannedRun>* runs) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "bench_native: cannot read the plan %s\n", path.c_str());
    return false;
  }
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    PlannedRun run;
    std::string m, n, k, block, threads, extra;
    bool ok = static_cast<bool>(fields >> run.kernel >> m >> n >> k >> block >> threads) &&
              !(fields >> extra);
    ok = ok && parse_field(m, &run.params.m) && parse_field(n, &run.params.n) &&
         parse_field(k, &run.params.k) && parse_field(block, &run.params.block) &&
         parse_field(threads, &run.params.threads);
    if (threads == "-") run.params.threads = 1;  // a serial kernel's one thread
    if (!ok) {
      std::fprintf(stderr, "bench_native: the plan %s has a malformed line: %s\n", path.c_str(),
                   line.c_str());
      return false;
    }
    runs->push_back(run);
  }
  return true;
}

// The lab's verdict on one planned run: the very check the page's runs pass.
const lab::Kernel* kernel_of(const PlannedRun& run) {
  return run.kernel == kOpenBlas ? &openblas() : lab::find_kernel(run.kernel);
}

lab::Validation check(const PlannedRun& run) {
  const lab::Kernel* kernel = kernel_of(run);
  if (!kernel)
    return lab::check_request(lab::RunRequest{run.kernel, run.params, {}}, machine_limits());
  return lab::validate(*kernel, run.params, machine_limits());
}

// Prints the verdict on every run of the plan, in order, as a JSON array.
bool check_plan(const std::string& path) {
  std::vector<PlannedRun> runs;
  if (!read_plan(path, &runs)) return false;
  std::string out = "[";
  for (size_t i = 0; i < runs.size(); ++i)
    out += (i ? "," : "") + lab::validation_json(check(runs[i]));
  std::puts((out + "]").c_str());
  return true;
}

// Registers every run of the plan, in its order, at the shape validate()
// returns. run.mjs has checked the plan already (with --check); a line that
// still does not pass is an error, and nothing runs.
bool register_plan(const std::string& path) {
  std::vector<PlannedRun> runs;
  if (!read_plan(path, &runs)) return false;
  for (const PlannedRun& run : runs) {
    const lab::Validation v = check(run);
    if (!v.ok) {
      std::fprintf(stderr, "bench_native: the plan's run of %s is refused: %s\n",
                   run.kernel.c_str(), v.error.c_str());
      return false;
    }
    const lab::Kernel& kernel = *kernel_of(run);
    if (&kernel == &openblas())
      register_benchmark(kOpenBlas, v.shape, lab::kMatmulF32, lab::kMatmulF32.bytes(v.shape),
                         openblas_sgemm);
    else
      register_kernel(kernel, v.shape);
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
    std::fputs(
        "usage: bench_native --plan=FILE [google-benchmark flags], bench_native --check=FILE, "
        "or bench_native --catalog\n",
        stderr);
    return 2;
  }
  if (options.check) return check_plan(options.plan) ? 0 : 2;
  if (!register_plan(options.plan)) return 2;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
