// The benchmark's plan: vector kernels at the lengths, matrix kernels at the
// sizes, thread counts only for kernels that take threads, and by default the
// large size that the threads target needs only where threads are measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOptions, UsageError } from '../../bench/options.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkNativePlan } from '../../bench/native/run-native.mjs';
import { benchPlan, DEFAULT_SIZES, runRequest, settlePlan, THREADED_SIZES } from '../../bench/plan.mjs';
import { abPlan } from '../../bench/ab-targets.mjs';
import { evaluateTargets, resolveTargets } from '../../bench/targets.mjs';
import { AB_MIN_TIME_S } from '../../web/measure/ab-run.js';

// Kernels as the catalog describes them; the names are only names.
const CATALOG = {
  build: { max_threads: 4 },
  operations: [
    { id: 'f32_matmul', shape: 'matrix', default_shape: { m: 512, n: 512, k: 512 } },
    { id: 'f32_relu', shape: 'vector', default_shape: { m: 1, n: 1048576, k: 1 } },
  ],
  kernels: [
    { name: 'f32_matmul_ijk', operation: 'f32_matmul', role: 'naive', dtype: 'f32', variant: 'autovec', tunables: [] },
    { name: 'f32_relu_scalar', operation: 'f32_relu', role: 'elementwise', dtype: 'f32', variant: 'scalar', tunables: [] },
    {
      name: 'f32_matmul_4x8_wasmsimd',
      operation: 'f32_matmul',
      role: 'register_blocked',
      dtype: 'f32',
      variant: 'simd128',
      tunables: ['block', 'threads'],
    },
  ],
};
// The expert GEMM, under a name no code could guess its role from.
const EXPERT = { name: 'gemm_x', operation: 'f32_matmul', role: 'expert', dtype: 'f32', variant: 'simd128', tunables: ['threads'] };

const plan = (argv) => benchPlan(CATALOG, parseOptions(argv), 'wasm');
const runsOf = (runs, kernel) => runs.filter((r) => r.kernel === kernel);

test('by default: vectors at 1048576 and 16777216, matrices at the default sizes, threaded kernels also at 1024', () => {
  const runs = plan([]);
  assert.deepEqual(
    runsOf(runs, 'f32_relu_scalar').map((r) => r.n),
    [1048576, 16777216],
  );
  assert.deepEqual(
    runsOf(runs, 'f32_matmul_ijk').map((r) => r.n),
    DEFAULT_SIZES,
  );
  // At all threads; on one thread it also runs at the sizes a target compares (below).
  const threaded = runsOf(runs, 'f32_matmul_4x8_wasmsimd').filter((r) => r.threads === 4);
  assert.deepEqual([...new Set(threaded.map((r) => r.n))], THREADED_SIZES);
  assert.ok(THREADED_SIZES.includes(1024) && !DEFAULT_SIZES.includes(1024));
});

test('threads: 1 and max for kernels that take them, none for the others', () => {
  const runs = plan(['--blocks=64']);
  assert.deepEqual(
    runsOf(runs, 'f32_matmul_4x8_wasmsimd')
      .filter((r) => r.n === 1024)
      .map((r) => r.threads),
    [1, 4],
  );
  assert.ok(runsOf(runs, 'f32_matmul_ijk').every((r) => r.threads === null && r.block === null));
  assert.deepEqual(
    runsOf(plan(['--threads=2,max,2']), 'f32_matmul_4x8_wasmsimd')
      .filter((r) => r.n === 256 && r.block === 64)
      .map((r) => r.threads),
    [2, 4],
  );
  assert.throws(() => plan(['--threads=8']), UsageError);
  assert.throws(() => parseOptions(['--threads=0']), UsageError);
});

test('explicit sizes apply to every matrix kernel; every block is planned, for the lab to judge', () => {
  const runs = plan(['--sizes=48', '--lengths=7,9', '--blocks=32,64']);
  assert.deepEqual(
    runsOf(runs, 'f32_relu_scalar').map((r) => r.n),
    [7, 9],
  );
  assert.deepEqual(
    runsOf(runs, 'f32_matmul_4x8_wasmsimd').map((r) => [r.n, r.block]),
    [
      [48, 32],
      [48, 32],
      [48, 64],
      [48, 64],
    ],
  );
});

