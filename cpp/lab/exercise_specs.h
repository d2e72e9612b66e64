// What each exercise asks of the student beyond a right answer: its goal, the
// hints the page reveals one at a time, and the performance bar its kernel
// must clear, measured against a reference kernel in the same run on the
// student's own machine. The page, the grader and the tests read these; none
// of them writes a goal, a hint or a bar of its own.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/exercise_specs.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string_view>
#include <vector>

#include "core/params.h"

namespace lab {

// The student's kernel passes when its rate (GFLOP/s, or GB/s for a vector
// operation) is at least `ratio` times the reference's, both timed at `shape`
// in the same run, interleaved. A shape with threads = 0 runs on every
// thread the lab's pool has.
struct PerformanceBar {
  const char* reference;  // a catalog kernel of the same operation
  double ratio;
  Shape shape;
  const char* why;  // how the ratio was chosen: measured where, with what margin
};

struct ExerciseSpec {
  const char* kernel;              // the exercise stub's catalog name
  const char* goal;                // what a finished kernel does, in one or two sentences
  std::vector<const char*> hints;  // two or three, each more concrete than the last
  PerformanceBar bar;
  // The point is SIMD: the hot loop the compiler produced must hold v128 instructions.
  bool needs_simd;
};

const std::vector<ExerciseSpec>& exercise_specs();
// nullptr when that kernel is not an exercise with a spec.
const ExerciseSpec* exercise_spec(std::string_view kernel);

}  // namespace lab
