// The STREAM triad a = b + s c: per element 8 bytes read and 4 written
// against 2 flops, so at lengths far beyond the caches it measures how fast
// memory feeds the cores, whatever their arithmetic. It is the axpy kernel
// (z = a x + y) run on every thread, each on its own run of whole cache lines,
// so no two threads ever write the same line.
#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/axpy/axpy.h"
#include "kernels/probe/probe.h"

namespace lab {

namespace {
constexpr int64_t kFloatsPerCacheLine = 16;
}  // namespace

void f32_triad_wasmsimd(float s, const float* b, const float* c, float* a, int64_t n,
                        int64_t threads) {
  parallel_rows(n, kFloatsPerCacheLine, threads, [&](int64_t i0, int64_t i1) {
    f32_axpy_wasmsimd(s, c + i0, b + i0, a + i0, i1 - i0);
  });
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_triad_wasmsimd_cpp)
