// Summary statistics of timing samples. Timing noise is skewed (an interrupt or
// another program only ever makes a run slower, while a clock that boosts or
// throttles can move it either way), so the centre we report is the median, and its confidence
// interval comes from order statistics, which assume nothing about the shape of the noise.
#pragma once

#include <vector>
#include "core/source_file.h"

namespace lab {

struct Summary {
  int count = 0;
  double median = 0;
  double mean = 0;
  double stddev = 0;  // sample standard deviation (n - 1); 0 for one sample
  double min = 0;
  double max = 0;
  double ci_low = 0;  // confidence interval of the median
  double ci_high = 0;
  double ci_level = 0;  // its exact coverage: >= 0.95 once count >= 6
};

// Sorts a copy of the samples. An empty input gives a zero Summary.
Summary summarize(const std::vector<double>& samples);

// Probability that a Binomial(n, 1/2) variable is at most j.
double binomial_half_cdf(int n, int j);

}  // namespace lab

LAB_SOURCE_DECLARE(stats_cpp)