test('a run refused for its block is left out; any other refusal is an error, one line per message', () => {
  const runs = plan(['--sizes=48', '--blocks=32,64', '--threads=1']);
  const verdicts = runs.map((r) =>
    r.block === 64
      ? { status: 'invalid', field: 'block', error: 'too big' }
      : r.kernel === 'f32_relu_scalar'
        ? { status: 'invalid', field: 'n', error: 'no memory' }
        : { status: 'ok' },
  );
  const settled = settlePlan(runs, verdicts, 'wasm');
  assert.ok(settled.runs.every((r) => r.block !== 64 && r.kernel !== 'f32_relu_scalar'));
  assert.equal(settled.runs.length, runs.filter((r) => r.block !== 64 && r.kernel !== 'f32_relu_scalar').length);
  assert.deepEqual(settled.errors, ['wasm: no memory (2 runs, the first f32_relu_scalar n=1048576)']);
});

// The lab's own C++ (the native build's validate()) decides, not a rule in the bench.
const NATIVE = fileURLToPath(new URL('../../build/native/bench/bench_native', import.meta.url));
test(
  'the native build leaves out blocks larger than N and refuses sizes it cannot hold',
  { skip: !existsSync(NATIVE) && 'no native build' },
  async () => {
    const runs = plan(['--sizes=48', '--lengths=7', '--blocks=32,64', '--threads=1']);
    const settled = settlePlan(runs, await checkNativePlan(runs), 'native');
    assert.deepEqual(settled.errors, []);
    assert.deepEqual(
      runsOf(settled.runs, 'f32_matmul_4x8_wasmsimd').map((r) => [r.n, r.block]),
      [[48, 32]],
    );
    assert.deepEqual(
      runsOf(settled.runs, 'f32_relu_scalar').map((r) => r.n),
      [7],
    );
    const huge = settlePlan(
      plan(['--sizes=2000000', '--threads=1']),
      await checkNativePlan(plan(['--sizes=2000000', '--threads=1'])),
      'native',
    );
    assert.match(huge.errors.join('\n'), /native: N = 2,000,000 is too large; the most it can be is 1,048,576\./);
  },
);

test('a planned run is the request the page would send: only n for a square product', () => {
  assert.deepEqual(runRequest({ kernel: 'f32_matmul_ijk', vector: false, n: 64, block: null, threads: null }), {
    kernel: 'f32_matmul_ijk',
    m: undefined,
    n: 64,
    k: undefined,
    block: undefined,
    threads: undefined,
  });
  assert.deepEqual(runRequest({ kernel: 'ffn_block_int8', vector: false, m: 64, n: 2048, k: 512, block: null, threads: 2 }), {
    kernel: 'ffn_block_int8',
    m: 64,
    n: 2048,
    k: 512,
    block: undefined,
    threads: 2,
  });
});

test('runs are grouped problem by problem, so each problem is built once', () => {
  const problems = plan([]).map((r) => `${r.vector} ${r.n}`);
  const changes = problems.filter((p, i) => i === 0 || p !== problems[i - 1]);
  assert.equal(changes.length, new Set(problems).size);
});

test('the roofline probes run at their own lengths, on 1 and all threads, whatever --lengths says', () => {
  const catalog = {
    ...CATALOG,
    operations: [
      ...CATALOG.operations,
      { id: 'f32_mul_add', shape: 'vector', default_shape: { m: 1, n: 2 ** 26, k: 1 } },
      { id: 'f32_triad', shape: 'vector', default_shape: { m: 1, n: 2 ** 25, k: 1 } },
    ],
    kernels: [
      ...CATALOG.kernels,
      { name: 'peak', operation: 'f32_mul_add', role: 'ceiling_probe', tunables: ['threads'] },
      { name: 'triad', operation: 'f32_triad', role: 'bandwidth_probe', tunables: ['threads'] },
    ],
  };
  const runs = benchPlan(catalog, parseOptions(['--lengths=4096']), 'wasm');
  assert.deepEqual(
    runsOf(runs, 'peak').map((r) => [r.n, r.threads]),
    [
      [2 ** 26, 1],
      [2 ** 26, 4],
    ],
  );
  assert.deepEqual(
    runsOf(runs, 'triad').map((r) => [r.n, r.threads]),
    [
      [2 ** 25, 1],
      [2 ** 25, 4],
    ],
  );
  assert.deepEqual(
    runsOf(runs, 'f32_relu_scalar').map((r) => r.n),
    [4096],
  );
});

