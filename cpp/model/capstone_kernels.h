// The capstone's catalog entries: one forward pass of a model on one backend.
// The model is written once (ffn_block.cpp, conv2d_im2col.cpp); these name
// each model and backend pair, as the catalog's kernels.
#pragma once

#include <cstdint>

#include "core/source_file.h"
#include "model/capstone_problems.h"

namespace lab::model {

void ffn_block_naive(FfnProblem& problem, int64_t threads);
void ffn_block_optimized(FfnProblem& problem, int64_t threads);
void ffn_block_int8(FfnProblem& problem, int64_t threads);

void conv2d_im2col_naive(ConvProblem& problem, int64_t threads);
void conv2d_im2col_optimized(ConvProblem& problem, int64_t threads);
void conv2d_im2col_int8(ConvProblem& problem, int64_t threads);

}  // namespace lab::model

LAB_SOURCE_DECLARE(capstone_kernels_cpp)
