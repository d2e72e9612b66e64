#include <cmath>
#include <limits>
#include <vector>

#include "core/random_fill.h"
#include "kernels/quantize/f32_quantize_i8.h"
#include "kernels/quantize/quantize_problems.h"
#include "kernels/quantize/symmetric_quantize.h"
#include "quantize_cases.h"

using namespace lab;

TEST_CASE("every reference quantize kernel is correct at edge lengths and edge values") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kQuantizeF32I8) continue;
    DYNAMIC_SECTION(kernel.name) { testing::require_quantize_kernel_correct(kernel); }
  }
}

TEST_CASE("the scalar and SIMD quantizers round the same products the same way") {
  for (int64_t n : {1, 15, 16, 17, 1000}) {
    std::vector<float> x(n);
    fill_normal(x.data(), x.size(), 7);
    std::vector<int8_t> q1(n), q2(n);
    float s1 = 0, s2 = 0;
    f32_quantize_i8_scalar(x.data(), q1.data(), &s1, n);
    f32_quantize_i8_wasmsimd(x.data(), q2.data(), &s2, n);
    CHECK(s1 == s2);
    CHECK(q1 == q2);
  }
}

TEST_CASE("a zero vector gets scale 1 and codes 0") {
  std::vector<float> x(19, 0.0f);
  std::vector<int8_t> q(19, 5);
  float scale = 0;
  f32_quantize_i8_wasmsimd(x.data(), q.data(), &scale, 19);
  CHECK(scale == 1.0f);
  CHECK(q == std::vector<int8_t>(19, 0));
}

TEST_CASE("ties round to even, and the largest magnitude lands on -127 when negative") {
  const std::vector<float> x = {127.0f, 0.5f, 1.5f, 2.5f, -0.5f, -2.5f, -127.0f};
  std::vector<int8_t> q(x.size());
  float scale = 0;
  f32_quantize_i8_wasmsimd(x.data(), q.data(), &scale, x.size());
  CHECK(scale == 1.0f);
  CHECK(q == std::vector<int8_t>{127, 0, 2, 2, 0, -2, -127});
}

TEST_CASE("one definition serves a tensor, its rows, its columns and narrower widths") {
  const int64_t rows = 3, cols = 5;
  std::vector<float> x(rows * cols);
  fill_normal(x.data(), x.size(), 8);
  std::vector<int8_t> q(x.size());
  SECTION("a column at a stride is the same as the column copied out") {
    float strided = 0, copied = 0;
    quantize_symmetric(&x[2], rows, cols, 8, &q[2], &strided);
    std::vector<float> column = {x[2], x[7], x[12]};
    std::vector<int8_t> qc(3);
    quantize_symmetric(column.data(), 3, 1, 8, qc.data(), &copied);
    CHECK(strided == copied);
    CHECK(std::vector<int8_t>{q[2], q[7], q[12]} == qc);
  }
  SECTION("4 bits: codes in [-7, 7], the largest on 7") {
    float scale = 0;
    quantize_symmetric(x.data(), x.size(), 1, 4, q.data(), &scale);
    int largest = 0;
    for (int8_t v : q) {
      CHECK(std::abs(v) <= 7);
      largest = std::max(largest, std::abs(static_cast<int>(v)));
    }
    CHECK(largest == 7);
    CHECK(qmax_for_bits(4) == 7);
    CHECK(qmax_for_bits(6) == 31);
    CHECK(qmax_for_bits(8) == 127);
  }
}

TEST_CASE("the quantize check rejects wrong outputs and accepts other honest roundings") {
  std::vector<float> x(100);
  fill_normal(x.data(), x.size(), 9);
  std::vector<int8_t> q(x.size());
  float scale = 0;
  f32_quantize_i8_scalar(x.data(), q.data(), &scale, x.size());
  REQUIRE(check_quantized_i8(x.data(), x.size(), q.data(), scale).passed);

  SECTION("dividing by the scale and rounding ties away from zero passes") {
    for (size_t i = 0; i < x.size(); ++i) q[i] = static_cast<int8_t>(std::round(x[i] / scale));
    CHECK(check_quantized_i8(x.data(), x.size(), q.data(), scale).passed);
  }
  SECTION("truncating instead of rounding fails") {
    for (size_t i = 0; i < x.size(); ++i) q[i] = static_cast<int8_t>(std::trunc(x[i] / scale));
    CHECK_FALSE(check_quantized_i8(x.data(), x.size(), q.data(), scale).passed);
  }
  SECTION("one code off by one fails") {
    q[37] += q[37] < 127 ? 1 : -1;
    CHECK_FALSE(check_quantized_i8(x.data(), x.size(), q.data(), scale).passed);
  }
  SECTION("a code of -128, outside the symmetric range, fails") {
    const std::vector<float> y = {-1.0f, 0.5f};
    const std::vector<int8_t> unclamped = {-128, 64};
    CHECK_FALSE(check_quantized_i8(y.data(), 2, unclamped.data(), 1.0f / 127).passed);
  }
  SECTION("a scale of max|x| / 128 fails, even with codes rounded for it") {
    const float wrong = scale * 127 / 128;
    for (size_t i = 0; i < x.size(); ++i)
      q[i] = static_cast<int8_t>(std::clamp(std::nearbyint(x[i] / wrong), -127.0f, 127.0f));
    CHECK_FALSE(check_quantized_i8(x.data(), x.size(), q.data(), wrong).passed);
  }
  SECTION("a NaN scale fails") {
    CHECK_FALSE(check_quantized_i8(x.data(), x.size(), q.data(), std::nanf("")).passed);
  }
  SECTION("a zero vector with scale 0 fails") {
    const std::vector<float> zeros(4, 0.0f);
    const std::vector<int8_t> codes(4, 0);
    CHECK_FALSE(check_quantized_i8(zeros.data(), 4, codes.data(), 0.0f).passed);
  }
}

TEST_CASE("dequantize is exactly q times the scale at every length") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.op != &kDequantizeI8F32) continue;
    for (int64_t n : vector_check_lengths()) {
      INFO(kernel.name << " at N=" << n);
      KernelStatus status;
      CHECK(run_once_and_check(kernel, Shape{1, n, 1, 0}, &status).passed);
    }
  }
  DequantizeProblem problem(Shape{1, 33, 1, 0});
  problem.poison_output();
  CHECK_FALSE(problem.check().passed);
}
