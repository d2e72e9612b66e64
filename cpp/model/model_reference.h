// A model's reference output, computed in double, and the size of the terms
// each output element sums: the norm the check measures errors against.
#pragma once

#include <vector>

namespace lab::model {

struct Reference {
  std::vector<double> y;
  // The Frobenius norm of the last layer's |inputs| x |weights| + |bias|: the
  // sum each output element would be if no term cancelled another (as the
  // matmul's check uses |A| |B|). An error measured against it stays
  // meaningful however much an output's terms cancel.
  double term_norm = 0;
};

}  // namespace lab::model
