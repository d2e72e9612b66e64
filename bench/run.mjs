// `npm run bench`: every catalog kernel, natively (Google Benchmark) and as
// WebAssembly in headless Chromium, into bench/results/latest.json, with a
// table and the derived ratios on stdout. Progress goes to stderr.
//
// The targets run one after the other, wasm first, never together: on a small
// machine they would take each other's cores and skew both.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { AB_TIMING, abPlan, runAbPlan } from './ab-targets.mjs';
import { checkWasmPlan, openWasm, runWasm, WASM_TIMING } from './browser/run-wasm.mjs';
import { busyFraction, describeMachine } from './machine.mjs';
import { checkNativePlan, NATIVE_TIMING, nativeCatalog, runNative } from './native/run-native.mjs';
import { parseOptions, UsageError, USAGE } from './options.mjs';
import { benchPlan, DEFAULT_SIZES, settlePlan, THREADED_SIZES } from './plan.mjs';
import { formatRoofline, formatSummary, summarize, summarizeRoofline } from './summary.mjs';
import { formatSkipped, formatTable } from './table.mjs';
import { evaluateTargets, formatTargets } from './targets.mjs';

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
    throw new UsageError(`unknown kernel${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` + `the kernels are ${known.join(', ')}.`);
  }
}

// Plans both targets and checks every name and every run before the first one
// starts, then runs the wasm side: the sweep, then each target's interleaved
// rounds. The browser is closed before the native side starts, or on any
// error. Resolves with the native plan, the wasm results and the comparisons.
async function checkAllThenRunWasm(options, catalogs, nativeKernels, wasm) {
  try {
    checkKernelNames(options.kernels, catalogs);
    // Each target's C++ says which runs it accepts (the lab's validate(), as
    // for the page's runs): blocks larger than N are left out, and any other
    // refusal stops the benchmark before it starts.
    const nativeAll = nativeKernels && benchPlan(nativeKernels, options, 'native');
    const wasmAll = wasm && benchPlan(wasm.catalog, options, 'wasm');
    const native = nativeAll && settlePlan(nativeAll, await checkNativePlan(nativeAll), 'native');
    const wasmSettled = wasmAll && settlePlan(wasmAll, await checkWasmPlan(wasm, wasmAll, options.minTime), 'wasm');
    const nativePlan = native?.runs;
    const wasmPlan = wasmSettled?.runs;
    const errors = [...(native?.errors ?? []), ...(wasmSettled?.errors ?? [])];
    if (errors.length) throw new UsageError(errors.join('\n'));
    if (!wasm) return { nativePlan, wasmRun: null, comparisons: null };
    process.stderr.write(`wasm: ${wasmPlan.length} runs in ${wasm.browser.version}\n`);
    const wasmRun = await runWasm(wasm, wasmPlan, options.minTime);
    const plan = abPlan(wasm.catalog, wasmRun.results, options.kernels);
    process.stderr.write(`wasm: ${plan.length} interleaved comparisons for the targets\n`);
    return { nativePlan, wasmRun, comparisons: await runAbPlan(wasm, wasm.catalog, plan) };
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
    process.stderr.write(
      `warning: ${Math.round(busyBeforeStart * 100)}% of the CPUs were busy before the ` +
        'benchmark started; other processes will slow the kernels down and make the figures noisy.\n',
    );
  }
  const nativeKernels = options.targets.includes('native') ? await nativeCatalog() : null;
  const wasm = options.targets.includes('wasm') ? await openWasm() : null;
  const catalogs = [wasm?.catalog, nativeKernels].filter(Boolean);
  const { nativePlan, wasmRun, comparisons } = await checkAllThenRunWasm(options, catalogs, nativeKernels, wasm);
  if (nativePlan) process.stderr.write(`native: ${nativePlan.length} runs in Google Benchmark\n`);
  const nativeRun = nativePlan ? await runNative(nativePlan, options.minTime, nativeKernels) : null;

  const runs = [wasmRun, nativeRun].filter(Boolean);
  const results = runs.flatMap((r) => r.results);
  const skipped = runs.flatMap((r) => r.skipped);
  // Both targets' catalogs describe the same kernels: either names the ones the figures compare.
  const [catalog] = catalogs;
  const summary = {
    sizes: summarize(results, catalog),
    roofline: summarizeRoofline(results, catalog),
    targets: evaluateTargets(results, catalog, comparisons),
  };
  const report = {
    machine: await describeMachine({
      native: nativeRun && { catalog: nativeKernels, context: nativeRun.context },
      wasm: wasm && { catalog: wasm.catalog, browser: wasm.browser },
      loadAverage,
      busyBeforeStart,
    }),
    config: {
      kernels: options.kernels,
      sizes: options.sizes ?? { default: DEFAULT_SIZES, kernels_with_threads: THREADED_SIZES },
      lengths: options.lengths,
      blocks: options.blocks,
      threads: options.threads,
      min_time_s: options.minTime,
      targets: options.targets,
    },
    timing: { native: NATIVE_TIMING, wasm: WASM_TIMING, targets: AB_TIMING },
    results,
    comparisons,
    skipped,
    summary,
  };
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\n${formatTable(results, kernelNames(catalogs))}`);
  if (skipped.length) console.log(`\nSkipped:\n${formatSkipped(skipped)}`);
  console.log(`\n${formatSummary(summary.sizes)}`);
  console.log(`\n${formatRoofline(summary.roofline)}`);
  console.log(`\n${formatTargets(summary.targets, catalog)}`);
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
