// Differential fuzzing of the catalog: each input picks one reference kernel
// (every kernel but the students' stubs), a shape, its block and threads, and
// the values of its inputs, then runs it through lab::run, the same
// validation, runner and check the page uses. It aborts when the kernel
// disagrees with its operation's reference, or when a run the fuzzer asked for
// with a bad parameter is not refused. The sanitizers catch the rest.
//
// Input layout (bytes past the end read as 0, so every input is valid):
//   [0]      kernel, an index into the non-student kernels
//   [1]      mode: below 224 a valid request; otherwise one bad parameter
//   [2..6]   M, N, K (one byte each) and the vector length (two bytes)
//   [7..8]   block, threads
//   [9..16]  salt: mixed into every seed of the problem's random fill
//   [17..]   edits, three bytes each: where (two bytes), and which edge value
//            to put there; a bad request reads one byte here: the bad value
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "core/random_fill.h"
#include "lab/catalog.h"
#include "lab/runner.h"

namespace {

using lab::Kernel;

constexpr int64_t kMaxMatrixSide = 70;
constexpr int64_t kMaxVectorLength = 4096;
constexpr int kMaxThreads = 3;
// Sanitized code runs several times slower: keep one run under a few ms.
constexpr double kMaxFlops = 4e6;
constexpr int kBadModeStart = 224;

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  uint64_t word(int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = v << 8 | byte();
    return v;
  }
  const uint8_t* rest() const { return data_ + pos_; }
  size_t rest_size() const { return size_ - pos_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

const std::vector<const Kernel*>& fuzzed_kernels() {
  static const std::vector<const Kernel*> kernels = [] {
    std::vector<const Kernel*> v;
    for (const Kernel& k : lab::catalog())
      if (!k.student) v.push_back(&k);
    return v;
  }();
  return kernels;
}

// Edge values inside [-1, 1), the range of every uniform fill, and fine for
// the normal fills too: signed zeros, the ends of the range, exact halves
// (ties when quantized against a maximum of 1), and small powers of two. No
// subnormals: products of two would underflow, which the matmul's error bound
// (Higham's gamma_K) assumes away.
constexpr float kEdges[] = {0.0f, -0.0f, -1.0f, 1.0f - 0x1p-24f, 0.5f, -0.5f, 0x1p-12f, -0x1p-12f};

// The edits of the current input, applied by every fill while the problem is built.
struct Edits {
  const uint8_t* data = nullptr;
  size_t size = 0;
};
Edits g_edits;

void apply_edits(float* values, size_t count, bool) {
  if (count == 0) return;
  for (size_t i = 0; i + 3 <= g_edits.size; i += 3) {
    const size_t at = (size_t{g_edits.data[i]} << 8 | g_edits.data[i + 1]) % count;
    values[at] = kEdges[g_edits.data[i + 2] % (sizeof kEdges / sizeof kEdges[0])];
  }
}

// Shrinks the largest side until a run costs at most kMaxFlops.
void fit_budget(const Kernel& kernel, lab::Params& p) {
  auto flops = [&] {
    lab::Shape s{static_cast<int64_t>(p.m), static_cast<int64_t>(p.n), static_cast<int64_t>(p.k)};
    return kernel.op->flops(s);
  };
  while (flops() > kMaxFlops) {
    double* largest = p.m >= p.n && p.m >= p.k ? &p.m : (p.n >= p.k ? &p.n : &p.k);
    *largest = std::max(1.0, std::floor(*largest / 2));
  }
}

[[noreturn]] void fail(const char* what, const lab::RunRequest& request, const lab::RunResult& r) {
  const lab::Params& p = request.params;
  std::fprintf(stderr,
               "fuzz_kernels: %s: kernel %s, m %g n %g k %g block %g threads %g: status %s, "
               "%s%s max_rel_err %g tolerance %g\n",
               what, request.kernel.c_str(), p.m, p.n, p.k, p.block, p.threads,
               lab::status_name(r.status), r.field.c_str(), r.error.c_str(), r.check.max_rel_err,
               r.check.tolerance);
  std::abort();
}

// One bad value for one parameter the kernel reads: the run must be refused.
void run_bad(const Kernel& kernel, lab::RunRequest request, int mode, uint8_t value_byte,
             const lab::Limits& limits) {
  const double bad_values[] = {std::numeric_limits<double>::quiet_NaN(),
                               0.0,
                               -0.0,
                               -1.0,
                               1.5,
                               1e300,
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity()};
  const double bad = bad_values[value_byte % (sizeof bad_values / sizeof bad_values[0])];
  std::vector<double*> fields;
  const bool vector = kernel.op->shape_kind == lab::ShapeKind::vector;
  fields.push_back(&request.params.n);
  if (!vector) {
    fields.push_back(&request.params.m);
    fields.push_back(&request.params.k);
  }
  if (lab::takes(kernel, lab::Tunable::block)) fields.push_back(&request.params.block);
  if (lab::takes(kernel, lab::Tunable::threads)) fields.push_back(&request.params.threads);
  *fields[mode % fields.size()] = bad;
  const lab::RunResult r = lab::run(request, limits, {});
  if (r.status != lab::RunStatus::invalid) fail("a bad parameter was not refused", request, r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in(data, size);
  const std::vector<const Kernel*>& kernels = fuzzed_kernels();
  const Kernel& kernel = *kernels[in.byte() % kernels.size()];
  const int mode = in.byte();

  lab::RunRequest request;
  request.kernel = kernel.name;
  request.timing.single_shot = true;
  lab::Params& p = request.params;
  p.m = 1 + in.byte() % kMaxMatrixSide;
  p.n = 1 + in.byte() % kMaxMatrixSide;
  p.k = 1 + in.byte() % kMaxMatrixSide;
  const double length = 1 + in.word(2) % kMaxVectorLength;
  if (kernel.op->shape_kind == lab::ShapeKind::vector) p.m = p.k = 1, p.n = length;
  fit_budget(kernel, p);
  p.block = 1 + in.byte() % static_cast<int64_t>(std::max({p.m, p.n, p.k}));
  p.threads = 1 + in.byte() % kMaxThreads;
  const uint64_t salt = in.word(8);

  const lab::Limits limits{256.0 * 1024 * 1024, kMaxThreads};
  if (mode >= kBadModeStart) {
    run_bad(kernel, request, mode, in.byte(), limits);
    return 0;
  }

  g_edits = Edits{in.rest(), in.rest_size()};
  lab::set_fill_variation({salt, apply_edits});
  lab::release_cached_problem();  // the problem is rebuilt from this input's values
  const lab::RunResult r = lab::run(request, limits, {});
  lab::release_cached_problem();
  lab::set_fill_variation({});

  // Every request built above is valid: small, whole, within every limit.
  if (r.status == lab::RunStatus::invalid) fail("a valid request was refused", request, r);
  if (r.status != lab::RunStatus::ok || !r.check.passed)
    fail("the kernel disagrees with its reference", request, r);
  return 0;
}
