#include "lab/capstone_profile_demo.h"

#include <cstdint>
#include <string>

#include "lab/runner.h"
#include "model/capstone_problems.h"
#include "model/capstone_profile.h"

namespace lab::model {

namespace {

Shape shape_of(const std::vector<double>& args) {
  return Shape{static_cast<int64_t>(args[2]), static_cast<int64_t>(args[3]),
               static_cast<int64_t>(args[4]), 0, static_cast<int64_t>(args[5])};
}

}  // namespace

DemoRefusal capstone_profile_refusal(const std::vector<double>& args) {
  const std::string error =
      capstone_profile_memory_error(capstone_model_op(static_cast<int>(args[0])), shape_of(args));
  if (!error.empty()) return {"m", error};
  return {};
}

void capstone_profile(const std::vector<double>& args, JsonWriter& out) {
  const Operation& op = capstone_model_op(static_cast<int>(args[0]));
  const auto kind = static_cast<BackendKind>(static_cast<int>(args[1]));
  const Shape shape = shape_of(args);
  auto& problem = static_cast<ModelProblem&>(cached_problem(op, shape));
  capstone_profile_forwards(problem, op, kind, shape, static_cast<int>(args[6]), out);
}

}  // namespace lab::model