test('the capstone models run once per thread count at their default shape, whatever --sizes says', () => {
  const catalog = {
    build: { max_threads: 4 },
    operations: [{ id: 'ffn_block', shape: 'matrix', default_shape: { m: 64, n: 2048, k: 512 } }],
    kernels: [
      { name: 'ffn_block_naive', operation: 'ffn_block', role: 'backend', backend: 'naive', tunables: [] },
      { name: 'ffn_block_int8', operation: 'ffn_block', role: 'backend', backend: 'int8', tunables: ['threads'] },
    ],
  };
  for (const argv of [[], ['--sizes=48']]) {
    const runs = benchPlan(catalog, parseOptions(argv), 'wasm');
    assert.deepEqual(
      runsOf(runs, 'ffn_block_naive').map(({ m, n, k, threads }) => [m, n, k, threads]),
      [[64, 2048, 512, null]],
    );
    assert.deepEqual(
      runsOf(runs, 'ffn_block_int8').map(({ m, n, k, threads }) => [m, n, k, threads]),
      [
        [64, 2048, 512, 1],
        [64, 2048, 512, 4],
      ],
    );
  }
});

test('by default the plan also runs each size a target compares, at planned thread counts; --sizes replaces them', () => {
  const catalog = { ...CATALOG, kernels: [...CATALOG.kernels, EXPERT] };
  const runs = benchPlan(catalog, parseOptions(['--blocks=64']), 'wasm');
  for (const target of resolveTargets(catalog).filter((t) => t.ns && t.faster.kernel && t.slower.kernel)) {
    for (const side of [target.faster, target.slower]) {
      const atOneThread = runsOf(runs, side.kernel)
        .filter((r) => r.threads === side.threads)
        .map((r) => r.n);
      for (const n of target.ns) assert.ok(atOneThread.includes(n), `${side.kernel} at n = ${n}`);
    }
  }
  assert.deepEqual(
    runsOf(runs, EXPERT.name)
      .filter((r) => r.n === 1024)
      .map((r) => r.threads),
    [1, 4],
  );
  const twoThreads = benchPlan(catalog, parseOptions(['--threads=2']), 'wasm');
  assert.ok(runsOf(twoThreads, EXPERT.name).every((r) => r.threads === 2));
  const sized = benchPlan(catalog, parseOptions(['--sizes=48']), 'wasm');
  assert.deepEqual([...new Set(sized.filter((r) => !r.vector).map((r) => r.n))], [48]);
});

test('a target over several sizes holds only if it holds at every one, and reports the smallest ratio', () => {
  const catalog = { ...CATALOG, kernels: [...CATALOG.kernels, EXPERT] };
  const target = resolveTargets(catalog).find((t) => t.id === 'expert_vs_simd');
  assert.deepEqual([target.faster.kernel, target.slower.kernel], [EXPERT.name, 'f32_matmul_4x8_wasmsimd']);
  const row = (kernel, n, gflops) => ({ target: 'wasm', kernel, n, threads: 1, block: null, gflops, median_s: 1 });
  const rows = target.ns.flatMap((n) => [row(target.faster.kernel, n, 30), row(target.slower.kernel, n, 20)]);
  const verdict = (all) => evaluateTargets(all, catalog).find((t) => t.id === target.id).wasm;
  assert.equal(verdict(rows).meets_goal, true);
  assert.equal(verdict(rows).ratio, 1.5);
  const slowAt100 = rows.map((r) => (r.kernel === target.faster.kernel && r.n === 100 ? { ...r, gflops: 10 } : r));
  assert.equal(verdict(slowAt100).meets_goal, false);
  assert.equal(verdict(slowAt100).worst_n, 100);
  assert.equal(verdict(slowAt100).ratio, 0.5);
  const missing = rows.filter((r) => r.n !== 257);
  assert.equal(verdict(missing).meets_goal, null);
  assert.equal(verdict(missing).worst_n, 257);
});

