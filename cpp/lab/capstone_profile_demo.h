// The capstone_profile demo (lab/demo.cpp lists it): the profile of
// model/capstone_profile.h, run on the runner's cached problem.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error "lab/capstone_profile_demo.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <vector>

#include "core/json_writer.h"
#include "lab/demo.h"

namespace lab::model {

// args: model (0 FFN block, 1 conv2d), backend (0 naive, 1 optimized, 2 int8),
// m, n, k (the catalog's shape of that model), threads, forwards. Writes what
// capstone_profile_forwards writes.
void capstone_profile(const std::vector<double>& args, JsonWriter& out);

// Refuses sizes the model cannot compute or that would need too much memory.
DemoRefusal capstone_profile_refusal(const std::vector<double>& args);

}  // namespace lab::model
