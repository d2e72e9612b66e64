// The capstone's profile: where the time of one forward pass goes. The timed
// kernels of the catalog time whole forward passes; this demo runs a few more
// with the model's StepClock on and reports each step's median.
#pragma once

#include <vector>

#include "lab/demo.h"
#include "core/json_writer.h"

namespace lab::model {

// args: model (0 FFN block, 1 conv2d), backend (0 naive, 1 optimized, 2 int8),
// m, n, k (the catalog's shape of that model), threads, forwards. Writes the
// model's operation id, the backend (and for int8, its group along K,
// int8_group), the per-step medians (steps: [{name,
// median_s, min_s, max_s}]), the median forward pass, and the output's
// relative Frobenius error against the reference.
void capstone_profile(const std::vector<double>& args, JsonWriter& out);

// Refuses sizes the model cannot compute or that would need too much memory.
DemoRefusal capstone_profile_refusal(const std::vector<double>& args);

}  // namespace lab::model
