// The WebAssembly side: the catalog kernels in a headless browser (Chromium
// unless told otherwise), run through the page's own LabClient and worker, so
// they are timed exactly as a student's browser times them.
import { openLab } from '../../web/tools/headless.mjs';
import { describeRun, runRequest } from '../plan.mjs';
import { resultRow, skippedRow } from '../results.mjs';

export const WASM_TIMING =
  "median_s is the median time per call over the lab timer's samples (each a batch of calls lasting " +
  'at least 100 clock steps; at least 10 samples and min_time seconds in all); ci_low_s..ci_high_s is ' +
  'its order-statistic confidence interval (>= 95%), min_s and max_s the extreme samples.';

// A document with no scripts of its own: the page (index.html) may start its
// own worker, which would compete with ours. The server sends the
// cross-origin isolation headers with every file, so this document is isolated.
const BLANK_ISOLATED_DOCUMENT = '/lab-client.js';

// Opens the browser and loads the lab. Resolves with the wasm catalog, what
// the browser says about itself, and check/run/close. engine: 'chromium' or
// 'firefox'; args: more Chromium flags.
export async function openWasm({ engine = 'chromium', args = [] } = {}) {
  const lab = await openLab({ engine, path: BLANK_ISOLATED_DOCUMENT, args });
  try {
    const page = await lab.tab.evaluate(async () => {
      const { LabClient } = await import('/lab-client.js');
      window.__benchLab = new LabClient();
      return {
        catalog: await window.__benchLab.start(),
        hardware_concurrency: navigator.hardwareConcurrency,
        cross_origin_isolated: self.crossOriginIsolated,
        user_agent: navigator.userAgent,
      };
    });
    const { catalog, ...browser } = page;
    return {
      catalog,
      browser: { version: lab.version, ...browser },
      check: (request) => lab.tab.evaluate((r) => window.__benchLab.check(r), request),
      run: (request) => lab.tab.evaluate((r) => window.__benchLab.run(r), request),
      close: () => lab.close(),
    };
  } catch (error) {
    await lab.close();
    throw error;
  }
}

function toRequest(run, minTime) {
  return { ...runRequest(run), min_time_s: minTime };
}

// The lab's own verdict on every run of the plan, in order, before the first
// one starts: the page's `check` answers (see settlePlan in plan.mjs).
export async function checkWasmPlan(wasm, plan, minTime) {
  const verdicts = [];
  for (const run of plan) verdicts.push(await wasm.check(toRequest(run, minTime)));
  return verdicts;
}

// Runs the plan one request at a time, with one progress line per run on stderr.
export async function runWasm(wasm, plan, minTime) {
  const byName = new Map(wasm.catalog.kernels.map((k) => [k.name, k]));
  const results = [];
  const skipped = [];
  for (const [i, run] of plan.entries()) {
    const r = await wasm.run(toRequest(run, minTime));
    const label = `wasm ${i + 1}/${plan.length} ${describeRun(run)}`;
    if (r.status !== 'ok') {
      const reason = r.status === 'not_implemented' ? 'not implemented' : `${r.status}: ${r.error}`;
      process.stderr.write(`${label}: ${reason}\n`);
      skipped.push(skippedRow({ ...run, target: 'wasm', reason }));
      continue;
    }
    const row = resultRow({
      kernel: byName.get(r.kernel),
      target: 'wasm',
      n: r.shape.n,
      block: r.shape.block,
      threads: r.shape.threads,
      flops: r.flops,
      bytes: r.bytes,
      timing: r.timing,
      check: r.check,
    });
    process.stderr.write(`${label}: ${row.gflops.toFixed(2)} GFLOP/s (${row.count} samples)\n`);
    results.push(row);
  }
  return { results, skipped };
}
