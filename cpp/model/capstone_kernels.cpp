// Each entry runs the same forward pass; only the backend differs. The
// backends themselves are in naive_backend.cpp, optimized_backend.cpp and
// int8_backend.cpp.
#include "model/capstone_kernels.h"
#include "core/source_file.h"

namespace lab::model {

void ffn_block_naive(FfnProblem& p, int64_t threads) { p.forward(BackendKind::naive, threads); }
void ffn_block_optimized(FfnProblem& p, int64_t threads) {
  p.forward(BackendKind::optimized, threads);
}
void ffn_block_int8(FfnProblem& p, int64_t threads) { p.forward(BackendKind::int8, threads); }

void conv2d_im2col_naive(ConvProblem& p, int64_t threads) {
  p.forward(BackendKind::naive, threads);
}
void conv2d_im2col_optimized(ConvProblem& p, int64_t threads) {
  p.forward(BackendKind::optimized, threads);
}
void conv2d_im2col_int8(ConvProblem& p, int64_t threads) { p.forward(BackendKind::int8, threads); }

}  // namespace lab::model

LAB_SOURCE_DEFINE(capstone_kernels_cpp)
