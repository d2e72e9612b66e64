// `npm run bench`: every catalog kernel, natively (Google Benchmark) and as
// WebAssembly in headless Chromium, into bench/results/latest.json, with a
// table and the derived ratios on stdout. Progress goes to stderr.
//
// The targets run one after the other, wasm first, never together: on a small
// machine they would take each other's cores and skew both.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { checkPlan, openWasm, runWasm, WASM_TIMING, wasmPlan } from './browser/run-wasm.mjs';
import { busyFraction, describeMachine } from './machine.mjs';
import { NATIVE_TIMING, nativeCatalog, runNative } from './native/run-native.mjs';
import { parseOptions, UsageError, USAGE } from './options.mjs';
import { formatSummary, summarize } from './summary.mjs';
import { formatSkipped, formatTable } from './table.mjs';

// Above this share of all CPUs busy before we start, the figures are suspect.
const BUSY_WARNING = 0.2;

function kernelNames(catalogs) {
  return [...new Set(catalogs.flatMap((c) => c.kernels.map((k) => k.name)))];
}

// A name is fine if at least one chosen target has that kernel; it runs where it exists.
function checkKernelNames(requested, catalogs) {
  const known = kernelNames(catalogs);
  const unknown = (requested ?? []).filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new UsageError(`unknown kernel${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` +
      `the kernels are ${known.join(', ')}.`);
  }
}

// bench_native does not validate its sizes; one that does not fit in memory would crash it.
function checkNativeSizes(sizes, nativeKernels) {
  const tooLarge = sizes.filter((n) => n > nativeKernels.max_n);
  if (tooLarge.length) {
    throw new UsageError(`native: n = ${tooLarge.join(', ')} does not fit in this machine's memory; ` +
      `the largest that does is ${nativeKernels.max_n}.`);
  }
}

// Checks every name and every run before the first one starts, then runs the
// wasm side. The browser is closed before the native side starts, or on any error.
async function checkAllThenRunWasm(options, catalogs, nativeKernels, wasm) {
  try {
    checkKernelNames(options.kernels, catalogs);
    if (nativeKernels) checkNativeSizes(options.sizes, nativeKernels);
    if (!wasm) return null;
    const plan = wasmPlan(wasm.catalog, options);
    const errors = await checkPlan(wasm, plan);
    if (errors.length) throw new UsageError(errors.join('\n'));
    process.stderr.write(`wasm: ${plan.length} runs in Chromium ${wasm.browser.chromium}\n`);
    return await runWasm(wasm, plan);
  } finally {
    await wasm?.close();
  }
}

async function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const loadAverage = os.loadavg();
  const busyBeforeStart = await busyFraction();
  if (busyBeforeStart > BUSY_WARNING) {
    process.stderr.write(`warning: ${Math.round(busyBeforeStart * 100)}% of the CPUs were busy before the ` +
      'benchmark started; other processes will slow the kernels down and make the figures noisy.\n');
  }
  const nativeKernels = options.targets.includes('native') ? await nativeCatalog() : null;
  const wasm = options.targets.includes('wasm') ? await openWasm() : null;
  const catalogs = [wasm?.catalog, nativeKernels].filter(Boolean);
  const wasmRun = await checkAllThenRunWasm(options, catalogs, nativeKernels, wasm);
  if (nativeKernels) process.stderr.write('native: Google Benchmark\n');
  const nativeRun = nativeKernels ? await runNative(options, nativeKernels) : null;

  const runs = [wasmRun, nativeRun].filter(Boolean);
  const results = runs.flatMap((r) => r.results);
  const skipped = runs.flatMap((r) => r.skipped);
  const summary = summarize(results);
  const report = {
    machine: await describeMachine({
      native: nativeRun && { catalog: nativeKernels, context: nativeRun.context },
      wasm: wasm && { catalog: wasm.catalog, browser: wasm.browser },
      loadAverage,
      busyBeforeStart,
    }),
    config: {
      kernels: options.kernels,
      sizes: options.sizes,
      blocks: options.blocks,
      min_time_s: options.minTime,
      targets: options.targets,
    },
    timing: { native: NATIVE_TIMING, wasm: WASM_TIMING },
    results,
    skipped,
    summary,
  };
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n${formatTable(results, kernelNames(catalogs))}`);
  if (skipped.length) console.log(`\nSkipped:\n${formatSkipped(skipped)}`);
  console.log(`\n${formatSummary(summary)}`);
  console.log(`\nWrote ${out}`);
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`bench: ${error.stack ?? error}`);
    process.exitCode = 1;
  }
});
