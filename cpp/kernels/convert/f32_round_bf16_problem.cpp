#include "kernels/convert/f32_round_bf16_problem.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/random_fill.h"
#include "core/source_file.h"
#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/float_bits.h"

namespace lab {

namespace {

// The values a rounding gets wrong first, at the start of x so that even the
// shortest check lengths meet them, in this order.
constexpr uint32_t kEdgeBits[] = {
    0x3F808001u,  // 1 + 2^-8 + 2^-23: just above a half, rounds up (truncation does not)
    0x3F808000u,  // a tie whose upper half is even: stays
    0x3F818000u,  // a tie whose upper half is odd: rounds up to even
    0x3F807FFFu,  // just below a half: rounds down
    0xBF818000u,  // a negative odd tie: rounds away from zero, to even
    0x3FFFFFFFu,  // rounds up into the next exponent: 2
    0x7F7FFFFFu,  // the largest float rounds up to infinity
    0x7F800000u,  // infinity
    0xFF800000u,  // minus infinity
    0x7F800001u,  // a NaN whose payload is only in the low half: must stay NaN
    0xFFC00000u,  // a quiet NaN
    0x00000001u,  // the smallest denormal: rounds to zero
    0x00018000u,  // a denormal odd tie: rounds up
    0x00008000u,  // a denormal even tie: rounds to zero
    0x807FFFFFu,  // the largest negative denormal: rounds up into the normals
    0x80000000u,  // minus zero
};
constexpr size_t kEdges = std::size(kEdgeBits);

bool is_nan_bf16(uint16_t h) { return (h & 0x7FFFu) > 0x7F80u; }

}  // namespace

// After the edge values, uniform values scaled through every exponent, from
// the denormals to the largest floats, with all of their mantissa bits.
RoundBf16Problem::RoundBf16Problem(const Shape& shape) : x_(shape.n), y_(shape.n) {
  fill_uniform(x_.data(), x_.size(), 11);
  for (size_t i = 0; i < x_.size(); ++i)
    x_[i] = i < kEdges ? f32_from_bits(kEdgeBits[i])
                       : std::ldexp(x_[i], static_cast<int>(i * 37 % 269) - 140);
}

// All ones: a NaN's pattern no input rounds to, so an element the kernel
// never wrote cannot pass for a NaN input's result either.
void RoundBf16Problem::poison_output() { std::fill(y_.begin(), y_.end(), uint16_t{0xFFFFu}); }

// Exact: every bit of y must be f32_to_bf16's, except that a NaN may become
// any NaN. max_rel_err counts the elements that differ.
ErrorReport RoundBf16Problem::check() const {
  ErrorReport report;
  report.tolerance = 0;
  double wrong = 0;
  for (size_t i = 0; i < x_.size(); ++i) {
    const uint16_t expected = f32_to_bf16(x_[i]);
    const bool right =
        y_[i] != 0xFFFFu && (y_[i] == expected || (std::isnan(x_[i]) && is_nan_bf16(y_[i])));
    if (right) continue;
    ++wrong;
    if (!report.first_bad.found)
      report.first_bad = {true,
                          "y",
                          static_cast<int64_t>(i),
                          -1,
                          -1,
                          static_cast<double>(expected),
                          static_cast<double>(y_[i])};
  }
  report.max_abs_err = report.max_rel_err = wrong;
  report.passed = wrong == 0;
  return report;
}

namespace {

double flops(const Shape& s) { return static_cast<double>(s.n); }
double bytes(const Shape& s) { return 6.0 * s.n; }
double workspace(const Shape& s) { return 6.0 * s.n; }
std::unique_ptr<Problem> make(const Shape& s) { return std::make_unique<RoundBf16Problem>(s); }

}  // namespace

const Operation kRoundBf16{
    "f32_round_bf16",
    ShapeKind::vector,
    "y = bf16(x) for each of the N elements of an f32 vector: rounded to nearest, ties to "
    "even, NaN kept NaN",
    "f32_to_bf16 on each element, bit for bit",
    LAB_THIS_FILE,
    "every bf16 pattern must equal f32_to_bf16's exactly (a NaN input may give any NaN): "
    "tolerance 0; max_abs_err and max_rel_err count the elements that differ, and the first "
    "bad element shows the expected and actual bf16 bit patterns as integers",
    "N (one rounding per element)",
    "6 N (read 4-byte x once, write 2-byte y once)",
    flops,
    bytes,
    workspace,
    make,
};

}  // namespace lab
