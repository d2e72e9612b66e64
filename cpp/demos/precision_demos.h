// The precision lesson's demos (registered in lab/demo.cpp). Each writes its
// result's fields into an open JSON object; its args are already validated.
#pragma once

#include <vector>

#include "core/json_writer.h"
#include "core/source_file.h"

namespace lab {

// args: x. x as f32, f16 and bf16: bits, fields, errors, what the rounding did.
void precision_round(const std::vector<double>& args, JsonWriter& out);

// No args. Range and precision of each format, read from its bit patterns.
void precision_formats(const std::vector<double>& args, JsonWriter& out);

// args: scale_log2. Gradient magnitudes in fp16, unscaled and scaled by 2^s.
void fp16_underflow(const std::vector<double>& args, JsonWriter& out);

// args: steps, scale_log2, growth_interval. A tiny fit with fp16 gradients and
// dynamic loss scaling, beside the same fit without scaling.
void loss_scaling(const std::vector<double>& args, JsonWriter& out);

}  // namespace lab

LAB_SOURCE_DECLARE(precision_round_cpp)
LAB_SOURCE_DECLARE(precision_formats_cpp)
LAB_SOURCE_DECLARE(fp16_underflow_cpp)
LAB_SOURCE_DECLARE(loss_scaling_cpp)
