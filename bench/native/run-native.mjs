// The native side: runs bench_native (Google Benchmark) and turns its JSON
// report into result rows.
import { execFile, spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runRequest } from '../plan.mjs';
import { resultRow, skippedRow } from '../results.mjs';

const BINARY = fileURLToPath(new URL('../../build/native/bench/bench_native', import.meta.url));

// Google Benchmark reports each repetition's mean time per call; an odd count
// makes their median one of them.
const REPETITIONS = 5;

export const NATIVE_TIMING =
  `median_s is the median, over ${REPETITIONS} Google Benchmark repetitions of min_time / ${REPETITIONS} each, ` +
  'of the mean wall-clock time per call within a repetition; min_s and max_s are the extreme repetitions.';

const SECONDS_PER = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 };

async function binary() {
  try {
    await access(BINARY);
  } catch {
    throw new Error(`${BINARY} is missing: build it with \`npm run build:native\`.`);
  }
  return BINARY;
}

// The lab catalog as the native build has it, with the reference libraries
// (OpenBLAS) that bench_native measures beside it added to its kernels as
// {name, lesson, operation, student, tunables}.
export async function nativeCatalog() {
  const { stdout } = await promisify(execFile)(await binary(), ['--catalog']);
  const { lab, references } = JSON.parse(stdout);
  return { ...lab, kernels: [...lab.kernels, ...references] };
}

// The plan as bench_native reads it: one request per line, "kernel m n k block
// threads", with "-" for a field the request does not give.
function planText(plan) {
  const field = (v) => (v === undefined ? '-' : String(v));
  return plan
    .map((run) => {
      const { kernel, m, n, k, block, threads } = runRequest(run);
      return `${kernel} ${[m, n, k, block, threads].map(field).join(' ')}\n`;
    })
    .join('');
}

async function withPlanFile(plan, use) {
  const dir = await mkdtemp(join(tmpdir(), 'kernel-lab-bench-'));
  try {
    const planFile = join(dir, 'plan.txt');
    await writeFile(planFile, planText(plan));
    return await use(planFile, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The lab's own verdict on every run of the plan, in order, from the native
// build's validate() (bench_native --check): see settlePlan in plan.mjs.
export async function checkNativePlan(plan) {
  const exe = await binary();
  return withPlanFile(plan, async (planFile) => {
    const { stdout } = await promisify(execFile)(exe, [`--check=${planFile}`], { maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  });
}

// Google Benchmark writes NaN and Infinity as bare words, which JSON.parse
// refuses: a counter whose mean is 0 (block, for unblocked kernels) gets a NaN
// coefficient of variation. NaN becomes null; 1e999 parses as Infinity.
function parseReport(text) {
  return JSON.parse(text.replace(/": (-?)(NaN|Infinity)\b/g, (_, sign, word) => (word === 'NaN' ? '": null' : `": ${sign}1e999`)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Google Benchmark writes one "iteration" entry per repetition; they share a run_name.
const METRIC = 'metric_';

function byRun(benchmarks) {
  const runs = new Map();
  for (const entry of benchmarks) {
    if (entry.run_type !== 'iteration') continue;
    if (!runs.has(entry.run_name)) runs.set(entry.run_name, []);
    runs.get(entry.run_name).push(entry);
  }
  return runs.values();
}

// bench_native writes each check metric as a counter named metric_<name>.
function metricsOf(entry) {
  return Object.fromEntries(
    Object.entries(entry)
      .filter(([key]) => key.startsWith(METRIC))
      .map(([key, value]) => [key.slice(METRIC.length), value]),
  );
}

function convert(report, kernels) {
  const byName = new Map(kernels.map((k) => [k.name, k]));
  const results = [];
  const skipped = [];
  for (const reps of byRun(report.benchmarks)) {
    const first = reps[0];
    // Names are kernel/n/block/threads, then Google Benchmark's own suffixes.
    const [name, n, block, threads] = first.name.split('/');
    if (first.error_occurred) {
      skipped.push(
        skippedRow({
          kernel: name,
          target: 'native',
          n: Number(n),
          block: Number(block),
          threads: Number(threads),
          reason: first.error_message,
        }),
      );
      continue;
    }
    const seconds = reps.map((r) => r.real_time * SECONDS_PER[r.time_unit]);
    results.push(
      resultRow({
        kernel: byName.get(name),
        target: 'native',
        n: first.n,
        block: first.block,
        threads: first.kernel_threads,
        flops: first.flops,
        bytes: first.bytes,
        timing: { median_s: median(seconds), min_s: Math.min(...seconds), max_s: Math.max(...seconds), count: seconds.length },
        check: { max_rel_err: first.max_rel_err, tolerance: first.tolerance, passed: first.check_passed === 1, metrics: metricsOf(first) },
      }),
    );
  }
  return { results, skipped };
}

// Runs the plan; Google Benchmark's progress goes to our stderr. Resolves
// with the rows, the skipped kernels, and Google Benchmark's context (CPU
// frequency, caches, library build type) for the machine description.
export async function runNative(plan, minTime, catalog) {
  const exe = await binary();
  return withPlanFile(plan, async (planFile, dir) => {
    const out = join(dir, 'native.json');
    const args = [
      `--plan=${planFile}`,
      `--benchmark_min_time=${minTime / REPETITIONS}`,
      `--benchmark_repetitions=${REPETITIONS}`,
      '--benchmark_display_aggregates_only=true', // on the console; the file keeps every repetition
      `--benchmark_out=${out}`,
      '--benchmark_out_format=json',
    ];
    await new Promise((resolve, reject) => {
      const child = spawn(exe, args, { stdio: ['ignore', process.stderr, 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`bench_native failed (${signal ?? `exit status ${code}`}).`)),
      );
    });
    const report = parseReport(await readFile(out, 'utf8'));
    return { ...convert(report, catalog.kernels), context: report.context };
  });
}
