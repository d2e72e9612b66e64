// The grouped int8 matmul against an exact reference: integer sums per group
// in int64, scales applied in double. Edge sizes for M, N and K (1, odd, not a
// multiple of the 4 x 8 tile, of 8 or of the group; K smaller than one group;
// several groups and a partial one), several group sizes, 1 to 3 threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/random_fill.h"
#include "kernels/i8_matmul/i8_matmul_grouped.h"

using namespace lab;

namespace {

struct Case {
  int64_t m, n, k;
};

const Case kCases[] = {{1, 1, 1},  {1, 1, 2},    {2, 3, 5},   {3, 5, 7},     {4, 8, 8},
                       {5, 9, 31}, {4, 8, 32},   {7, 17, 33}, {13, 23, 100}, {17, 33, 64},
                       {9, 7, 97}, {1, 40, 129}, {33, 1, 65}, {65, 40, 130}, {8, 16, 3}};

// Integers in [-limit, limit] from a seeded stream.
std::vector<int64_t> random_ints(int64_t count, int64_t limit, uint64_t seed) {
  std::vector<float> u(count);
  fill_uniform(u.data(), u.size(), seed);
  std::vector<int64_t> v(count);
  for (int64_t i = 0; i < count; ++i) v[i] = std::lround(u[i] * limit);
  return v;
}

std::vector<float> random_scales(int64_t count, uint64_t seed) {
  std::vector<float> u(count);
  fill_uniform(u.data(), u.size(), seed);
  for (float& s : u) s = std::ldexp(1.0f + std::fabs(s), static_cast<int>(std::lround(4 * s)));
  return u;
}

// Runs the kernel on A codes in [-255, 255] and B codes in [-127, 127], with
// unit scales or random ones, and compares every element with the reference:
// bit for bit with unit scales (every sum is an integer below 2^24, so f32
// holds it exactly); with scales, within the rounding of `groups` + 2 f32
// operations on the sum of the terms' sizes.
void require_matches(const Case& c, int64_t group, int64_t threads, bool unit_scales) {
  INFO("M=" << c.m << " N=" << c.n << " K=" << c.k << " group=" << group << " threads=" << threads
            << (unit_scales ? " unit scales" : " scaled"));
  const int64_t groups = group_count(c.k, group), lda = c.k + c.k % 2;
  const auto a_values = random_ints(c.m * c.k, 255, 41), b_values = random_ints(c.k * c.n, 127, 42);
  std::vector<int16_t> a(c.m * lda, 0);
  for (int64_t i = 0; i < c.m; ++i)
    for (int64_t p = 0; p < c.k; ++p) a[i * lda + p] = static_cast<int16_t>(a_values[i * c.k + p]);
  std::vector<int8_t> b(b_values.begin(), b_values.end());
  std::vector<float> sa(c.m * groups, 1.0f), sb(groups * c.n, 1.0f);
  if (!unit_scales) {
    sa = random_scales(sa.size(), 43);
    sb = random_scales(sb.size(), 44);
  }
  const I8GroupedB packed = i8_pack_grouped_b(b.data(), sb.data(), c.k, c.n, group);
  std::vector<float> out(c.m * c.n, std::nanf(""));
  i8_matmul_grouped_4x8_wasmsimd(a.data(), lda, sa.data(), packed, out.data(), c.m, threads);

  constexpr double u = 1.0 / (1 << 24);
  for (int64_t i = 0; i < c.m; ++i)
    for (int64_t j = 0; j < c.n; ++j) {
      double expected = 0, size = 0;
      for (int64_t g = 0; g < groups; ++g) {
        int64_t sum = 0;
        for (int64_t p = g * group; p < std::min(c.k, (g + 1) * group); ++p)
          sum += a_values[i * c.k + p] * b_values[p * c.n + j];
        const double term = double{sa[i * groups + g]} * sb[g * c.n + j] * static_cast<double>(sum);
        expected += term;
        size += std::fabs(term);
      }
      INFO("i=" << i << " j=" << j);
      if (unit_scales)
        REQUIRE(out[i * c.n + j] == static_cast<float>(expected));
      else
        REQUIRE(std::fabs(out[i * c.n + j] - expected) <= (groups + 2) * u * size * 1.0001);
    }
}

}  // namespace

TEST_CASE("grouped int8 matmul: exact integer sums per group at edge sizes, 1 to 3 threads") {
  for (const Case& c : kCases)
    for (int64_t group : {2, 8, 32, 64})
      for (int64_t threads : {1, 2, 3}) require_matches(c, group, threads, true);
}

TEST_CASE("grouped int8 matmul: per-group scales within f32's rounding of the exact sum") {
  for (const Case& c : kCases)
    for (int64_t group : {2, 32, 64})
      for (int64_t threads : {1, 2, 3}) require_matches(c, group, threads, false);
}

TEST_CASE("grouped int8 matmul: wrong scales are caught") {
  // The reference must be able to fail: a kernel that used each group's first
  // scale for every group would differ here.
  const Case c{4, 8, 64};
  const int64_t group = 32;
  std::vector<int16_t> a(c.m * c.k, 1);
  std::vector<int8_t> b(c.k * c.n, 1);
  std::vector<float> sa(c.m * 2, 1.0f), sb(2 * c.n, 1.0f);
  for (int64_t i = 0; i < c.m; ++i) sa[i * 2 + 1] = 2.0f;  // the second group counts double
  const I8GroupedB packed = i8_pack_grouped_b(b.data(), sb.data(), c.k, c.n, group);
  std::vector<float> out(c.m * c.n);
  i8_matmul_grouped_4x8_wasmsimd(a.data(), c.k, sa.data(), packed, out.data(), c.m, 2);
  for (float v : out) REQUIRE(v == 32.0f + 64.0f);
}
