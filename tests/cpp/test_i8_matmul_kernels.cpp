#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/random_fill.h"
#include "kernels/i8_matmul/i8_matmul.h"
#include "kernels/i8_matmul/i8_matmul_problem.h"
#include "lab/demo.h"
#include "lab/runner.h"
#include "lab/validate.h"
#include "matmul_cases.h"

using namespace lab;

namespace {

// Codes in [-127, 127] from a seeded stream.
std::vector<int8_t> random_codes(int64_t count, uint64_t seed) {
  std::vector<float> u(count);
  fill_uniform(u.data(), u.size(), seed);
  std::vector<int8_t> q(count);
  for (int64_t i = 0; i < count; ++i) q[i] = static_cast<int8_t>(std::lround(u[i] * 127));
  return q;
}

std::vector<int64_t> int_product(const std::vector<int8_t>& a, const std::vector<int8_t>& b,
                                 int64_t m, int64_t n, int64_t k) {
  std::vector<int64_t> c(m * n, 0);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += int64_t{a[i * k + p]} * b[p * n + j];
  return c;
}

// With every scale 1 the epilogue is exact (sums stay below 2^24 here), so the
// kernel must reproduce the integer product bit for bit.
void require_exact(const Shape& s, int64_t block, int64_t threads, bool simd) {
  INFO("M=" << s.m << " N=" << s.n << " K=" << s.k << " block=" << block << " threads=" << threads
            << (simd ? " SIMD" : " scalar"));
  const auto a = random_codes(s.m * s.k, 31), b = random_codes(s.k * s.n, 32);
  const std::vector<float> ones_m(s.m, 1.0f), ones_n(s.n, 1.0f);
  std::vector<float> c(s.m * s.n, std::nanf(""));
  if (simd)
    i8_matmul_4x8_wasmsimd(a.data(), ones_m.data(), b.data(), ones_n.data(), c.data(), s.m, s.n,
                           s.k, block, threads);
  else
    i8_matmul_scalar(a.data(), ones_m.data(), b.data(), ones_n.data(), c.data(), s.m, s.n, s.k);
  const auto expected = int_product(a, b, s.m, s.n, s.k);
  for (size_t i = 0; i < c.size(); ++i) {
    INFO("element " << i);
    REQUIRE(c[i] == static_cast<float>(expected[i]));
  }
}

std::vector<Shape> edge_shapes() {
  std::vector<Shape> shapes;
  for (int64_t n = 1; n <= 17; ++n) shapes.push_back({n, n, n, 0});
  for (int64_t n : {31, 33, 65}) shapes.push_back({n, n, n, 0});
  for (const Shape& s : non_square_check_shapes()) shapes.push_back(s);
  return shapes;
}

}  // namespace

TEST_CASE("the int8 matmuls equal the integer product exactly with unit scales") {
  for (const Shape& s : edge_shapes()) {
    require_exact(s, 0, 1, false);
    for (int64_t block : check_blocks(s))
      for (int64_t threads : {1, 2, 3}) require_exact(s, block, threads, true);
  }
}

TEST_CASE("every int8 matmul kernel passes its check, dequantized, at edge shapes") {
  for (const Kernel& kernel : catalog()) {
    if (kernel.student || kernel.op != &kMatmulI8) continue;
    DYNAMIC_SECTION(kernel.name) { testing::require_matmul_kernel_correct(kernel); }
  }
}

TEST_CASE("int8 at N = 256 is within 1% of the f32 product of standard-normal inputs") {
  const Kernel* kernel = find_kernel("i8_matmul_4x8_wasmsimd");
  REQUIRE(kernel);
  KernelStatus status;
  const ErrorReport report = run_once_and_check(*kernel, Shape{256, 256, 256, 64, 1}, &status);
  REQUIRE(report.passed);
  CHECK(report.max_rel_err <= i8_matmul_tolerance());
  REQUIRE(report.metrics.size() == 2);
  CHECK(std::string(report.metrics[1].name) == "rel_frobenius_vs_f32");
  CHECK(report.metrics[1].value > 0);  // quantization does lose something
  CHECK(report.metrics[1].value <= 0.01);
  CHECK(std::string(report.metrics[0].name) == "max_abs_err_vs_f32");
  CHECK(report.metrics[0].value > 0);
}

TEST_CASE("the int8 check rejects wrong output") {
  I8MatmulProblem problem(Shape{9, 11, 13, 0});
  problem.poison_output();
  CHECK_FALSE(problem.check().passed);
  i8_matmul_scalar(problem.a(), problem.scale_a(), problem.b(), problem.scale_b(), problem.c(), 9,
                   11, 13);
  REQUIRE(problem.check().passed);
  problem.c()[40] = problem.c()[40] * 1.00001f + 1e-3f;
  CHECK_FALSE(problem.check().passed);
}

