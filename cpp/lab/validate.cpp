#include "lab/validate.h"

#include <algorithm>
#include <cmath>

#include "lab/number_text.h"

namespace lab {

namespace {

// Far above anything that fits in memory, and small enough that products of
// three sizes stay exact in a double and in int64.
constexpr double kMaxDimension = 1 << 20;
constexpr double kMaxLength = 1LL << 40;
constexpr double kMinTime_s = 0.001;
constexpr double kMaxTime_s = 60.0;

Validation fail(std::string field, std::string error) {
  Validation v;
  v.field = std::move(field);
  v.error = std::move(error);
  return v;
}

// Checks one size; empty string when it is fine.
std::string check_whole(const char* label, double value, double max) {
  if (std::isnan(value)) return std::string(label) + " must be a number.";
  if (value < 1)
    return std::string(label) + " must be at least 1 (got " + number_text(value) + ").";
  if (!std::isfinite(value) || value > max)
    return std::string(label) + " = " + number_text(value) +
           " is too large; the most it can be is " + number_text(max) + ".";
  if (value != std::floor(value))
    return std::string(label) + " must be a whole number (got " + number_text(value) + ").";
  return "";
}

Shape sized(const Operation& op, int64_t n) {
  return op.shape_kind == ShapeKind::vector ? Shape{1, n, 1, 1} : Shape{n, n, n, 1};
}

// The sizes an operation uses: M, N and K for a matrix product, N for a vector.
// A matrix request with only N (M and K absent, so NaN) is the square N x N x N
// problem: callers need not build M and K from N.
Validation validate_dimensions(const Operation& op, const Params& p) {
  if (op.shape_kind == ShapeKind::vector) {
    const std::string error = check_whole("Length N", p.n, kMaxLength);
    if (!error.empty()) return fail("n", error);
    Validation v;
    v.ok = true;
    v.shape = Shape{1, static_cast<int64_t>(p.n), 1, 0};
    return v;
  }
  const bool only_n = std::isnan(p.m) && std::isnan(p.k);
  const double m = only_n ? p.n : p.m;
  const double k = only_n ? p.n : p.k;
  // A square problem (the page's usual case) is reported as N, the name the student typed.
  const bool square = only_n || (p.m == p.n && p.n == p.k);
  const struct {
    const char* field;
    const char* label;
    double value;
  } dims[] = {{"m", square ? "N" : "M", m}, {"n", "N", p.n}, {"k", square ? "N" : "K", k}};
  for (const auto& d : dims) {
    const std::string error = check_whole(d.label, d.value, kMaxDimension);
    if (!error.empty()) return fail(square ? "n" : d.field, error);
  }
  Validation v;
  v.ok = true;
  v.shape = Shape{static_cast<int64_t>(m), static_cast<int64_t>(p.n), static_cast<int64_t>(k), 0};
  return v;
}

Validation validate_threads(double threads, const Limits& limits) {
  if (limits.max_threads <= 1 && threads > 1 && std::isfinite(threads))
    return fail("threads", "This build of the lab is single-threaded, so threads must be 1 (got " +
                               number_text(threads) + ").");
  const std::string error = check_whole("Threads", threads, limits.max_threads);
  if (!error.empty()) return fail("threads", error);
  Validation v;
  v.ok = true;
  return v;
}

}  // namespace

int64_t max_size(const Operation& op, const Limits& limits) {
  int64_t lo = 0;
  int64_t hi =
      static_cast<int64_t>(op.shape_kind == ShapeKind::vector ? kMaxLength : kMaxDimension);
  while (lo < hi) {
    const int64_t mid = (lo + hi + 1) / 2;
    if (op.workspace_bytes(sized(op, mid)) <= limits.memory_bytes)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

Validation validate(const Kernel& kernel, const Params& p, const Limits& limits) {
  const Validation dimensions = validate_dimensions(*kernel.op, p);
  if (!dimensions.ok) return dimensions;
  Shape shape = dimensions.shape;
  const bool vector = kernel.op->shape_kind == ShapeKind::vector;
  // The field the page shows the message beside: N, unless M, N and K differ.
  const bool square = shape.m == shape.n && shape.n == shape.k;
  const char* size_field = vector || square ? "n" : "m";

  if (kernel.op->max_k > 0 && shape.k > kernel.op->max_k)
    return fail(square ? "n" : "k",
                "K = " + number_text(shape.k) + " is too large: the most is K = " +
                    number_text(kernel.op->max_k) + ", because " + kernel.op->max_k_reason + ".");

  if (kernel.op->max_n > 0 && shape.n > kernel.op->max_n)
    return fail("n", "N = " + number_text(shape.n) +
                         " is too large: the most is N = " + number_text(kernel.op->max_n) +
                         ", because " + kernel.op->max_n_reason + ".");

  const double needed = kernel.op->workspace_bytes(shape);
  if (needed > limits.memory_bytes)
    return fail(size_field, "This size needs " + mib_text(needed) +
                                " MiB, but a run may use only " + mib_text(limits.memory_bytes) +
                                " MiB here. The largest " + (vector ? "length" : "square size") +
                                " that fits is N = " + number_text(max_size(*kernel.op, limits)) +
                                ".");

  if (takes(kernel, Tunable::block)) {
    const double largest = static_cast<double>(std::max({shape.m, shape.n, shape.k}));
    const bool too_large = !std::isnan(p.block) && p.block > largest && std::isfinite(p.block);
    if (too_large && p.cap_block) {
      shape.block = static_cast<int64_t>(largest);
    } else if (too_large) {
      return fail("block", "Block size " + number_text(p.block) + " is larger than the matrix (" +
                               number_text(largest) + "); choose at most " + number_text(largest) +
                               ".");
    } else {
      const std::string error = check_whole("Block size", p.block, largest);
      if (!error.empty()) return fail("block", error);
      shape.block = static_cast<int64_t>(p.block);
    }
  }

  if (takes(kernel, Tunable::threads)) {
    const Validation threads = validate_threads(p.threads, limits);
    if (!threads.ok) return threads;
    shape.threads = static_cast<int64_t>(p.threads);
  }

  Validation v;
  v.ok = true;
  v.shape = shape;
  return v;
}

Validation validate_timing(const TimingOptions& t) {
  if (!(t.min_time_s >= kMinTime_s && t.min_time_s <= kMaxTime_s))
    return fail("min_time", "Minimum time must be between " + number_text(kMinTime_s) + " and " +
                                number_text(kMaxTime_s) + " seconds (got " +
                                number_text(t.min_time_s) + ").");
  Validation v;
  v.ok = true;
  return v;
}

}  // namespace lab
