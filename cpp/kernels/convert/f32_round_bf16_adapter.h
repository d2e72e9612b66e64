// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// the bf16 rounding kernels: run_round_bf16<f32_round_bf16_scalar>.
#pragma once

#include <cstdint>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/convert/f32_round_bf16_problem.h"

namespace lab {

template <auto Fn>
KernelStatus run_round_bf16(Problem& problem, const Shape& s) {
  auto& p = static_cast<RoundBf16Problem&>(problem);
  return status_of([&] { return Fn(p.x(), p.y(), s.n); });
}

// A kernel compiled in the page gets (x, y, n): cpp/exercises/page_entry.cpp.
inline ExternalCall round_bf16_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<RoundBf16Problem&>(problem);
  const size_t n = static_cast<size_t>(s.n);
  return {{{"x", p.x(), sizeof(float) * n, sizeof(float), false},
           {"y", p.y(), sizeof(uint16_t) * n, sizeof(uint16_t), true}},
          {static_cast<int32_t>(s.n)}};
}

}  // namespace lab
