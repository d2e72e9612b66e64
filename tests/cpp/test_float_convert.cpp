// The f16 and bf16 conversions: exhaustive round trips over all 65536 bit
// patterns, and f32 -> 16 bits against a reference that finds the nearest
// representable value by search, with ties broken toward the even pattern.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "kernels/convert/bf16_convert.h"
#include "kernels/convert/f16_convert.h"
#include "kernels/convert/float_bits.h"

using namespace lab;

namespace {

// A 16-bit format, described independently of the code under test: the value
// of a pattern is computed in double from the IEEE formula.
struct Format16 {
  const char* name;
  int mantissa_bits;
  int bias;
  uint16_t (*round)(float);
  float (*widen)(uint16_t);

  int exponent_bits() const { return 15 - mantissa_bits; }
  uint16_t inf() const {
    return static_cast<uint16_t>(((1u << exponent_bits()) - 1) << mantissa_bits);
  }
  bool is_nan(uint16_t h) const { return (h & 0x7FFFu) > inf(); }

  // The value of a finite non-negative pattern; inf()'s pattern gets the value
  // the next finite one would have, so rounding to it means overflow.
  double value(uint16_t h) const {
    const int e = h >> mantissa_bits;
    const int m = h & ((1 << mantissa_bits) - 1);
    if (e == 0) return std::ldexp(m, 1 - bias - mantissa_bits);
    return std::ldexp(m + (1 << mantissa_bits), e - bias - mantissa_bits);
  }
};

const Format16 kF16{"f16", 10, 15, f32_to_f16, f16_to_f32};
const Format16 kBf16{"bf16", 7, 127, f32_to_bf16, bf16_to_f32};

// Rounds by search: the two representable neighbours of |x|, the nearer one,
// and on a tie the one whose pattern is even.
uint16_t reference_round(const Format16& format, float x) {
  static std::vector<double> values[2];
  std::vector<double>& table = values[&format == &kBf16];
  if (table.empty())
    for (uint32_t h = 0; h <= format.inf(); ++h)
      table.push_back(format.value(static_cast<uint16_t>(h)));
  const uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  const double a = std::fabs(static_cast<double>(x));
  if (a >= table.back()) return sign | format.inf();
  const auto above = std::upper_bound(table.begin(), table.end(), a);
  const uint16_t hi = static_cast<uint16_t>(above - table.begin());
  const uint16_t lo = hi - 1;
  const double below_gap = a - table[lo], above_gap = table[hi] - a;
  if (below_gap < above_gap) return sign | lo;
  if (above_gap < below_gap) return sign | hi;
  return sign | ((lo & 1) ? hi : lo);
}

void require_rounds_like_reference(const Format16& format, float x) {
  INFO(format.name << " of " << x << " (bits 0x" << std::hex << f32_bits(x) << ")");
  REQUIRE(format.round(x) == reference_round(format, x));
}

}  // namespace

TEST_CASE("every f16 and bf16 pattern survives the round trip through f32") {
  for (const Format16* format : {&kF16, &kBf16}) {
    for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
      const uint16_t h = static_cast<uint16_t>(bits);
      const float wide = format->widen(h);
      INFO(format->name << " pattern 0x" << std::hex << bits);
      if (format->is_nan(h)) {
        REQUIRE(std::isnan(wide));
        REQUIRE(format->is_nan(format->round(wide)));
        REQUIRE(std::signbit(wide) == bool(h & 0x8000));
        continue;
      }
      REQUIRE(format->round(wide) == h);
      // Widening is exact: the f32 equals the pattern's value by the formula.
      const double expected = format->value(h & 0x7FFF) * ((h & 0x8000) ? -1 : 1);
      if ((h & 0x7FFF) == format->inf())
        REQUIRE(std::isinf(wide));
      else
        REQUIRE(static_cast<double>(wide) == expected);
    }
  }
}

TEST_CASE("f32 -> f16 and bf16 match the search reference on random f32 values") {
  std::mt19937 rng(20261121);
  std::uniform_int_distribution<uint32_t> any_bits;
  // Uniform over the f16 range's exponents, where f16 rounds most interestingly.
  std::uniform_real_distribution<float> exponent(-27.0f, 17.0f);
  for (int i = 0; i < 300000; ++i) {
    float x = f32_from_bits(any_bits(rng));
    if (std::isnan(x)) continue;
    require_rounds_like_reference(kF16, x);
    require_rounds_like_reference(kBf16, x);
    x = std::exp2(exponent(rng)) * ((i & 1) ? -1.0f : 1.0f);
    require_rounds_like_reference(kF16, x);
    require_rounds_like_reference(kBf16, x);
  }
}

