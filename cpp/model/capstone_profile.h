// The capstone's profile: where the time of one forward pass goes. The timed
// kernels of the catalog time whole forward passes; the profile runs a few more
// with the model's StepClock on and reports each step's median. This is the
// computation; the demo that the page calls (lab/capstone_profile_demo.h)
// reads its arguments and finds the runner's cached problem.
#pragma once

#include <string>

#include "core/json_writer.h"
#include "core/operation.h"
#include "core/params.h"
#include "model/backend.h"
#include "model/capstone_problems.h"

namespace lab::model {

// The model's operation: 0 the FFN block, 1 the conv2d.
const Operation& capstone_model_op(int model);

// Why the profile refuses these sizes (more memory than a profile may use), or
// an empty string when it runs them.
std::string capstone_profile_memory_error(const Operation& op, const Shape& shape);

// Runs `forwards` forward passes of `problem` (of `op`, at `shape`) on one
// backend with shape.threads threads. Writes the model's operation id, the
// backend (and for int8, its group along K, int8_group), the per-step medians
// (steps: [{name, median_s, min_s, max_s}]), the median forward pass, and the
// output's relative Frobenius error against the reference.
void capstone_profile_forwards(ModelProblem& problem, const Operation& op, BackendKind kind,
                               const Shape& shape, int forwards, JsonWriter& out);

}  // namespace lab::model
