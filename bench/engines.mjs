// The same kernels in two browser engines on this machine, as a comparison
// and not a target: each engine's measured clock grain and whether it runs
// relaxed SIMD, its FMA ceiling probe against its mul+add one, then the expert GEMM (and the FMA one, where both engines run
// relaxed SIMD) timed in interleaved rounds, Chromium, Firefox, Firefox,
// Chromium and then the other way round, with both browsers open throughout.
// Each round gives Chromium's rate over Firefox's; the line gives both
// engines' median GFLOP/s, the median ratio and its sign-test interval.
//
//   node bench/engines.mjs [--sizes=512,1024] [--threads=1] [--rounds=6] [--min-time=0.3]
import { parseArgs } from 'node:util';
import { compareInterleaved } from '../web/measure/ab-run.js';
import { defaultShape, findKernel } from '../web/ui/catalog-query.js';
import { openWasm } from './browser/run-wasm.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '512,1024' },
    threads: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '6' },
    'min-time': { type: 'string', default: '0.3' },
  },
});

const ENGINES = ['chromium', 'firefox'];
const KERNELS = [
  { role: 'expert', operation: 'f32_matmul', variant: 'simd128' },
  { role: 'expert', operation: 'f32_matmul', variant: 'relaxed_simd', runtime: true },
];

const labs = {};
try {
  for (const engine of ENGINES) labs[engine] = await openWasm({ engine });
  for (const engine of ENGINES) {
    const { catalog, browser } = labs[engine];
    const relaxed = catalog.relaxed_simd?.available ? 'runs relaxed SIMD' : `no relaxed SIMD (${catalog.relaxed_simd?.reason})`;
    console.log(
      `${browser.version}: clock grain ${(catalog.clock.resolution_s * 1e6).toFixed(1)} µs, ${browser.hardware_concurrency} hardware threads, ${relaxed}`,
    );
  }
  // Within each engine, the FMA probe against the mul+add probe, at the probes' own length.
  for (const engine of ENGINES) {
    const { catalog, browser } = labs[engine];
    const probes = [
      { role: 'ceiling_probe', variant: 'relaxed_simd', runtime: true },
      { role: 'ceiling_probe', variant: 'simd128' },
    ];
    const [fma, plain] = probes.map((query) => findKernel(catalog, query));
    if (!fma || !plain) continue;
    const request = (kernel) => ({ kernel: kernel.name, n: defaultShape(catalog, kernel.operation).n, threads: 1, min_time_s: 0.2 });
    const result = await compareInterleaved(labs[engine], {
      a: request(fma),
      b: request(plain),
      rounds: Number(values.rounds),
      warmup: true,
    });
    if (result.status !== 'ok') throw new Error(`${browser.version} probes: ${result.status}: ${result.error}`);
    console.log(
      `${browser.version}: FMA probe ${(result.a.rate * 1e-9).toFixed(1)} GFLOP/s, mul+add probe ${(result.b.rate * 1e-9).toFixed(1)} GFLOP/s, ` +
        `FMA/mul+add ${result.comparison.ratio.toFixed(2)}× (rounds ${result.rounds.map((r) => r.toFixed(2)).join(', ')})`,
    );
  }
  // Requests carry the engine that runs them; the lab below sends each to its browser.
  const both = { run: ({ engine, ...request }) => labs[engine].run(request) };
  for (const query of KERNELS) {
    const kernels = ENGINES.map((engine) => findKernel(labs[engine].catalog, query));
    if (kernels.some((k) => !k)) {
      console.log(`${query.variant} expert GEMM: not in every engine's catalog, skipped`);
      continue;
    }
    for (const n of values.sizes.split(',').map(Number)) {
      const request = (engine) => ({
        engine,
        kernel: kernels[ENGINES.indexOf(engine)].name,
        n,
        threads: Number(values.threads),
        min_time_s: Number(values['min-time']),
      });
      const result = await compareInterleaved(both, {
        a: request('chromium'),
        b: request('firefox'),
        rounds: Number(values.rounds),
        warmup: true,
      });
      if (result.status !== 'ok') throw new Error(`${kernels[0].name} N=${n}: ${result.status}: ${result.error}`);
      const gflops = (side) => (side.rate * 1e-9).toFixed(1);
      const { ratio, low, high } = result.comparison;
      const interval = low === null ? 'too few rounds for an interval' : `[${low.toFixed(2)}, ${high.toFixed(2)}]`;
      console.log(
        `${kernels[0].name} N=${n}, ${values.threads} thread(s): Chromium ${gflops(result.a)} GFLOP/s, Firefox ${gflops(result.b)} GFLOP/s; ` +
          `Chromium/Firefox ${ratio.toFixed(2)}× ${interval} (rounds ${result.rounds.map((r) => r.toFixed(2)).join(', ')})`,
      );
    }
  }
} finally {
  await Promise.allSettled(Object.values(labs).map((lab) => lab.close()));
}
