// A first compile and link of a small kernel, run as the compiler loads. The
// browser compiles each of the compiler's functions when first called and
// optimizes it only later, so a first compile takes seconds longer than the
// next: this one is paid while the student reads or types, not after they
// press Compile, and the first real compile is far from the time limit.
import { runTool } from './run-tool.js';

const KERNEL = `#include <cstdint>
#include <wasm_simd128.h>
extern "C" void warm_up(const float* x, float* y, int32_t n) {
  for (int32_t i = 0; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(wasm_v128_load(x + i), wasm_f32x4_splat(0.0f)));
}
`;

export async function warmUp(clang) {
  const target = ['clang++', '--target=wasm32-wasip1'];
  const compiled = await runTool(clang, clang.runClang, [...target, '-O2', '-msimd128', '-c', 'warm_up.cpp', '-o', 'warm_up.o'], {
    'warm_up.cpp': KERNEL,
  });
  const link = [...target, '-nostdlib', '-Wl,--no-entry', '-Wl,--export=warm_up', 'warm_up.o', '-o', 'warm_up.wasm'];
  const linked = await runTool(clang, clang.runClang, link, compiled.files);
  if (!compiled.ok || !linked.ok) throw new Error(`the compiler failed its first compile: ${compiled.output}${linked.output}`);
}