TEST_CASE("f32 -> f16 at the edges: ties, the largest value, subnormals, specials") {
  const float tiny = std::ldexp(1.0f, -24);  // the smallest f16 subnormal
  struct Case {
    float x;
    uint16_t expected;
  };
  const std::vector<Case> cases = {
      {1.0f, 0x3C00},
      {1.0f + std::ldexp(1.0f, -11), 0x3C00},                          // tie, 1 is even
      {1.0f + 3 * std::ldexp(1.0f, -11), 0x3C02},                      // tie, up to even
      {1.0f + std::ldexp(1.0f, -11) + std::ldexp(1.0f, -23), 0x3C01},  // just above a tie
      {65504.0f, 0x7BFF},                                              // largest finite
      {65519.99f, 0x7BFF},
      {65520.0f, 0x7C00},  // tie with 2^16: inf
      {-65520.0f, 0xFC00},
      {1e6f, 0x7C00},
      {std::ldexp(1.0f, -14), 0x0400},  // smallest normal
      {tiny, 0x0001},                   // smallest subnormal
      {tiny / 2, 0x0000},               // tie with 0: even
      {-tiny / 2, 0x8000},
      {std::nextafter(tiny / 2, 1.0f), 0x0001},  // just above half
      {1.5f * tiny, 0x0002},                     // subnormal tie, up to even
      {2.5f * tiny, 0x0002},                     // subnormal tie, down to even
      {1023.5f * tiny, 0x0400},                  // max subnormal + half: carries to min normal
      {1023.25f * tiny, 0x03FF},
      {std::ldexp(1.0f, -30), 0x0000},
      {std::numeric_limits<float>::denorm_min(), 0x0000},
      {0.0f, 0x0000},
      {-0.0f, 0x8000},
      {std::numeric_limits<float>::infinity(), 0x7C00},
      {-std::numeric_limits<float>::infinity(), 0xFC00},
  };
  for (const Case& c : cases) {
    INFO(c.x);
    CHECK(f32_to_f16(c.x) == c.expected);
    require_rounds_like_reference(kF16, c.x);
  }
  const uint16_t nan = f32_to_f16(std::numeric_limits<float>::quiet_NaN());
  CHECK(kF16.is_nan(nan));
  CHECK((nan & 0x0200) != 0);  // quiet
  // A NaN whose payload is only in the low bits f16 drops stays a NaN, sign kept.
  const uint16_t low_payload = f32_to_f16(f32_from_bits(0xFF800001u));
  CHECK(kF16.is_nan(low_payload));
  CHECK((low_payload & 0x8000) != 0);
  CHECK(f16_to_f32(0x7E00) != f16_to_f32(0x7E00));
}

TEST_CASE("f32 -> bf16 at the edges: ties, overflow, subnormals, specials") {
  const float max = std::numeric_limits<float>::max();
  struct Case {
    float x;
    uint16_t expected;
  };
  const std::vector<Case> cases = {
      {1.0f, 0x3F80},
      {f32_from_bits(0x3F808000u), 0x3F80},  // tie, 1 is even
      {f32_from_bits(0x3F818000u), 0x3F82},  // tie, up to even
      {f32_from_bits(0x3F808001u), 0x3F81},  // just above a tie
      {f32_from_bits(0x3F807FFFu), 0x3F80},  // just below a tie
      {f32_from_bits(0x7F7F0000u), 0x7F7F},  // largest finite bf16
      {f32_from_bits(0x7F7F7FFFu), 0x7F7F},
      {f32_from_bits(0x7F7F8000u), 0x7F80},  // tie with 2^128: inf
      {max, 0x7F80},
      {-max, 0xFF80},
      {std::numeric_limits<float>::min(), 0x0080},  // smallest normal
      {f32_from_bits(0x00000001u), 0x0000},         // f32's smallest subnormal
      {f32_from_bits(0x00008000u), 0x0000},         // tie with 0: even
      {f32_from_bits(0x00018000u), 0x0002},         // subnormal tie, up to even
      {f32_from_bits(0x007FFFFFu), 0x0080},         // max subnormal carries to min normal
      {0.0f, 0x0000},
      {-0.0f, 0x8000},
      {std::numeric_limits<float>::infinity(), 0x7F80},
      {-std::numeric_limits<float>::infinity(), 0xFF80},
  };
  for (const Case& c : cases) {
    INFO(c.x);
    CHECK(f32_to_bf16(c.x) == c.expected);
    require_rounds_like_reference(kBf16, c.x);
  }
  const uint16_t nan = f32_to_bf16(std::numeric_limits<float>::quiet_NaN());
  CHECK(kBf16.is_nan(nan));
  // 0x7F80FFFF would round up into the next pattern; 0x7F800001 would truncate to inf.
  for (uint32_t bits : {0x7F80FFFFu, 0x7F800001u, 0xFFFFFFFFu}) {
    INFO(std::hex << bits);
    const uint16_t h = f32_to_bf16(f32_from_bits(bits));
    CHECK(kBf16.is_nan(h));
    CHECK(bool(h & 0x8000) == bool(bits & 0x80000000u));
  }
}
