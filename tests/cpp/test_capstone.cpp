// The capstone's model on its three backends: every backend against the
// reference in double on edge shapes and thread counts, im2col against a
// direct convolution, the asymmetric quantizer, the profile demo, and the
// validation of sizes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/random_fill.h"
#include "kernels/i8_matmul/i8_matmul_grouped.h"
#include "lab/catalog.h"
#include "lab/demo.h"
#include "lab/validate.h"
#include "model/asymmetric_quantize.h"
#include "model/capstone_problems.h"

using namespace lab;
using namespace lab::model;

namespace {

// What the profile demo may use: its sizes go through the same validate() as a
// timed run of the kernel it profiles, with these limits.
const Limits kProfileLimits{256.0 * 1024 * 1024, 4};

constexpr BackendKind kBackends[] = {BackendKind::naive, BackendKind::optimized, BackendKind::int8};

// Each backend's bound: for the f32 backends, f32 rounding against the
// reference's term norm (sums of up to a few thousand products); for int8,
// the check's, its error against its own exact computation as a fraction of
// what f32's rounding allows.
void require_within_bound(ModelProblem& p, BackendKind kind, int64_t threads) {
  INFO(backend_name(kind) << " threads=" << threads);
  p.poison_output();
  p.forward(kind, threads);
  const ErrorReport r = p.check();
  INFO("max_rel_err=" << r.max_rel_err);
  REQUIRE(r.passed);
  REQUIRE(r.metrics.size() == 2);
  if (kind == BackendKind::int8) {
    REQUIRE(r.tolerance == 1);
    REQUIRE(r.max_rel_err <= 1);
    return;
  }
  REQUIRE(r.max_rel_err <= 1e-6);
  // The output difference relative to the output itself: never below the
  // error against the term norm, which is at least as large as the output.
  REQUIRE(r.metrics[1].value >= r.max_rel_err);
}

// The element of largest size: a change of 1e-5 of itself is far above f32's
// rounding of its sum there, wherever the sum's terms cancel.
float* largest(std::vector<float>& v) {
  return &*std::max_element(v.begin(), v.end(),
                            [](float a, float b) { return std::fabs(a) < std::fabs(b); });
}

// The largest error of y against the int8 reference, as a fraction of what
// f32's rounding allows each element.
double conv_int8_fraction(const std::vector<float>& y, const Int8Expected& expected) {
  Int8Error e;
  e.add_all(y.data(), expected.y.data(), expected.allowed.data(), y.size());
  return e.max_fraction;
}

}  // namespace

TEST_CASE("FFN block: every backend within its bound on edge shapes and 1, 2, 3 threads") {
  // M = batch, N = d_ff, K = d_model: batch 1, odd sizes, sizes that are not
  // multiples of the GEMMs' 4 x 8 tiles, of the SIMD width or of the block.
  // The browser test's shapes too (tests/browser/wasm-kernels.test.mjs).
  const Shape shapes[] = {{1, 1, 1},    {1, 2048, 512},  {3, 5, 7},      {5, 33, 17},
                          {13, 9, 31},  {4, 8, 16},      {17, 130, 129}, {64, 256, 64},
                          {2, 2, 2},    {7, 7, 7},       {16, 16, 16},   {63, 63, 63},
                          {65, 65, 65}, {100, 100, 100}, {1, 7, 3},      {7, 1, 3},
                          {3, 7, 1},    {17, 33, 2},     {64, 3, 65},    {100, 257, 7}};
  for (const Shape& s : shapes) {
    INFO("M=" << s.m << " N=" << s.n << " K=" << s.k);
    FfnProblem p(ffn_sizes(s));
    for (BackendKind kind : kBackends)
      for (int64_t threads : {1, 2, 3}) require_within_bound(p, kind, threads);
  }
}

