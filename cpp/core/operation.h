// An operation is one fixed computation (Halide's "algorithm"): its inputs,
// its exact reference result, its FLOP and byte counts and how much memory a
// run needs. The kernels in the catalog are different schedules of it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/params.h"

namespace lab {

// A further measure of a result that the pass/fail check does not use, such
// as how far an int8 result is from the f32 one it approximates.
struct Metric {
  const char* name;  // a JSON key: rel_frobenius_vs_f32
  double value;
};

// The first output element that failed the check, so that a student learns
// where to look, not only by how much.
struct BadElement {
  bool found = false;
  const char* output = "";  // which output: "C", "y", "q", "scale"
  int64_t index = 0;        // its index in that output, row-major
  int64_t row = -1;         // for a matrix output: index = row * columns + column
  int64_t column = -1;
  double expected = 0;
  double actual = 0;
};

struct ErrorReport {
  double max_abs_err = 0;
  double max_rel_err = 0;  // as the operation defines it (see error_model)
  double tolerance = 0;    // max_rel_err must not exceed this to pass
  bool passed = false;
  std::vector<Metric> metrics;
  BadElement first_bad;  // filled by the operations a student writes a kernel for
};

// Inputs, output and reference for one shape. Built once and reused by every
// kernel run at that shape, because the exact reference is slow to compute.
class Problem {
 public:
  virtual ~Problem() = default;
  // Poison the output, so a kernel that writes nothing cannot pass the check.
  virtual void poison_output() = 0;
  virtual ErrorReport check() const = 0;
};

// Which of the sizes an operation uses: M, N and K of a matrix product, or
// only N, the length of a vector (M and K are then 1).
enum class ShapeKind { matrix, vector };

struct Operation {
  const char* id;
  ShapeKind shape_kind;
  const char* computes;          // what it computes, in words
  const char* reference;         // what every kernel's output is checked against
  const char* reference_source;  // the file that computes that reference
  const char* error_model;       // how max_rel_err and its tolerance are defined
  const char* flops_formula;
  const char* bytes_formula;
  double (*flops)(const Shape&);
  // Compulsory memory traffic: every input read once, every output written once.
  double (*bytes)(const Shape&);
  // Memory one run needs: inputs, output, reference and error bounds.
  double (*workspace_bytes)(const Shape&);
  std::unique_ptr<Problem> (*make_problem)(const Shape&);
  // The largest K the operation can compute correctly (0: no limit beyond
  // memory), and why, for the message a larger K gets.
  int64_t max_k = 0;
  const char* max_k_reason = nullptr;
  // The same for N, where N is also summed over (a model's second layer).
  int64_t max_n = 0;
  const char* max_n_reason = nullptr;
};

// The memory traffic one schedule really causes, where it differs from the
// operation's compulsory traffic: an unfused chain writes and rereads its
// temporaries, a fused one does not. Defined once, beside the kernel.
struct Traffic {
  const char* formula;
  double (*bytes)(const Shape&);
};

}  // namespace lab
