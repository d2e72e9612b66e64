// A first compile and link of a small kernel, run as the compiler loads. The
// browser compiles each of the compiler's functions when first called and
// optimizes it only later, so a first compile takes seconds longer than the
// next: this one is paid while the student reads or types, not after they
// press Compile, and the first real compile is far from the time limit. It
// runs a real compile's very commands (clang-command.js), so it warms the
// same paths; its function is named lab_entry, the export they link.
import { DEFAULT_FLAGS, compileArgs, linkArgs } from './clang-command.js';
import { runTool } from './run-tool.js';

const KERNEL = `#include <cstdint>
#include <wasm_simd128.h>
extern "C" void lab_entry(const float* x, float* y, int32_t n) {
  for (int32_t i = 0; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(wasm_v128_load(x + i), wasm_f32x4_splat(0.0f)));
}
`;

const WARM_UP = { name: 'warm_up' };
const UNIT = 'warm_up.cpp';

export async function warmUp(clang) {
  const compiled = await runTool(clang, clang.runClang, compileArgs({ exercise: WARM_UP, flags: DEFAULT_FLAGS, unit: UNIT }), {
    [UNIT]: KERNEL,
  });
  const link = linkArgs({ exercise: WARM_UP, units: [UNIT], withLibc: false });
  const linked = await runTool(clang, clang.runClang, link, compiled.files);
  if (!compiled.ok || !linked.ok) throw new Error(`the compiler failed its first compile: ${compiled.output}${linked.output}`);
}