TEST_CASE("FFN block at the default size: int8 within 1% of the reference, per-row scales not") {
  // The capstone's target: int8's output within 1% (relative Frobenius) of
  // the block in double. The same backend with one scale per row (a group as
  // wide as the row) misses it, so this test can fail.
  const FfnSizes sizes = ffn_sizes(Shape{64, 2048, 512});
  FfnProblem p(sizes);
  p.forward(BackendKind::int8, 2);
  const ErrorReport r = p.check();
  CHECK(r.passed);
  const double output_error = r.metrics[1].value;
  INFO("rel_frobenius_vs_f32=" << output_error);
  CHECK(output_error <= 0.01);
  CHECK(output_error >= 1e-3);  // it really is quantizing

  const FfnWeights weights(sizes);
  const std::vector<float> x = ffn_input(sizes);
  const Reference reference = ffn_reference(weights, x.data());
  FfnBlock per_row(weights, Int8Backend(sizes.d_ff));  // one group spans all of K, in both layers
  std::vector<float> y(sizes.batch * sizes.d_model);
  StepClock off;
  per_row.forward(x.data(), y.data(), 2, off);
  double diff = 0, norm = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    diff += (y[i] - reference.y[i]) * (y[i] - reference.y[i]);
    norm += reference.y[i] * reference.y[i];
  }
  INFO("per-row rel_frobenius_vs_f32=" << std::sqrt(diff / norm));
  CHECK(std::sqrt(diff / norm) > 0.01);
}

TEST_CASE("conv2d: the catalog's 3x3 layer within each backend's bound") {
  const Shape shapes[] = {{1, 1, 1},    {5, 3, 2}, {8, 16, 8}, {9, 7, 5}, {2, 2, 2},   {7, 7, 7},
                          {17, 17, 17}, {1, 7, 3}, {7, 1, 3},  {3, 7, 1}, {17, 33, 2}, {64, 3, 65}};
  for (const Shape& s : shapes) {
    INFO("side=" << s.m << " c_out=" << s.n << " c_in=" << s.k);
    ConvProblem p(conv_sizes(s));
    for (BackendKind kind : kBackends)
      for (int64_t threads : {1, 2, 3}) require_within_bound(p, kind, threads);
  }
}

TEST_CASE("int8 check: tiny models pass whatever the random values, though quantizing costs 1%+") {
  // The fuzzer's find (tests/fuzz/corpus holds it): a 3 x 3 patch of eight
  // zeros and one pixel, whose tap is small beside the largest in its group.
  // Held to 1% against the f32 model, a correct int8 backend failed; held to
  // its own exact computation, it passes every seed.
  struct RestoreFill {
    ~RestoreFill() { set_fill_variation({}); }
  } restore;  // even when a REQUIRE ends the test early
  double worst_vs_f32 = 0;
  for (uint64_t salt = 0; salt < 300; ++salt) {
    INFO("salt=" << salt);
    set_fill_variation({salt, nullptr});
    for (const Shape& s : {Shape{1, 1, 1}, Shape{1, 2, 1}, Shape{2, 1, 3}}) {
      ConvProblem conv(conv_sizes(s));
      require_within_bound(conv, BackendKind::int8, 2);
      worst_vs_f32 = std::max(worst_vs_f32, conv.check().metrics[1].value);
      FfnProblem ffn(ffn_sizes(s));
      require_within_bound(ffn, BackendKind::int8, 2);
    }
  }
  CHECK(worst_vs_f32 > kModelTolerance);
}

