// The parameters a student can set for one run. Every field arrives from the
// page as a double so that NaN, fractions and huge values reach C++ intact and
// are rejected here, in one place, rather than silently truncated by a binding.
#pragma once

#include <cstdint>

namespace lab {

struct Params {
  double m = 0;        // rows of A and C
  double n = 0;        // columns of B and C
  double k = 0;        // columns of A, rows of B (the reduction length)
  double block = 0;    // tile edge for blocked kernels; ignored by others
  double threads = 1;  // threads for parallel kernels; ignored by others
  // Run a block larger than the matrix at the matrix's largest side instead of
  // refusing it: for callers that use one block at every N (the ladder, the
  // threads sweep). Any other bad block is still refused.
  bool cap_block = false;
};

// The same sizes after validation: whole, positive and small enough to fit.
struct Shape {
  int64_t m = 0;
  int64_t n = 0;
  int64_t k = 0;
  int64_t block = 0;
  int64_t threads = 1;
};

// Parameters beyond the problem's own dimensions that a kernel may take.
enum class Tunable { block, threads };

inline const char* tunable_name(Tunable t) {
  switch (t) {
    case Tunable::block: return "block";
    case Tunable::threads: return "threads";
  }
  return "";
}

}  // namespace lab
