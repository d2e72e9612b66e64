#include <catch2/catch.hpp>

#include <pthread.h>

#include <atomic>
#include <mutex>
#include <set>
#include <vector>

#include "core/thread_pool.h"
#include "matmul_cases.h"

using namespace lab;

namespace {

// Runs `tasks` tasks and returns how many times each ran.
std::vector<int> run_counts(ThreadPool& pool, int64_t tasks, int threads) {
  std::vector<std::atomic<int>> counts(static_cast<size_t>(tasks));
  pool.run(tasks, threads, [&](int64_t t) { counts[static_cast<size_t>(t)].fetch_add(1); });
  return std::vector<int>(counts.begin(), counts.end());
}

}  // namespace

TEST_CASE("the pool starts its workers once and reuses them for every job") {
  ThreadPool pool(4);
  REQUIRE(pool.size() == 4);
  CHECK(pool.workers_started() == 3);
  for (int job = 0; job < 200; ++job) {
    const auto counts = run_counts(pool, 1 + job % 37, 1 + job % 4);
    for (int c : counts) REQUIRE(c == 1);
  }
  CHECK(pool.workers_started() == 3);
}

TEST_CASE("a job uses several threads when asked, and only the caller when asked for one") {
  ThreadPool pool(3);
  std::mutex mutex;
  std::set<pthread_t> seen;
  auto record = [&](int64_t) {
    // Long enough that one thread cannot take every task before the others wake.
    volatile double x = 0;
    for (int i = 0; i < 200000; ++i) x = x + i;
    std::lock_guard<std::mutex> lock(mutex);
    seen.insert(pthread_self());
  };
  pool.run(64, 1, record);
  CHECK(seen == std::set<pthread_t>{pthread_self()});
  seen.clear();
  pool.run(64, 3, record);
  CHECK(seen.size() > 1);
  CHECK(seen.size() <= 3);
}

TEST_CASE("the pool handles fewer tasks than threads, no tasks, and more threads than it has") {
  ThreadPool pool(4);
  CHECK(run_counts(pool, 0, 4).empty());
  CHECK(run_counts(pool, 1, 4) == std::vector<int>{1});
  CHECK(run_counts(pool, 2, 4) == std::vector<int>{1, 1});
  CHECK(run_counts(pool, 5, 99) == std::vector<int>(5, 1));
  CHECK(run_counts(pool, 5, 0) == std::vector<int>(5, 1));
}

TEST_CASE("a pool of one thread runs everything on the caller") {
  ThreadPool pool(1);
  CHECK(pool.size() == 1);
  CHECK(pool.workers_started() == 0);
  CHECK(run_counts(pool, 10, 8) == std::vector<int>(10, 1));
}

TEST_CASE("the threaded SIMD matmul is right with 1, 2 and 3 threads, and more threads than rows") {
  const Kernel* kernel = find_kernel("f32_matmul_4x8_wasmsimd");
  REQUIRE(kernel != nullptr);
  const std::vector<Shape> shapes = {{1, 9, 5, 0},   {3, 17, 7, 0},   {5, 8, 3, 0},
                                     {9, 33, 65, 0}, {65, 64, 63, 0}, {257, 100, 129, 0}};
  for (Shape shape : shapes) {
    for (int64_t threads : {1, 2, 3, 16}) {
      shape.block = 16;
      shape.threads = threads;
      INFO("M=" << shape.m << " N=" << shape.n << " K=" << shape.k << " threads=" << threads);
      KernelStatus status = KernelStatus::not_implemented;
      REQUIRE(run_once_and_check(*kernel, shape, &status).passed);
    }
  }
}
