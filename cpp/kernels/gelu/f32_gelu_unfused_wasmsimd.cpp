// GELU the way an eager framework runs it: each primitive step is its own
// kernel, a full SIMD pass over memory that reads its inputs and writes its
// result, which the next pass reads back. Each pass is a good vector loop; the
// cost is the traffic between them.
#include "core/source_file.h"
#include "kernels/gelu/f32_gelu.h"
#include "kernels/gelu/f32x4_gelu.h"

namespace lab {

void f32_gelu_unfused_wasmsimd(const float* x, float* y, float* t, int64_t n) {
  using namespace f32x4_gelu;
  const Constants k = constants();
  map(t, n, k, cube, x);                  // read x, write t:   8 N bytes
  map(t, n, k, scale_cubic, t);           // read t, write t:   8 N
  map(t, n, k, add, x, t);                // read x and t:     12 N
  map(t, n, k, scale_sqrt_2_over_pi, t);  //                    8 N
  map(t, n, k, fast_tanh, t);             //                    8 N
  map(t, n, k, one_plus, t);              //                    8 N
  map(t, n, k, half, t);                  //                    8 N
  map(y, n, k, mul, x, t);                // read x and t, write y: 12 N
}

namespace {
double unfused_bytes(const Shape& s) { return 72.0 * s.n; }
}  // namespace

const Traffic kGeluUnfusedTraffic{
    "72 N (8 passes, each reading its inputs and writing its result: 6 x 8 N + 2 x 12 N)",
    unfused_bytes};

}  // namespace lab

LAB_SOURCE_DEFINE(f32_gelu_unfused_wasmsimd_cpp)
