// How much a kernel's figure moves between separate invocations: each run
// launches its own Chromium (a fresh V8, so its code starts cold, as a
// student's page does), times each kernel once, and closes it. Prints every
// run's GFLOP/s and, per kernel, the spread (max / min over the runs).
//
//   node bench/spread.mjs --kernels=f32_mul_add_13chains_wasmsimd,f32_matmul_4x8_packed_wasmsimd \
//     --size=1024 --runs=5 --min-time=0.05 [--js-flags=--no-liftoff]
//
// --js-flags goes to Chromium as is: --no-liftoff makes V8 compile wasm with
// its optimizing tier from the start, so comparing with and without it shows
// how much baseline code reaches the samples.
import { parseArgs } from 'node:util';
import { defaultShape } from '../web/ui/catalog-query.js';
import { openWasm } from './browser/run-wasm.mjs';

const { values } = parseArgs({
  options: {
    kernels: { type: 'string', default: 'f32_mul_add_13chains_wasmsimd,f32_matmul_4x8_packed_wasmsimd' },
    size: { type: 'string', default: '1024' },
    threads: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    'min-time': { type: 'string', default: '0.3' },
    'js-flags': { type: 'string' },
  },
});

const kernels = values.kernels.split(',');
const args = values['js-flags'] ? [`--js-flags=${values['js-flags']}`] : [];

// A probe runs at its operation's default length, as in bench/run.mjs.
function request(catalog, name) {
  const kernel = catalog.kernels.find((k) => k.name === name);
  if (!kernel) throw new Error(`no kernel ${name} in the wasm catalog`);
  const probe = kernel.role === 'ceiling_probe' || kernel.role === 'bandwidth_probe';
  const n = probe ? defaultShape(catalog, kernel.operation).n : Number(values.size);
  return { kernel: name, n, threads: Number(values.threads), min_time_s: Number(values['min-time']) };
}

const figures = new Map(kernels.map((k) => [k, []]));
for (let run = 1; run <= Number(values.runs); ++run) {
  const wasm = await openWasm({ args });
  try {
    for (const name of kernels) {
      const r = await wasm.run(request(wasm.catalog, name));
      if (r.status !== 'ok') throw new Error(`${name}: ${r.status}: ${r.error}`);
      const gflops = (r.flops / r.timing.median_s) * 1e-9;
      figures.get(name).push(gflops);
      const warmup = r.timing.warmup_s === undefined ? '' : `, warm-up ${r.timing.warmup_s.toFixed(3)} s (${r.timing.warmup_stop})`;
      console.log(`run ${run} ${name}: ${gflops.toFixed(2)} GFLOP/s, ${r.timing.count} samples${warmup}`);
    }
  } finally {
    await wasm.close();
  }
}
for (const [name, gflops] of figures) {
  const spread = Math.max(...gflops) / Math.min(...gflops);
  console.log(`${name}: ${gflops.map((g) => g.toFixed(1)).join(', ')} GFLOP/s; max/min ${spread.toFixed(3)}`);
}
