// The lab's performance targets. Each is a ratio of two kernels' speeds. They
// are set for WebAssembly in the browser, where students run the lab, and
// measured there in interleaved rounds (bench/ab-targets.mjs): the median of
// the rounds' ratios, with its interval and the machine's drift beside it. The
// native ratio, from the sweep's two medians, is shown for comparison.
import { againstGoal } from '../web/measure/ab-stats.js';
import { intervalText, driftText, VERDICT_WORDS } from '../web/measure/ab-text.js';
import { best, EXPERT, kernelName, PEAK, pick } from './summary.mjs';
import { formatGflops, formatRatio, formatSeconds } from './table.mjs';

// The kernels the targets compare, by their catalog fields.
const SIMD_MATMUL = { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' };
const SCALAR_MATMUL = { role: 'register_blocked', operation: 'f32_matmul', variant: 'scalar' };
const BLOCKED_MATMUL = { role: 'blocked', operation: 'f32_matmul' };
const FFN = (backend) => ({ role: 'backend', operation: 'ffn_block', backend });
// The relaxed-SIMD tier: kernels in a module of their own, registered at run
// time where the browser validates relaxed SIMD (so absent natively).
const RELAXED = { variant: 'relaxed_simd', runtime: true };
const FMA_EXPERT = { role: 'expert', operation: 'f32_matmul', ...RELAXED };
const FMA_PEAK = { role: 'ceiling_probe', ...RELAXED };

// Each side of a ratio is the best row (over block sizes) of one kernel (`of`,
// its catalog fields) at one size, and at one thread count where `threads` is
// given ('max': the most it ran on). A side without n runs at its operation's
// default shape. A target with `ns` instead compares both kernels at each of
// those sizes and holds only if every ratio does: its ratio is the smallest one.
// A title may be a function of the faster side's default shape {m, n, k}. A
// goal of null reports the ratio with no pass or fail: what it should be
// depends on the core.
// bench/plan.mjs runs the kernels of every target at the sizes it names.
export const TARGETS = [
  {
    id: 'simd_matmul',
    title: 'SIMD128 matmul against the best scalar blocked kernel, N = 512, one thread',
    goal: 3,
    faster: { of: SIMD_MATMUL, n: 512, threads: 1 },
    slower: { of: SCALAR_MATMUL, n: 512 },
    // The blocked kernel of lesson 2 is compiled with the vectorizer on: the
    // comparison a student sees when moving from lesson 2 to lesson 3.
    also: [{ label: "lesson 2's blocked kernel (auto-vectorized)", slower: { of: BLOCKED_MATMUL, n: 512 } }],
  },
  {
    id: 'simd_relu',
    title: 'SIMD128 ReLU against scalar ReLU, n = 1048576',
    goal: 2.5,
    faster: { of: { role: 'elementwise', operation: 'f32_relu', variant: 'simd128' }, n: 1048576 },
    slower: { of: { role: 'elementwise', operation: 'f32_relu', variant: 'scalar' }, n: 1048576 },
    also: [],
  },
  {
    id: 'threads',
    title: 'SIMD128 matmul on 2 threads against 1 thread, N = 1024',
    goal: 1.8,
    faster: { of: SIMD_MATMUL, n: 1024, threads: 2 },
    slower: { of: SIMD_MATMUL, n: 1024, threads: 1 },
    also: [],
  },
  // Both schedules of one operation do the same flops, so their GFLOP/s ratio
  // is their speed ratio.
  {
    id: 'fusion_gelu',
    title: 'fused GELU against unfused GELU (eight passes over memory), n = 16777216',
    goal: 2,
    faster: { of: { role: 'fused', operation: 'f32_gelu' }, n: 16777216 },
    slower: { of: { role: 'unfused', operation: 'f32_gelu' }, n: 16777216 },
    also: [],
  },
  {
    id: 'fusion_matmul',
    title: 'matmul with a bias and GELU epilogue against GEMM, bias and GELU passes, N = 512, one thread',
    goal: 1,
    faster: { of: { role: 'fused', operation: 'f32_matmul_bias_gelu' }, n: 512, threads: 1 },
    slower: { of: { role: 'unfused', operation: 'f32_matmul_bias_gelu' }, n: 512, threads: 1 },
    also: [],
  },
  {
    id: 'int8_matmul',
    title: 'int8 SIMD128 matmul against the f32 SIMD128 matmul, N = 1024, one thread',
    goal: 1.5,
    faster: { of: { operation: 'i8_matmul', variant: 'simd128' }, n: 1024, threads: 1 },
    slower: { of: SIMD_MATMUL, n: 1024, threads: 1 },
    also: [],
    // Speed counts only while the int8 result stays this close to the f32 product.
    bound: { metric: 'rel_frobenius_vs_f32', max: 0.01 },
  },
  // The capstone's feed-forward block at its default sizes (batch 64, d_model
  // 512, d_ff 2048; n is d_ff, from the catalog), end to end on each backend, on all threads.
  {
    id: 'capstone_optimized',
    title: ({ m, n, k }) => `capstone FFN block, optimized backend against naive, batch ${m} x ${k} x ${n}, all threads`,
    goal: 20,
    faster: { of: FFN('optimized'), threads: 'max' },
    slower: { of: FFN('naive') },
    also: [],
  },
  {
    id: 'capstone_int8',
    title: ({ m, n, k }) => `capstone FFN block, int8 backend against optimized, batch ${m} x ${k} x ${n}, all threads`,
    goal: 1,
    faster: { of: FFN('int8'), threads: 'max' },
    slower: { of: FFN('optimized'), threads: 'max' },
    also: [],
    // The output against the block computed in double, relative Frobenius.
    bound: { metric: 'rel_frobenius_vs_f32', max: 0.01 },
  },
  {
    id: 'expert_threads',
    title: 'expert GEMM on 2 threads against 1 thread, N = 1024',
    goal: 1.85,
    faster: { of: EXPERT, n: 1024, threads: 2 },
    slower: { of: EXPERT, n: 1024, threads: 1 },
    also: [],
  },
  {
    // Powers of two, and sizes that are not a multiple of either kernel's tile
    // (100 and 257), where edge handling shows.
    id: 'expert_vs_simd',
    title: 'expert GEMM against the SIMD128 matmul of lesson 3, one thread, at every N listed',
    goal: 1,
    ns: [64, 100, 128, 256, 257, 512, 1024],
    faster: { of: EXPERT, threads: 1 },
    slower: { of: SIMD_MATMUL, threads: 1 },
    also: [],
  },
  // The probe does nothing but mul+add in registers: the most this core's
  // SIMD128 can do. A GEMM also loads, packs and stores, so near it is the goal.
  {
    id: 'expert_ceiling',
    title: 'expert GEMM against the mul+add ceiling probe, N = 1024, one thread',
    goal: 0.9,
    faster: { of: EXPERT, n: 1024, threads: 1 },
    slower: { of: PEAK, threads: 1 },
    also: [],
  },
  // The same GEMM with one relaxed-SIMD FMA per step, against the same probe
  // with FMA steps: each against its own ceiling.
  {
    id: 'fma_expert_ceiling',
    title: 'FMA expert GEMM (relaxed SIMD) against the FMA ceiling probe, one thread, at every N listed',
    goal: 0.9,
    ns: [512, 1024],
    faster: { of: FMA_EXPERT, threads: 1 },
    // The probe runs at its own length whatever N the GEMM runs at.
    slower: { of: FMA_PEAK, threads: 1, ownN: true },
    also: [],
  },
  // Whether FMA pays depends on the core (shared mul/add ports or separate
  // pipes), so this ratio is reported, not judged.
  {
    id: 'fma_expert_vs_expert',
    title: 'FMA expert GEMM (relaxed SIMD) against the mul+add expert GEMM, N = 1024, one thread',
    goal: null,
    faster: { of: FMA_EXPERT, n: 1024, threads: 1 },
    slower: { of: EXPERT, n: 1024, threads: 1 },
    also: [],
  },
  {
    id: 'relaxed_int8_matmul',
    title: 'int8 matmul with relaxed-SIMD dot products against the int8 SIMD128 matmul, N = 1024, one thread',
    goal: 1.5,
    faster: { of: { operation: 'i8_matmul', ...RELAXED }, n: 1024, threads: 1 },
    slower: { of: { operation: 'i8_matmul', variant: 'simd128' }, n: 1024, threads: 1 },
    also: [],
  },
];

// The default shape of the operation of the kernel a side names, or null.
function defaultShapeOf(catalog, of) {
  const operation = catalog.kernels.find((k) => k.name === kernelName(catalog, of))?.operation;
  return catalog.operations.find((op) => op.id === operation)?.default_shape ?? null;
}

// A side as this catalog names it: {kernel, n, threads}, the kernel null when
// the catalog has none with those fields, n its operation's default where the
// side gives none.
function resolveSide(catalog, { of, ...side }) {
  return { kernel: kernelName(catalog, of), ...side, n: side.n ?? defaultShapeOf(catalog, of)?.n ?? null };
}

// TARGETS with each side's kernel named from the catalog.
export function resolveTargets(catalog) {
  return TARGETS.map((t) => ({
    ...t,
    title: typeof t.title === 'function' ? t.title(defaultShapeOf(catalog, t.faster.of) ?? {}) : t.title,
    faster: resolveSide(catalog, t.faster),
    slower: resolveSide(catalog, t.slower),
    also: t.also.map((a) => ({ ...a, slower: resolveSide(catalog, a.slower) })),
  }));
}

// The specs of a (resolved) target at one size: its own n, or each of its ns.
export function specsAt(target) {
  const at = (side, n) => (n === null || side.ownN ? side : { ...side, n });
  return (target.ns ?? [null]).map((n) => ({ faster: at(target.faster, n), slower: at(target.slower, n) }));
}

// Every {kernel, n, threads} some target compares.
export function targetSpecs(catalog) {
  return resolveTargets(catalog).flatMap((t) => specsAt(t).flatMap(({ faster, slower }) => [faster, slower]));
}

// threads: a count, 'max' for the most this kernel ran on, or undefined for any.
function matching(rows, { kernel, n, threads }) {
  const mine = rows.filter((r) => r.kernel === kernel && r.n === n);
  const wanted = threads === 'max' ? Math.max(...mine.map((r) => r.threads)) : threads;
  return best(mine.filter((r) => wanted === undefined || r.threads === wanted));
}

// The target's bound, read from the faster kernel's sweep row, and whether it held.
function boundOf(target, row) {
  const bound = target.bound && { ...target.bound, value: row?.metrics?.[target.bound.metric] ?? null };
  return { bound, withinBound: !bound || (bound.value !== null && bound.value <= bound.max) };
}

// The target's ratio: at its one size, or its smallest over its sizes (null
// when any size was not measured), with the ratio at each size in `at`.
function compare(rows, target) {
  const at = specsAt(target).map((spec) => {
    const f = matching(rows, spec.faster);
    const s = matching(rows, spec.slower);
    return { n: spec.faster.n, faster: f, slower: s, ratio: f && s ? f.gflops / s.gflops : null };
  });
  const worst = at.find((a) => a.ratio === null) ?? at.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const { faster, slower, ratio } = worst;
  const { bound, withinBound } = boundOf(target, faster);
  return {
    faster: pick(faster),
    slower: pick(slower),
    ratio,
    bound,
    meets_goal: ratio === null || target.goal === null ? null : ratio >= target.goal && withinBound,
    ...(target.ns && { worst_n: worst.n, at: at.map((a) => ({ n: a.n, ratio: a.ratio })) }),
    also: target.also.map((a) => {
      const other = matching(rows, a.slower);
      return { label: a.label, slower: pick(other), ratio: faster && other ? faster.gflops / other.gflops : null };
    }),
  };
}

// The target's verdict from its interleaved comparisons (bench/ab-targets.mjs):
// at its one size, or at the size of its smallest median over its sizes (null
// when any size has no result, a fail when any size's verdict was refused). The bound, a property of the result, comes
// from the faster kernel's sweep row at that size.
function compareInterleaved(rows, target, comparisons) {
  const at = specsAt(target).map((spec) => {
    const c = comparisons.find((x) => x.id === target.id && x.n === spec.faster.n);
    return { n: spec.faster.n, spec, result: c?.status === 'ok' ? c : null, status: c?.status ?? 'not run', error: c?.error };
  });
  const worst = at.find((a) => !a.result) ?? at.reduce((a, b) => (b.result.comparison.ratio < a.result.comparison.ratio ? b : a));
  const sweep = compare(rows, target);
  if (!worst.result)
    return { ...sweep, interleaved: { status: worst.status, error: worst.error, n: worst.n }, ratio: null, meets_goal: null };
  const c = worst.result.comparison;
  // A size whose verdict was refused for drift leaves the whole target unjudged, whichever size is smallest.
  const refused = at.some((a) => a.result.comparison.verdict === 'refused');
  const row = matching(rows, worst.spec.faster);
  const { bound, withinBound } = boundOf(target, row);
  const side = (s) => ({
    kernel: s.kernel,
    threads: s.shape?.threads ?? null,
    block: s.shape?.block ?? null,
    median_s: s.median_s,
    rate: s.rate,
  });
  return {
    faster: side(worst.result.a),
    slower: side(worst.result.b),
    ratio: c.ratio,
    interval: { low: c.low, high: c.high, level: c.level, rounds: c.rounds, widened_by: c.widened_by },
    verdict: c.verdict,
    against_goal: target.goal === null ? 'reported' : refused ? 'refused' : againstGoal(c, target.goal),
    drift: c.drift,
    bound,
    meets_goal: target.goal === null ? null : !refused && c.ratio >= target.goal && withinBound,
    sweep_ratio: sweep.ratio,
    ...(target.ns && {
      worst_n: worst.n,
      at: at.map((a) => ({
        n: a.n,
        ratio: a.result?.comparison.ratio ?? null,
        low: a.result?.comparison.low ?? null,
        high: a.result?.comparison.high ?? null,
        refused_drift: a.result?.comparison.verdict === 'refused' ? (a.result.comparison.drift?.change ?? null) : null,
      })),
    }),
    also: sweep.also,
  };
}

// catalog: the lab catalog the rows were measured from, which names the
// kernels. comparisons: the interleaved rounds of bench/ab-targets.mjs; a run
// without them (none given) judges wasm by the sweep's medians, as native.
export function evaluateTargets(results, catalog, comparisons = null) {
  const on = (target) => results.filter((r) => r.target === target && !r.student);
  return resolveTargets(catalog).map((t) => ({
    id: t.id,
    title: t.title,
    goal: t.goal,
    wasm: comparisons ? compareInterleaved(on('wasm'), t, comparisons) : compare(on('wasm'), t),
    native: compare(on('native'), t),
  }));
}

function describeAt(at) {
  return at.map((a) => `${a.n}: ${formatRatio(a.ratio)}`).join(', ');
}

function describeSpec({ kernel, n, threads }) {
  return `${kernel} at n = ${n}${threads ? ` on ${threads} thread${threads === 1 ? '' : 's'}` : ''}`;
}

function describePick(p) {
  const details = [p.block && `block ${p.block}`, p.threads > 1 && `${p.threads} threads`].filter(Boolean);
  return (
    `${p.kernel}${details.length ? ` (${details.join(', ')})` : ''} ` + `${formatGflops(p.gflops)} GFLOP/s, ${formatSeconds(p.median_s)}`
  );
}

function describeBound({ metric, max, value }) {
  return `${metric} ${value === null ? 'not reported' : `${(100 * value).toFixed(3)}%`} (at most ${100 * max}%)`;
}

// An interval as the table and the lines write it: [low, high], a dash for an end not measured.
const bracket = ({ low, high }) => `[${low === null ? '—' : formatRatio(low)}, ${high === null ? '—' : formatRatio(high)}]`;

function describeSide(p) {
  const details = [p.block && `block ${p.block}`, p.threads > 1 && `${p.threads} threads`].filter(Boolean);
  return `${p.kernel}${details.length ? ` (${details.join(', ')})` : ''} ${formatSeconds(p.median_s)}`;
}

const GOAL_WORDS = {
  above: 'the whole interval is at or above the goal',
  below: 'the whole interval is below the goal',
  straddles: 'the interval straddles the goal',
  reported: 'reported, with no goal',
  refused: 'no verdict',
};

// The interleaved result of a target, or why there is none.
function describeInterleaved(w, t, spec) {
  if (w.ratio === null) {
    if (w.interleaved)
      return [
        `  wasm: not measured at n = ${w.interleaved.n}: ${w.interleaved.status}${w.interleaved.error ? ` (${w.interleaved.error})` : ''}`,
      ];
    const sides = spec.ns ? specsAt(spec).find((s) => s.faster.n === w.worst_n) : spec;
    const missing = [w.faster ? null : sides.faster, w.slower ? null : sides.slower].filter(Boolean);
    return [`  wasm: not measured; this run has no ${missing.map(describeSpec).join(', and no ')}`];
  }
  const lines = [];
  const verdict = w.meets_goal === null ? VERDICT_WORDS[w.verdict] : w.meets_goal ? 'PASS' : 'FAIL';
  if (w.interval) {
    lines.push(
      `  wasm, interleaved: ${w.at ? `smallest, at n = ${w.worst_n}: ` : ''}${describeSide(w.faster)} / ${describeSide(w.slower)}: ` +
        `${intervalText({ ratio: w.ratio, ...w.interval })}, ${GOAL_WORDS[w.against_goal]}` +
        `${w.bound ? `, ${describeBound(w.bound)}` : ''}: ${verdict}`,
    );
    const drift = driftText(w.drift);
    if (drift) lines.push(`    ${drift}`);
    if (w.at)
      lines.push(
        `    at each n: ${w.at.map((a) => `${a.n}: ${a.ratio === null ? '—' : `${formatRatio(a.ratio)} ${bracket(a)}${a.refused_drift == null ? '' : ` (no verdict: drift ${(100 * a.refused_drift).toFixed(1)}%)`}`}`).join(', ')}`,
      );
    if (w.sweep_ratio !== null) lines.push(`    the sweep's two medians, taken apart, gave ${formatRatio(w.sweep_ratio)}`);
  } else {
    lines.push(
      `  wasm: ${w.at ? `smallest, at n = ${w.worst_n}: ` : ''}` +
        `${describePick(w.faster)} / ${describePick(w.slower)} = ${formatRatio(w.ratio)}` +
        `${w.bound ? `, ${describeBound(w.bound)}` : ''}: ${verdict}`,
    );
    if (w.at) lines.push(`    at each n: ${describeAt(w.at)}`);
  }
  return lines;
}

function describeTarget(t, spec) {
  const w = t.wasm;
  const goal = t.goal === null ? 'no target, reported only' : `target >= ${formatRatio(t.goal)}`;
  const lines = [`${t.title}: ${goal}`, ...describeInterleaved(w, t, spec)];
  for (const a of w.also) {
    if (a.ratio !== null) lines.push(`    against ${a.label}, ${describePick(a.slower)}: ${formatRatio(a.ratio)} (sweep medians)`);
  }
  if (t.native.ratio !== null) {
    lines.push(
      `  native, for comparison: ${describePick(t.native.faster)} / ${describePick(t.native.slower)} = ` +
        `${formatRatio(t.native.ratio)}${t.native.at ? ` (at each n: ${describeAt(t.native.at)})` : ''}`,
    );
  }
  return lines;
}

// One line per target: its goal, its ratio with the interval, where the
// interval lies against the goal, the drift, and the verdict.
function targetsTable(evaluated) {
  const cell = (w) =>
    w.ratio === null ? 'not measured' : w.interval ? `${formatRatio(w.ratio)} ${bracket(w.interval)}` : `${formatRatio(w.ratio)} (sweep)`;
  const rows = evaluated.map((t) => [
    t.id,
    t.goal === null ? '—' : `>= ${formatRatio(t.goal)}`,
    cell(t.wasm),
    t.wasm.against_goal ?? '',
    t.wasm.drift?.change == null ? '' : `${(100 * t.wasm.drift.change).toFixed(1)}%`,
    t.wasm.meets_goal === null ? (t.wasm.ratio === null ? '—' : 'reported') : t.wasm.meets_goal ? 'PASS' : 'FAIL',
  ]);
  const header = ['target', 'goal', 'wasm ratio [interval]', 'interval vs goal', 'drift', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatTargets(evaluated, catalog) {
  const targets = resolveTargets(catalog);
  return [
    'Targets (the targets are for wasm in Chromium; each wasm ratio is the median of interleaved rounds, in brackets its interval):',
    targetsTable(evaluated),
    '',
    ...evaluated.flatMap((t) =>
      describeTarget(
        t,
        targets.find((d) => d.id === t.id),
      ),
    ),
  ].join('\n');
}
