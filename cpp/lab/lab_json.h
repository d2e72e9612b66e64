// The JSON the page reads: the catalog, the limits and one run's result.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/lab_json.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string>

#include "lab/relaxed_kernels.h"
#include "lab/runner.h"

namespace lab {

std::string catalog_json(const Limits& limits);
std::string result_json(const RunResult& result);
std::string validation_json(const Validation& validation);
// {status: "ok", kernel} with the kernel as the catalog lists it, or {status: "invalid", error}.
std::string registration_json(const KernelRegistration& registration);
// {available, reason, kernels}: the relaxed-SIMD tier, as the catalog's relaxed_simd says it.
std::string relaxed_simd_json(const RelaxedSimdStatus& status);
// [{name, slot}]: the relaxed-SIMD modules the worker loads, and where (relaxed_kernels.h).
std::string relaxed_modules_json();

}  // namespace lab
