#include <catch2/catch.hpp>

#include "core/stats.h"

using lab::summarize;

TEST_CASE("summary of an odd number of samples") {
  const auto s = summarize({5, 1, 4, 2, 3});
  CHECK(s.count == 5);
  CHECK(s.median == 3);
  CHECK(s.mean == 3);
  CHECK(s.min == 1);
  CHECK(s.max == 5);
  CHECK(s.stddev == Approx(1.5811388).epsilon(1e-6));
}

TEST_CASE("median of an even number of samples averages the middle two") {
  CHECK(summarize({4, 1, 3, 2}).median == 2.5);
}

TEST_CASE("one sample has no spread") {
  const auto s = summarize({0.25});
  CHECK(s.median == 0.25);
  CHECK(s.stddev == 0);
  CHECK(s.ci_low == 0.25);
  CHECK(s.ci_high == 0.25);
}

TEST_CASE("no samples give an empty summary") { CHECK(summarize({}).count == 0); }

TEST_CASE("binomial(n, 1/2) cdf") {
  CHECK(lab::binomial_half_cdf(1, 0) == Approx(0.5));
  CHECK(lab::binomial_half_cdf(6, 0) == Approx(1.0 / 64));
  CHECK(lab::binomial_half_cdf(10, 1) == Approx(11.0 / 1024));
  CHECK(lab::binomial_half_cdf(10, 10) == 1.0);
  CHECK(lab::binomial_half_cdf(10, -1) == 0.0);
}

TEST_CASE("the median's confidence interval from order statistics") {
  SECTION("fewer than 6 samples cannot reach 95%: [min, max] with its true coverage") {
    const auto s = summarize({3, 1, 2, 5, 4});
    CHECK(s.ci_low == 1);
    CHECK(s.ci_high == 5);
    CHECK(s.ci_level == Approx(1 - 2.0 / 32));
  }
  SECTION("6 samples: [min, max] covers 1 - 2/64") {
    const auto s = summarize({6, 1, 5, 2, 4, 3});
    CHECK(s.ci_low == 1);
    CHECK(s.ci_high == 6);
    CHECK(s.ci_level == Approx(1 - 2.0 / 64));
  }
  SECTION("10 samples: [x(2), x(9)] covers 1 - 2*11/1024") {
    const auto s = summarize({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
    CHECK(s.ci_low == 2);
    CHECK(s.ci_high == 9);
    CHECK(s.ci_level == Approx(1 - 2 * 11.0 / 1024));
  }
  SECTION("100 samples: the interval narrows around the median and keeps 95%") {
    std::vector<double> samples;
    for (int i = 1; i <= 100; ++i) samples.push_back(i);
    const auto s = summarize(samples);
    CHECK(s.ci_level >= 0.95);
    CHECK(s.ci_low == 40);
    CHECK(s.ci_high == 61);
  }
  SECTION("one huge outlier moves the mean, not the median") {
    const auto s = summarize({1, 1, 1, 1, 1, 1, 1, 1, 1, 1000});
    CHECK(s.median == 1);
    CHECK(s.mean > 100);
    CHECK(s.ci_high == 1);
  }
}