TEST_CASE("int8 check: a wrong group, or one value off by 1e-5 of itself, fails it") {
  SECTION("conv2d") {
    const ConvSizes s = conv_sizes(Shape{6, 9, 7});  // 63 values per patch: two groups of 32
    const ConvWeights weights(s);
    const std::vector<float> x = conv_input(s);
    const Int8Expected expected = conv2d_int8_reference(weights, x.data());
    std::vector<float> y(s.out_pixels() * s.c_out);
    StepClock off;
    Conv2dLayer(weights, int8_backend()).forward(x.data(), y.data(), 2, off);
    CHECK(conv_int8_fraction(y, expected) <= 1);
    std::vector<float> off_by_one = y;
    *largest(off_by_one) *= 1 + 1e-5f;
    CHECK(conv_int8_fraction(off_by_one, expected) > 1);
    Conv2dLayer(weights, Int8Backend(64)).forward(x.data(), y.data(), 2, off);
    CHECK(conv_int8_fraction(y, expected) > 1);
  }
  SECTION("FFN block") {
    const FfnSizes s = ffn_sizes(Shape{5, 70, 40});  // both layers span several groups
    const FfnWeights weights(s);
    const std::vector<float> x = ffn_input(s);
    const FfnInt8Reference reference(weights, x.data());
    std::vector<float> y(s.batch * s.d_model);
    StepClock off;
    FfnBlock block(weights, int8_backend());
    block.forward(x.data(), y.data(), 2, off);
    CHECK(reference.error(block.hidden(), y.data()).max_fraction <= 1);
    std::vector<float> off_by_one = y;
    *largest(off_by_one) *= 1 + 1e-5f;
    CHECK(reference.error(block.hidden(), off_by_one.data()).max_fraction > 1);
    std::vector<float> hidden(block.hidden(), block.hidden() + s.batch * s.d_ff);
    *largest(hidden) *= 1 + 1e-5f;
    CHECK(reference.error(hidden.data(), y.data()).max_fraction > 1);
    FfnBlock wide(weights, Int8Backend(64));
    wide.forward(x.data(), y.data(), 2, off);
    CHECK(reference.error(wide.hidden(), y.data()).max_fraction > 1);
  }
}

TEST_CASE("im2col + GEMM equals a direct convolution: strides, padding, 1x1, odd sizes") {
  const ConvSizes cases[] = {
      {5, 5, 1, 1, 3, 1, 1},   {7, 4, 3, 5, 3, 1, 1}, {9, 9, 2, 3, 3, 2, 1},
      {8, 6, 4, 2, 3, 2, 0},   {6, 5, 3, 7, 1, 1, 0}, {5, 7, 2, 3, 1, 2, 0},
      {11, 10, 3, 4, 5, 3, 2}, {3, 3, 2, 2, 3, 1, 2}, {1, 1, 1, 1, 1, 1, 0},
  };
  for (const ConvSizes& s : cases) {
    INFO("h=" << s.height << " w=" << s.width << " c_in=" << s.c_in << " c_out=" << s.c_out
              << " kernel=" << s.kernel << " stride=" << s.stride << " pad=" << s.pad);
    const ConvWeights weights(s);
    const std::vector<float> x = conv_input(s);
    const std::vector<double> direct = conv2d_direct(weights, x.data()).y;
    // The im2col matrix times the filters in double: equal to the direct
    // convolution up to double rounding, so every index of im2col is right.
    std::vector<float> cols(s.out_pixels() * s.patch(), std::nanf(""));
    im2col(x.data(), s, cols.data());
    for (int64_t i = 0; i < s.out_pixels(); ++i)
      for (int64_t o = 0; o < s.c_out; ++o) {
        double sum = weights.bias[o];
        for (int64_t p = 0; p < s.patch(); ++p)
          sum += static_cast<double>(cols[i * s.patch() + p]) * weights.w[p * s.c_out + o];
        REQUIRE(sum == Approx(direct[i * s.c_out + o]).margin(1e-12));
      }
    // And the layer on the f32 backends, against the same direct convolution.
    for (BackendKind kind : {BackendKind::naive, BackendKind::optimized}) {
      Conv2dLayer layer(weights, backend(kind));
      std::vector<float> y(s.out_pixels() * s.c_out, std::nanf(""));
      StepClock off;
      layer.forward(x.data(), y.data(), 2, off);
      for (size_t i = 0; i < y.size(); ++i) REQUIRE(y[i] == Approx(direct[i]).margin(1e-5));
    }
  }
}

