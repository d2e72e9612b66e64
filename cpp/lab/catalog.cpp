#include "lab/catalog.h"

#include <algorithm>
#include <type_traits>

#include "exercises/student_kernels.h"
#include "kernels/matmul/f32_matmul_blocked.h"
#include "kernels/matmul/f32_matmul_loop_orders.h"
#include "kernels/matmul/f32_matmul_problem.h"

namespace lab {

namespace {

// One adapter from the catalog's uniform entry point to any matmul kernel's
// own signature: with or without a block size, returning nothing (a reference
// kernel) or a KernelStatus (an exercise that may not be written yet).
template <auto Fn>
KernelStatus run_matmul(Problem& problem, const Shape& s) {
  auto& p = static_cast<MatmulProblem&>(problem);
  auto call = [&] {
    if constexpr (std::is_invocable_v<decltype(Fn), const float*, const float*, float*, int64_t,
                                      int64_t, int64_t, int64_t>)
      return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k, s.block);
    else
      return Fn(p.a(), p.b(), p.c(), s.m, s.n, s.k);
  };
  if constexpr (std::is_void_v<decltype(call())>) {
    call();
    return KernelStatus::done;
  } else {
    return call();
  }
}

constexpr const char* kLoopOrders = "cpp/kernels/matmul/f32_matmul_loop_orders.cpp";

std::vector<Kernel> build_catalog() {
  return {
      {"f32_matmul_ijk", "loops", "i-j-k",
       "The textbook order: a dot product per C element, walking B down a column (stride N).",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_ijk>},
      {"f32_matmul_ikj", "loops", "i-k-j",
       "Scales a row of B by one A element and adds it to a row of C: every access is stride 1.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_ikj>},
      {"f32_matmul_jik", "loops", "j-i-k",
       "A dot product per C element, C filled column by column; B is still walked down a column.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_jik>},
      {"f32_matmul_jki", "loops", "j-k-i",
       "Scales a column of A into a column of C: both walked with a large stride.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_jki>},
      {"f32_matmul_kij", "loops", "k-i-j",
       "Rank-1 updates of all of C, row by row: stride 1, but C streams through the cache K times.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_kij>},
      {"f32_matmul_kji", "loops", "k-j-i",
       "Rank-1 updates of all of C, column by column: large strides on A and C.",
       kLoopOrders, &kMatmulF32, {}, false, run_matmul<f32_matmul_kji>},
      {"f32_matmul_student_loops", "loops", "your loops",
       "Exercise 1: the loop order you predicted fastest, written by you.",
       "cpp/exercises/f32_matmul_student_loops.cpp", &kMatmulF32, {}, true,
       run_matmul<f32_matmul_student_loops>},
      {"f32_matmul_blocked", "blocking", "blocked i-k-j",
       "i-k-j run tile by tile, so each tile of A, B and C is reused while it is in cache.",
       "cpp/kernels/matmul/f32_matmul_blocked.cpp", &kMatmulF32, {Tunable::block}, false,
       run_matmul<f32_matmul_blocked>},
      {"f32_matmul_student_blocked", "blocking", "your blocked",
       "Exercise 2: tiled matmul, written by you.",
       "cpp/exercises/f32_matmul_student_blocked.cpp", &kMatmulF32, {Tunable::block}, true,
       run_matmul<f32_matmul_student_blocked>},
  };
}

}  // namespace

const std::vector<Kernel>& catalog() {
  static const std::vector<Kernel> kernels = build_catalog();
  return kernels;
}

const Kernel* find_kernel(std::string_view name) {
  for (const Kernel& k : catalog())
    if (name == k.name) return &k;
  return nullptr;
}

bool takes(const Kernel& kernel, Tunable tunable) {
  return std::find(kernel.tunables.begin(), kernel.tunables.end(), tunable) != kernel.tunables.end();
}

const char* tunable_name(Tunable t) {
  switch (t) {
    case Tunable::block: return "block";
  }
  return "";
}

}  // namespace lab
