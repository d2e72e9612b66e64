#include "core/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include "core/source_file.h"

namespace lab {

double binomial_half_cdf(int n, int j) {
  if (j < 0) return 0.0;
  if (j >= n) return 1.0;
  // Sum C(n, i) / 2^n in log space so that large n does not overflow.
  double total = 0.0;
  for (int i = 0; i <= j; ++i) {
    const double log_term =
        std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) - n * std::log(2.0);
    total += std::exp(log_term);
  }
  return std::min(total, 1.0);
}

namespace {

// The interval [x(j), x(n-j+1)] (1-based order statistics) covers the true
// median with probability 1 - 2 P(B <= j - 1), B ~ Binomial(n, 1/2). Pick the
// narrowest such interval that still reaches 95%; with fewer than 6 samples
// none does, so fall back to [min, max] and report its real, lower coverage.
void median_interval(const std::vector<double>& sorted, Summary& s) {
  const int n = static_cast<int>(sorted.size());
  int best_j = 1;
  for (int j = 1; j <= n / 2; ++j) {
    if (1.0 - 2.0 * binomial_half_cdf(n, j - 1) >= 0.95)
      best_j = j;
    else
      break;
  }
  s.ci_low = sorted[best_j - 1];
  s.ci_high = sorted[n - best_j];
  s.ci_level = 1.0 - 2.0 * binomial_half_cdf(n, best_j - 1);
}

}  // namespace

Summary summarize(const std::vector<double>& samples) {
  Summary s;
  if (samples.empty()) return s;
  std::vector<double> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  const int n = static_cast<int>(sorted.size());
  s.count = n;
  s.min = sorted.front();
  s.max = sorted.back();
  s.median = n % 2 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / n;
  if (n > 1) {
    double squares = 0.0;
    for (double x : sorted) squares += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(squares / (n - 1));
  }
  median_interval(sorted, s);
  return s;
}

}  // namespace lab

LAB_SOURCE_DEFINE(stats_cpp)