TEST_CASE("asymmetric quantization: 256 codes, zero exact, within half a step, per group") {
  for (int64_t n : {1, 3, 7, 15, 16, 17, 33, 100, 2048}) {
    for (int kind = 0; kind < 3; ++kind) {
      INFO("n=" << n << " kind=" << kind);
      std::vector<float> x(n);
      fill_normal(x.data(), x.size(), 7 + n);
      if (kind == 1)  // GELU-like: mostly positive, a small negative floor
        for (float& v : x) v = v > 0 ? 3 * v : -0.17f * std::fabs(v) / 4;
      if (kind == 2) x.assign(n, 0.0f);
      for (int64_t group : {2, 8, 32, 4096}) {
        INFO("group=" << group);
        std::vector<int16_t> q(n + 1, 99);
        std::vector<float> scales(group_count(n, group), -1.0f);
        f32_quantize_asymmetric_groups_wasmsimd(x.data(), q.data(), scales.data(), n, group);
        if (n % 2) REQUIRE(q[n] == 0);  // the pad of the last pair
        for (int64_t g = 0; g * group < n; ++g) {
          const float scale = scales[g];
          REQUIRE(scale > 0);
          int lo = 1000, hi = -1000;
          for (int64_t i = g * group; i < std::min(n, (g + 1) * group); ++i) {
            lo = std::min<int>(lo, q[i]);
            hi = std::max<int>(hi, q[i]);
            const double back = scale * static_cast<double>(q[i]);
            REQUIRE(std::fabs(back - x[i]) <= 0.5001 * scale);
            if (x[i] == 0) REQUIRE(q[i] == 0);
          }
          // q - zero: 8 bits' worth, 256 consecutive codes at most.
          REQUIRE(hi - lo <= 255);
          REQUIRE(lo >= -255);
          REQUIRE(hi <= 255);
        }
      }
    }
  }
}

TEST_CASE("capstone profile demo: the steps of each backend, their times, bad input refused") {
  const auto run = [](std::map<std::string, double> args) {
    return demo_json(
        "capstone_profile",
        [&](const char* name) {
          const auto it = args.find(name);
          return it == args.end() ? std::nan("") : it->second;
        },
        kProfileLimits);
  };
  std::map<std::string, double> ffn{{"model", 0}, {"backend", 2}, {"m", 5},       {"n", 33},
                                    {"k", 17},    {"threads", 2}, {"forwards", 3}};
  std::string out = run(ffn);
  INFO(out);
  CHECK(out.find("\"status\":\"ok\"") != std::string::npos);
  CHECK(out.find("\"operation\":\"ffn_block\"") != std::string::npos);
  for (const char* step : {"linear1 · quantize", "linear1 · GEMM", "linear1 · bias + GELU",
                           "linear2 · quantize", "linear2 · GEMM", "linear2 · bias"})
    CHECK(out.find(std::string("\"name\":\"") + step + "\"") != std::string::npos);
  CHECK(out.find("\"forward_median_s\":") != std::string::npos);

  ffn["backend"] = 0;
  out = run(ffn);
  CHECK(out.find("quantize") == std::string::npos);
  CHECK(out.find("\"name\":\"linear1 · GEMM\"") != std::string::npos);

  std::map<std::string, double> conv{{"model", 1}, {"backend", 1}, {"m", 6},       {"n", 4},
                                     {"k", 3},     {"threads", 1}, {"forwards", 1}};
  out = run(conv);
  CHECK(out.find("\"name\":\"conv2d · im2col\"") != std::string::npos);
  CHECK(out.find("\"name\":\"conv2d · GEMM\"") != std::string::npos);
  CHECK(out.find("\"name\":\"conv2d · bias\"") != std::string::npos);

  const auto refused = [&](std::map<std::string, double> args, const char* field) {
    const std::string o = run(args);
    INFO(o);
    CHECK(o.find("\"status\":\"invalid\"") != std::string::npos);
    CHECK(o.find(std::string("\"field\":\"") + field + "\"") != std::string::npos);
  };
  auto bad = ffn;
  bad["backend"] = 3;
  refused(bad, "backend");
  bad = ffn;
  bad["m"] = std::nan("");
  refused(bad, "m");
  bad = ffn;
  bad["k"] = -4;
  refused(bad, "k");
  bad = ffn;
  bad["forwards"] = 0.5;
  refused(bad, "forwards");
  bad = ffn;
  bad["m"] = 4096;
  bad["n"] = 65536;
  bad["k"] = 4096;
  refused(bad, "m");  // gigabytes of weights
  // The very message a timed run of that kernel gets: one validation path.
  const Validation same =
      validate(*find_kernel("ffn_block_naive"), Params{4096, 65536, 4096, 0, 2}, kProfileLimits);
  REQUIRE_FALSE(same.ok);
  CHECK(run(bad).find(same.error) != std::string::npos);
  // Threads too: the pool's limit, and a backend that takes none runs on one.
  bad = ffn;
  bad["backend"] = 2;
  bad["threads"] = 5;
  refused(bad, "threads");
  auto naive = ffn;
  naive["backend"] = 0;
  naive["threads"] = 3;
  CHECK(run(naive).find("\"threads\":1") != std::string::npos);
  // No limit on K or N from int32: the int8 backend's integer sums span one group.
  auto wide = ffn;
  wide["n"] = 200000;
  wide["m"] = 1;
  wide["k"] = 1;
  wide["forwards"] = 1;
  CHECK(run(wide).find("\"status\":\"ok\"") != std::string::npos);
}

