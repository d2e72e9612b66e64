// `npm run check [-- <exercise>]`: your exercise kernels against the exact reference, at the
// same shapes the reference kernels pass. Each test fails while its stub
// still returns not_implemented. Each is tagged with its lesson and its
// file's name, so tests/cpp/exercises/check.sh can run one alone.
#include "check_cases.h"
#include "matmul_cases.h"
#include "quantize_cases.h"
#include "relu_cases.h"

using namespace lab;

static const Kernel& student_kernel(const char* name) {
  const Kernel* k = find_kernel(name);
  REQUIRE(k != nullptr);
  REQUIRE(k->student);
  return *k;
}

TEST_CASE("Exercise (Loops lesson): your loop-order matmul", "[loops][f32_matmul_student_loops]") {
  testing::require_matmul_kernel_correct(student_kernel("f32_matmul_student_loops"));
}

TEST_CASE("Exercise (Blocking lesson): your blocked matmul",
          "[blocking][f32_matmul_student_blocked]") {
  testing::require_matmul_kernel_correct(student_kernel("f32_matmul_student_blocked"));
}

TEST_CASE("Exercise (Vectorization lesson): your SIMD ReLU",
          "[vectorization][f32_relu_student_wasmsimd]") {
  testing::require_relu_kernel_correct(student_kernel("f32_relu_student_wasmsimd"));
}

TEST_CASE("Exercise (Quantization lesson): your int8 quantize",
          "[quantization][f32_quantize_i8_student]") {
  testing::require_quantize_kernel_correct(student_kernel("f32_quantize_i8_student"));
}

TEST_CASE("Exercise (Threads lesson): your split of the rows",
          "[threads][f32_matmul_student_threads]") {
  testing::require_correct_at_check_shapes(student_kernel("f32_matmul_student_threads"));
}

TEST_CASE("Exercise (Quantization lesson): your int8 matmul", "[quantization][i8_matmul_student]") {
  testing::require_correct_at_check_shapes(student_kernel("i8_matmul_student"));
}

TEST_CASE("Exercise (Precision lesson): your bf16 rounding",
          "[precision][f32_round_bf16_student]") {
  testing::require_correct_at_check_shapes(student_kernel("f32_round_bf16_student"));
}

TEST_CASE("Exercise (Vectorization lesson): your 4x8 SIMD128 micro-kernel",
          "[vectorization][f32_matmul_student_4x8]") {
  testing::require_matmul_kernel_correct(student_kernel("f32_matmul_student_4x8"));
}

TEST_CASE("Exercise (Fusion lesson): your fused GELU", "[fusion][f32_gelu_student]") {
  const Kernel& kernel = student_kernel("f32_gelu_student");
  for (const Shape& shape : check_shapes(kernel)) testing::require_correct_at(kernel, shape);
}

TEST_CASE("Exercise (Capstone lesson): your layer, GELU(A x B + bias)",
          "[capstone][f32_matmul_bias_gelu_student]") {
  testing::require_matmul_kernel_correct(student_kernel("f32_matmul_bias_gelu_student"));
}
