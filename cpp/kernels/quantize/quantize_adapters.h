// The adapter from the catalog's uniform entry point, run(Problem&, Shape), to
// this operation's kernels: it unpacks the problem and calls the kernel with
// its own signature. A catalog entry names one instantiation:
// run_quantize<f32_quantize_i8_wasmsimd>.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/external_call.h"
#include "core/kernel_status.h"
#include "core/params.h"
#include "kernels/quantize/quantize_problems.h"

namespace lab {

template <auto Fn>
KernelStatus run_quantize(Problem& problem, const Shape& s) {
  auto& p = static_cast<QuantizeProblem&>(problem);
  return status_of([&] { return Fn(p.x(), p.q(), p.scale(), s.n); });
}

template <auto Fn>
KernelStatus run_dequantize(Problem& problem, const Shape& s) {
  auto& p = static_cast<DequantizeProblem&>(problem);
  return status_of([&] { return Fn(p.q(), p.scale(), p.x(), s.n); });
}

// A kernel compiled in the page gets (x, q, scale, n): cpp/exercises/page_entry.cpp.
inline ExternalCall quantize_page_call(Problem& problem, const Shape& s) {
  auto& p = static_cast<QuantizeProblem&>(problem);
  const size_t n = static_cast<size_t>(s.n);
  return {{{"x", p.x(), sizeof(float) * n, sizeof(float), false},
           {"q", p.q(), n, 1, true},
           {"scale", p.scale(), sizeof(float), sizeof(float), true}},
          {static_cast<int32_t>(s.n)}};
}

}  // namespace lab