TEST_CASE("K is limited to what int32 sums can hold") {
  CHECK(kI8MatmulMaxK == 133144);
  CHECK(kI8MatmulMaxK * 127 * 127 <= 2147483647LL);
  CHECK((kI8MatmulMaxK + 1) * 127 * 127 > 2147483647LL);
  const Kernel* kernel = find_kernel("i8_matmul_4x8_wasmsimd");
  REQUIRE(kernel->op->max_k == kI8MatmulMaxK);
  const Limits limits{512.0 * 1024 * 1024, 2};
  CHECK(validate(*kernel, Params{1, 1, 133144, 1, 1}, limits).ok);
  const Validation refused = validate(*kernel, Params{1, 1, 133145, 1, 1}, limits);
  CHECK_FALSE(refused.ok);
  CHECK(refused.field == "k");
  CHECK(refused.error.find("K = 133,145 is too large: the most is K = 133,144") !=
        std::string::npos);
  CHECK(refused.error.find("2147483647") != std::string::npos);
}

TEST_CASE("the worst case at the largest K does not overflow") {
  const int64_t m = 3, n = 9, k = kI8MatmulMaxK;
  for (int8_t sign : {int8_t{1}, int8_t{-1}}) {
    const std::vector<int8_t> a(m * k, 127), b(k * n, static_cast<int8_t>(127 * sign));
    const std::vector<float> ones_m(m, 1.0f), ones_n(n, 1.0f);
    std::vector<float> c(m * n), c_scalar(m * n);
    i8_matmul_4x8_wasmsimd(a.data(), ones_m.data(), b.data(), ones_n.data(), c.data(), m, n, k, 256,
                           2);
    i8_matmul_scalar(a.data(), ones_m.data(), b.data(), ones_n.data(), c_scalar.data(), m, n, k);
    const float expected = static_cast<float>(sign * int64_t{2147479576});
    for (int64_t i = 0; i < m * n; ++i) {
      CHECK(c[i] == expected);
      CHECK(c_scalar[i] == expected);
    }
  }
}

TEST_CASE("the bit-width demo validates its arguments") {
  auto demo = [](double rows, double cols) {
    return demo_json(
        "quantization_bit_sweep",
        [&](const char* name) { return std::string(name) == "rows" ? rows : cols; }, Limits{});
  };
  CHECK(demo(std::nan(""), 8).find("\"status\":\"invalid\"") != std::string::npos);
  CHECK(demo(64, 0).find("\"field\":\"cols\"") != std::string::npos);
  CHECK(demo(1e9, 8).find("\"field\":\"rows\"") != std::string::npos);
  CHECK(demo(2.5, 8).find("whole number") != std::string::npos);
  CHECK(demo(16, 32).find("\"status\":\"ok\"") != std::string::npos);
}

namespace {

// The numbers of the array after "scheme":{..."key":[ in a demo's JSON.
std::vector<double> json_array(const std::string& json, const std::string& scheme,
                               const std::string& key) {
  const size_t at = json.find("\"" + key + "\":[", json.find("\"" + scheme + "\":"));
  REQUIRE(at != std::string::npos);
  std::vector<double> values;
  const char* p = json.c_str() + json.find('[', at) + 1;
  while (*p != ']') {
    char* end;
    values.push_back(std::strtod(p, &end));
    p = *end == ',' ? end + 1 : end;
  }
  return values;
}

}  // namespace

TEST_CASE("the bit-width demo's errors grow as bits shrink, and per row beats per tensor") {
  const std::string json = demo_json(
      "quantization_bit_sweep",
      [](const char* name) { return std::string(name) == "rows" ? 64.0 : 128.0; }, Limits{});
  CHECK(json.find("\"bits\":[8,6,4,2]") != std::string::npos);
  for (const char* scheme : {"per_tensor", "per_row"})
    for (const char* key : {"max_abs_err", "rel_frobenius"}) {
      INFO(scheme << " " << key << " in " << json);
      const auto v = json_array(json, scheme, key);
      REQUIRE(v.size() == 4);
      for (size_t i = 1; i < v.size(); ++i) CHECK(v[i] > v[i - 1]);
    }
  const auto tensor = json_array(json, "per_tensor", "rel_frobenius");
  const auto row = json_array(json, "per_row", "rel_frobenius");
  for (size_t i = 0; i < tensor.size(); ++i) CHECK(row[i] < tensor[i]);
}
