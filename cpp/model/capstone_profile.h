// The capstone's profile: where the time of one forward pass goes. The timed
// kernels of the catalog time whole forward passes; the profile runs a few more
// with the model's StepClock on and reports each step's median. This is the
// computation; the demo that the page calls (lab/demo.cpp)
// reads its arguments and finds the runner's cached problem.
#pragma once

#include "core/json_writer.h"
#include "core/source_file.h"
#include "model/capstone_problems.h"

namespace lab::model {

// Runs `forwards` passes of the model on one backend, on problem (built at
// shape, which the catalog kernel of that model and backend has validated:
// lab/demo.cpp checks the demo's sizes with that kernel's validate() and
// hands over the runner's cached problem). Writes the model's operation id, the
// backend (and for int8, its group along K, int8_group), the threads, the
// per-step medians (steps: [{name, median_s, min_s, max_s}]), the median
// forward pass, and the output's relative Frobenius error against the reference.
void capstone_profile(ModelProblem& problem, const Operation& op, BackendKind kind,
                      const Shape& shape, int forwards, JsonWriter& out);

}  // namespace lab::model

LAB_SOURCE_DECLARE(capstone_profile_cpp)
