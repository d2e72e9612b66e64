// What a kernel that lives outside this module receives: a student's kernel,
// compiled in the page into a WebAssembly module with a memory of its own.
// It cannot see the lab's memory, so each buffer is copied into its memory
// before the first call (outside the timing) and each output copied back
// after the first call and after the last one. Every operation that has an exercise says, beside
// its adapter, which buffers and sizes its entry function takes, in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lab {

struct ExternalBuffer {
  const char* name;  // as the exercise's signature names it: "x", "c", "scale"
  // In the lab's memory. Only an output is ever written, and outputs come from
  // the problem's non-const accessors.
  const void* data;
  size_t bytes;
  size_t element_bytes;  // to name a bad offset as an element
  bool output;
};

// The entry function's arguments: one pointer per buffer, in order, then the sizes.
struct ExternalCall {
  std::vector<ExternalBuffer> buffers;
  std::vector<int32_t> sizes;
};

// An elementwise f32 operation's entry gets (x, y, n): y = f(x) over n floats.
inline ExternalCall elementwise_f32_call(const float* x, float* y, int64_t n) {
  const size_t bytes = sizeof(float) * static_cast<size_t>(n);
  return {{{"x", x, bytes, sizeof(float), false}, {"y", y, bytes, sizeof(float), true}},
          {static_cast<int32_t>(n)}};
}

}  // namespace lab