TEST_CASE("capstone validation: sizes, no int32 limit on K, memory") {
  const Limits limits{64.0 * 1024 * 1024, 4};
  const Kernel* ffn = find_kernel("ffn_block_int8");
  const Kernel* conv = find_kernel("conv2d_im2col_optimized");
  REQUIRE(ffn);
  REQUIRE(conv);
  CHECK(validate(*ffn, Params{64, 2048, 512, 0, 2}, limits).ok);
  CHECK(validate(*ffn, Params{64, 2048, 512, 0, 2}, limits).shape.threads == 2);
  CHECK(validate(*ffn, Params{0, 2048, 512, 0, 1}, limits).field == "m");
  CHECK(validate(*ffn, Params{64, std::nan(""), 512, 0, 1}, limits).field == "n");
  CHECK(validate(*ffn, Params{64, 2048, 512.5, 0, 1}, limits).field == "k");
  CHECK(validate(*ffn, Params{64, 2048, 512, 0, 9}, limits).field == "threads");
  // The int8 backend's integer sums span one group of K, so K and N are limited
  // only by memory.
  CHECK(validate(*ffn, Params{1, 200000, 1, 0, 1}, limits).ok);
  // 9 x 20000 terms per sum, past where one int32 sum of int8 products could
  // overflow; its im2col matrix and packed filters need more than 64 MiB.
  const Limits roomy{128.0 * 1024 * 1024, 4};
  CHECK(validate(*conv, Params{4, 4, 20000, 0, 1}, roomy).ok);
  const Validation big = validate(*ffn, Params{4096, 8192, 4096, 0, 1}, limits);
  CHECK(big.field == "m");
  CHECK(big.error.find("MiB") != std::string::npos);
}

TEST_CASE("capstone catalog: one kernel per backend and model, sharing one operation each") {
  for (const char* model : {"ffn_block", "conv2d_im2col"})
    for (const char* b : {"naive", "optimized", "int8"}) {
      const Kernel* k = find_kernel(std::string(model) + "_" + b);
      INFO(model << " " << b);
      REQUIRE(k);
      CHECK(std::string(k->lesson) == "capstone");
      CHECK(std::string(k->op->id) == model);
      CHECK(takes(*k, Tunable::threads) == (std::string(b) != "naive"));
    }
  // FLOPs: two GEMMs of 2 M K N, the biases and GELU.
  CHECK(kFfnBlock.flops(Shape{64, 2048, 512}) ==
        4.0 * 64 * 512 * 2048 + 64 * 2048 + 64 * 512 + 26.0 * 64 * 2048);
  CHECK(kConv2dIm2col.flops(Shape{32, 64, 32}) == 2.0 * 1024 * 64 * 288 + 1024 * 64);
  // The int8 kernels read a quarter of the weight bytes.
  const Kernel* i8 = find_kernel("ffn_block_int8");
  CHECK(bytes_moved(*i8, Shape{64, 2048, 512}) < kFfnBlock.bytes(Shape{64, 2048, 512}));
}
