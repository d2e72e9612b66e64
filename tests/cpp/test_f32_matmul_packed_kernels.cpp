// The expert GEMM (cpp/kernels/matmul/) against the exact product: every square
// size up to 70 (every way a 4 x 8 tile can be cut, many times over), sizes
// either side of the block edges, thin and wide shapes, on 1, 2 and 3 threads.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "matmul_cases.h"

using namespace lab;

namespace {

constexpr const char* kExpert = "f32_matmul_4x8_packed_wasmsimd";

const Kernel& expert() {
  const Kernel* kernel = find_kernel(kExpert);
  REQUIRE(kernel != nullptr);
  return *kernel;
}

void require_correct_on_threads(const Shape& shape) {
  for (int64_t threads : {1, 2, 3}) {
    Shape s = shape;
    s.threads = threads;
    INFO("threads " << threads);
    testing::require_correct_at(expert(), s);
  }
}

}  // namespace

TEST_CASE(
    "the expert GEMM is in the catalog as a threaded f32 matmul that chooses its own blocks") {
  const Kernel& kernel = expert();
  CHECK(kernel.op == &kMatmulF32);
  CHECK(takes(kernel, Tunable::threads));
  CHECK_FALSE(takes(kernel, Tunable::block));
}

TEST_CASE("the expert GEMM matches the exact product at every square size from 1 to 70") {
  for (int64_t n = 1; n <= 70; ++n) require_correct_on_threads({n, n, n, 0});
}

// 127 is the largest square size that runs unpacked (lesson 3's nest), 128 the
// smallest that packs (packing_pays in f32_matmul_4x8_packed_wasmsimd.cpp).
TEST_CASE("the expert GEMM matches the exact product around powers of two") {
  for (int64_t n : {127, 128, 129, 255, 257}) require_correct_on_threads({n, n, n, 0});
}

TEST_CASE("the expert GEMM matches the exact product at non-square shapes") {
  // The shared matmul shapes, then this GEMM's own edges: k = 1, a single row
  // or column, tall and wide, and sizes just past its blocks (mc = 120,
  // kc = 512, nc = 1024) so that every loop runs a short last block.
  std::vector<Shape> shapes = non_square_check_shapes();
  shapes.insert(shapes.end(), {{1, 1000, 300, 0},
                               {1000, 1, 300, 0},
                               {37, 41, 1, 0},
                               {900, 6, 20, 0},
                               {3, 2000, 17, 0},
                               {121, 30, 40, 0},
                               {246, 19, 33, 0},
                               {13, 40, 513, 0},
                               {9, 17, 1100, 0},
                               {7, 1025, 60, 0},
                               {6, 2100, 515, 0},
                               {125, 33, 520, 0}});
  for (const Shape& s : shapes) {
    INFO("M=" << s.m << " N=" << s.n << " K=" << s.k);
    require_correct_on_threads(s);
  }
}

TEST_CASE("the expert GEMM writes C and nothing next to it, and leaves A and B as they were") {
  for (const Shape& s : std::vector<Shape>{{1, 1, 1, 0}, {7, 13, 9, 0}, {66, 67, 65, 0}}) {
    for (int64_t threads : {1, 2, 3}) {
      INFO("M=" << s.m << " N=" << s.n << " K=" << s.k << " threads " << threads);
      std::vector<float> a(s.m * s.k), b(s.k * s.n);
      for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<float>(i % 7) - 3.0f;
      for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<float>(i % 5) - 2.0f;
      const std::vector<float> a0 = a, b0 = b;
      // C with 64 guard floats on each side, all a value no product here gives.
      constexpr int64_t kGuard = 64;
      constexpr float kSentinel = -12345.0f;
      std::vector<float> c(s.m * s.n + 2 * kGuard, kSentinel);
      f32_matmul_4x8_packed_wasmsimd(a.data(), b.data(), c.data() + kGuard, s.m, s.n, s.k, threads);
      CHECK(std::all_of(c.begin(), c.begin() + kGuard, [&](float x) { return x == kSentinel; }));
      CHECK(std::all_of(c.end() - kGuard, c.end(), [&](float x) { return x == kSentinel; }));
      // Small whole numbers: the sums are exact, so the product must be too.
      bool exact = true;
      for (int64_t i = 0; i < s.m; ++i)
        for (int64_t j = 0; j < s.n; ++j) {
          float sum = 0;
          for (int64_t p = 0; p < s.k; ++p) sum += a[i * s.k + p] * b[p * s.n + j];
          exact = exact && c[kGuard + i * s.n + j] == sum;
        }
      CHECK(exact);
      CHECK(a == a0);
      CHECK(b == b0);
    }
  }
}

TEST_CASE("the expert GEMM with K = 0 sets C to zero, and with M or N = 0 does nothing") {
  std::vector<float> c(12, 5.0f);
  f32_matmul_4x8_packed_wasmsimd(nullptr, nullptr, c.data(), 3, 4, 0, 2);
  CHECK(std::all_of(c.begin(), c.end(), [](float x) { return x == 0.0f; }));
  std::vector<float> untouched(4, 5.0f);
  f32_matmul_4x8_packed_wasmsimd(nullptr, nullptr, untouched.data(), 0, 4, 3, 2);
  f32_matmul_4x8_packed_wasmsimd(nullptr, nullptr, untouched.data(), 4, 0, 3, 2);
  CHECK(std::all_of(untouched.begin(), untouched.end(), [](float x) { return x == 5.0f; }));
}

TEST_CASE("the expert GEMM with B packed once gives the same bits as packing B on every call") {
  // K = 1100 crosses two block edges of K; N = 37 cuts the last sliver; M = 1
  // and 5 are a model's small batches.
  for (const Shape& s :
       std::vector<Shape>{{1, 8, 1, 0}, {5, 37, 19, 0}, {64, 70, 1100, 0}, {9, 300, 513, 0}}) {
    INFO("M=" << s.m << " N=" << s.n << " K=" << s.k);
    std::vector<float> b(s.k * s.n);
    for (size_t i = 0; i < b.size(); ++i) b[i] = std::sin(0.37f * static_cast<float>(i));
    const F32GemmPackedB packed(b.data(), s.k, s.n);
    // Two different A with the same packed B: it is read, never changed.
    for (float phase : {0.0f, 1.0f}) {
      std::vector<float> a(s.m * s.k);
      for (size_t i = 0; i < a.size(); ++i) a[i] = std::cos(0.11f * static_cast<float>(i) + phase);
      for (int64_t threads : {1, 2, 3}) {
        INFO("threads " << threads << " phase " << phase);
        std::vector<float> fresh(s.m * s.n), reused(s.m * s.n, -1.0f);
        f32_matmul_4x8_packed_wasmsimd(a.data(), b.data(), fresh.data(), s.m, s.n, s.k, threads);
        packed.multiply(a.data(), reused.data(), s.m, threads);
        CHECK(fresh == reused);
      }
    }
  }
}
