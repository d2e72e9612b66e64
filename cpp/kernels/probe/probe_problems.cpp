#include "kernels/probe/probe_problems.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/axpy/axpy_problem.h"

namespace lab {

namespace {
constexpr uint64_t kSeed = 21;
}  // namespace

double mul_add_after(float x, int64_t steps) {
  return std::min(x + static_cast<double>(steps) * kMulAddC, kMulAddSaturation);
}

MulAddProblem::MulAddProblem(const Shape& s) : n_(s.n), x_(kMulAddLanes), y_(kMulAddLanes) {
  fill_uniform(x_.data(), x_.size(), kSeed);
  // [-1, 1) to [1, 2), rounded down to a multiple of c (exact: these are small integers times c).
  for (float& v : x_) v = 1 + std::floor((v + 1) / 2 / kMulAddC) * kMulAddC;
}

void MulAddProblem::poison_output() {
  std::fill(y_.begin(), y_.end(), std::numeric_limits<float>::quiet_NaN());
}

ErrorReport MulAddProblem::check() const {
  ErrorReport report;
  report.tolerance = 0;
  const int64_t steps = n_ / kMulAddLanes, extra = n_ % kMulAddLanes;
  for (int64_t i = 0; i < kMulAddLanes; ++i) {
    const double expected = mul_add_after(x_[i], steps + (i < extra));
    const double err = std::fabs(y_[i] - expected);
    if (!(err == err)) {  // NaN: a lane the kernel never wrote
      report.max_abs_err = report.max_rel_err = std::numeric_limits<double>::infinity();
      return report;
    }
    report.max_abs_err = std::max(report.max_abs_err, err);
    report.max_rel_err = std::max(report.max_rel_err, err / expected);
  }
  report.passed = report.max_rel_err == 0;
  return report;
}

namespace {

double mul_add_flops(const Shape& s) { return 2.0 * s.n; }
double mul_add_bytes(const Shape&) { return 8.0 * kMulAddLanes; }
double mul_add_workspace(const Shape&) { return 8.0 * kMulAddLanes; }
std::unique_ptr<Problem> make_mul_add(const Shape& s) { return std::make_unique<MulAddProblem>(s); }

double triad_flops(const Shape& s) { return 2.0 * s.n; }
double triad_bytes(const Shape& s) { return 12.0 * s.n; }
// The triad is the axpy problem (z = a x + y is a = b + s c by other names).
std::unique_ptr<Problem> make_triad(const Shape& s) { return std::make_unique<F32AxpyProblem>(s); }

}  // namespace

const Operation kMulAddF32{
    "f32_mul_add",
    ShapeKind::vector,
    "N updates x <- x * m + c (m = 1, c = 2^-16) spread over 12480 f32 lanes that start at "
    "multiples of c in [1, 2): each lane takes N / 12480 steps, the first N mod 12480 lanes one "
    "more",
    "the closed form min(x + t c, 256) for a lane that starts at x and takes t steps: every step "
    "is exact until 256, where adding c rounds back to 256 (a tie, to even)",
    LAB_THIS_FILE,
    "exact: every lane must equal the closed form bit for bit (tolerance 0); max_rel_err is "
    "max over lanes of |y - expected| / expected",
    "2 N (a multiply and an add per update)",
    "8 x 12480 (each lane's start read once and its result written once; the updates themselves "
    "stay in registers)",
    mul_add_flops,
    mul_add_bytes,
    mul_add_workspace,
    make_mul_add,
};

const Operation kTriadF32{
    "f32_triad",
    ShapeKind::vector,
    "the STREAM triad a = b + s c over f32 vectors of N elements (s = 0.3)",
    "b + s c computed in double from the same f32 inputs",
    source::axpy_problem_cpp,
    "one rounding after the multiply and one after the add: max_rel_err is max over a of "
    "|a - (b + s c)| / (|s c| + |b|), and must stay within gamma_2 = 2u / (1 - 2u), u = 2^-24",
    "2 N (a multiply and an add per element)",
    "12 N (read b and c, write a: 4 bytes each). Like every byte count in the lab it leaves out "
    "the write-allocate read a cache makes of each line of a before writing it, so the memory "
    "bus may carry 16 N and the true bandwidth be up to a third above the reported one",
    triad_flops,
    triad_bytes,
    triad_bytes,
    make_triad,
};

}  // namespace lab