test('the interleaved plan runs each target side at its best sweep block and at the build\'s threads for "max"', () => {
  const catalog = { ...CATALOG, kernels: [...CATALOG.kernels, EXPERT] };
  const row = (kernel, n, threads, block, gflops) => ({ target: 'wasm', kernel, n, threads, block, gflops, median_s: 1 });
  const rows = [
    row('f32_matmul_4x8_wasmsimd', 1024, 1, 32, 10),
    row('f32_matmul_4x8_wasmsimd', 1024, 1, 64, 12),
    row('f32_matmul_4x8_wasmsimd', 1024, 4, 32, 30),
  ];
  const plan = abPlan(catalog, rows);
  const threads = plan.find((p) => p.id === 'threads');
  assert.deepEqual(threads.slower, { kernel: 'f32_matmul_4x8_wasmsimd', n: 1024, block: 64, threads: 1, min_time_s: AB_MIN_TIME_S });
  assert.equal(threads.faster.threads, 2);
  assert.equal(threads.faster.block, undefined, 'no sweep row at 2 threads: the C++ default block');
  const perSize = plan.filter((p) => p.id === 'expert_vs_simd').map((p) => p.n);
  assert.deepEqual(perSize, resolveTargets(catalog).find((t) => t.id === 'expert_vs_simd').ns);
  assert.deepEqual(
    abPlan(catalog, rows, ['gemm_x']).map((p) => p.id),
    ['expert_threads'],
    'only targets whose two kernels --kernels chose are compared',
  );
});

test('a wasm target is judged by its interleaved rounds: median against the goal, interval beside it, refused on drift', () => {
  const catalog = { ...CATALOG, kernels: [...CATALOG.kernels, EXPERT] };
  const target = resolveTargets(catalog).find((t) => t.id === 'expert_vs_simd');
  const side = (kernel) => ({ kernel, shape: { threads: 1 }, median_s: 1, rate: 1 });
  const comparison = (n, ratio, low, high, drift = null) => ({
    id: target.id,
    n,
    status: 'ok',
    a: side(target.faster.kernel),
    b: side(target.slower.kernel),
    comparison: { ratio, low, high, level: 0.98, rounds: 10, widened_by: 1, verdict: low > 1 ? 'faster' : 'same', drift },
  });
  const all = target.ns.map((n) => comparison(n, 1.3, 1.2, 1.4));
  const judge = (comparisons) => evaluateTargets([], catalog, comparisons).find((t) => t.id === target.id).wasm;
  assert.equal(judge(all).meets_goal, true);
  assert.equal(judge(all).against_goal, 'above');
  const straddling = all.map((c) => (c.n === 257 ? comparison(257, 1.02, 0.95, 1.1) : c));
  assert.equal(judge(straddling).worst_n, 257);
  assert.equal(judge(straddling).meets_goal, true, 'the median decides; the interval is reported beside it');
  assert.equal(judge(straddling).against_goal, 'straddles');
  const below = all.map((c) => (c.n === 64 ? comparison(64, 0.9, 0.85, 0.95) : c));
  assert.equal(judge(below).meets_goal, false);
  const drifted = all.map((c) => (c.n === 64 ? { ...c, comparison: { ...c.comparison, verdict: 'refused' } } : c));
  assert.equal(judge(drifted).meets_goal, false, 'no verdict under drift is no pass');
  assert.equal(judge(drifted).against_goal, 'refused');
  const driftedLater = all.map((c) => (c.n === 512 ? { ...c, comparison: { ...c.comparison, ratio: 1.5, verdict: 'refused' } } : c));
  assert.equal(judge(driftedLater).meets_goal, false, 'a refused size fails the target even when another size is the smallest');
  assert.equal(judge(all.slice(1)).meets_goal, null, 'a size not compared leaves the target unjudged');
});
