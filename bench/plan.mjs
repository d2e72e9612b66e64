// The runs of one benchmark on one target: which kernel, at which size, block
// and thread count. Both targets plan with this one function, so they run the
// same list, less any kernel one of them lacks.
import { defaultShape } from '../web/ui/catalog-query.js';
import { MAX_THREADS, UsageError } from './options.mjs';
import { targetSpecs } from './targets.mjs';

// Square sizes N for matrix kernels when --sizes is not given. Kernels that
// take threads run at N = 1024 too: a thread's share of a smaller product is
// too little work to show what a second thread can do.
export const DEFAULT_SIZES = [256, 512];
export const THREADED_SIZES = [...DEFAULT_SIZES, 1024];

// The roofline's probes run at their operation's default length, whatever
// --lengths says: the ceiling at enough mul+add updates that a call lasts
// milliseconds, the triad far beyond any cache, where it measures memory.
const isProbe = (kernel) => kernel.role === 'ceiling_probe' || kernel.role === 'bandwidth_probe';

// The capstone's models (the catalog's backends) run at their operation's
// default shape, the one the lesson opens with (M, N, K as the catalog maps
// them), never at square sizes.
const isModel = (kernel) => kernel.role === 'backend';

// --threads with `max` replaced by what the target has, or a usage error for
// a count it does not have.
function threadCounts(requested, maxThreads, target) {
  const counts = [...new Set(requested.map((t) => (t === MAX_THREADS ? maxThreads : t)))].sort((a, b) => a - b);
  const tooMany = counts.filter((t) => t > maxThreads);
  if (tooMany.length) {
    throw new UsageError(
      `--threads: ${tooMany.join(', ')} is more than the ${maxThreads} ` + `thread${maxThreads === 1 ? '' : 's'} ${target} has.`,
    );
  }
  return counts;
}

// catalog: one target's lab catalog ({kernels, operations, build}). Each run is
// {kernel, vector, n, block, threads}: n is the side of a square product, or a
// vector's length; block and threads are null for kernels that take none (they
// run on one thread). A model's run also has m and k (its default shape).
export function benchPlan(catalog, options, target) {
  const shapes = new Map(catalog.operations.map((op) => [op.id, op.shape]));
  const chosen = catalog.kernels.filter((k) => !options.kernels || options.kernels.includes(k.name));
  const threaded = chosen.some((k) => k.tunables.includes('threads'));
  const threads = threaded ? threadCounts(options.threads, catalog.build.max_threads, target) : [];
  const runsOf = (kernel, n, counts) => {
    const takes = (tunable) => kernel.tunables.includes(tunable);
    const vector = shapes.get(kernel.operation) === 'vector';
    // Every block asked for: settlePlan leaves out those the lab refuses at this N.
    const blocks = takes('block') ? options.blocks : [null];
    const threadCounts = takes('threads') ? counts : [null];
    return blocks.flatMap((block) => threadCounts.map((t) => ({ kernel: kernel.name, vector, n, block, threads: t })));
  };
  const runs = chosen.flatMap((kernel) => {
    const vector = shapes.get(kernel.operation) === 'vector';
    const takesThreads = kernel.tunables.includes('threads');
    if (isModel(kernel)) {
      const { m, n, k } = defaultShape(catalog, kernel.operation);
      return (takesThreads ? threads : [null]).map((t) => ({ kernel: kernel.name, vector, m, n, k, block: null, threads: t }));
    }
    const sizes = vector
      ? isProbe(kernel)
        ? [defaultShape(catalog, kernel.operation).n]
        : options.lengths
      : (options.sizes ?? (takesThreads ? THREADED_SIZES : DEFAULT_SIZES));
    return sizes.flatMap((n) => runsOf(kernel, n, threads));
  });
  // By default, also every matrix size a target compares (bench/targets.mjs)
  // that the sizes above leave out, at the target's thread count where that
  // count is planned.
  if (!options.sizes) {
    const planned = new Set(runs.map((r) => `${r.kernel} ${r.n} ${r.threads}`));
    for (const spec of targetSpecs(catalog)) {
      const kernel = chosen.find((k) => k.name === spec.kernel);
      if (!kernel || shapes.get(kernel.operation) === 'vector' || isModel(kernel)) continue;
      const t = spec.threads ?? 1;
      if (kernel.tunables.includes('threads') && !threads.includes(t)) continue;
      const extra = runsOf(kernel, spec.n, [t]).filter((r) => !planned.has(`${r.kernel} ${r.n} ${r.threads}`));
      for (const r of extra) planned.add(`${r.kernel} ${r.n} ${r.threads}`);
      runs.push(...extra);
    }
  }
  // Problem by problem, vectors first, so each problem (and its costly exact
  // reference) is built once and reused by every kernel; within a problem,
  // kernels in catalog order, then by block and thread count.
  const side = (r, dim) => r[dim] ?? r.n;
  const rank = new Map(chosen.map((k, i) => [k.name, i]));
  return runs.sort(
    (a, b) =>
      b.vector - a.vector ||
      a.n - b.n ||
      side(a, 'm') - side(b, 'm') ||
      side(a, 'k') - side(b, 'k') ||
      rank.get(a.kernel) - rank.get(b.kernel) ||
      (a.block ?? 0) - (b.block ?? 0) ||
      (a.threads ?? 0) - (b.threads ?? 0),
  );
}

// A planned run as the lab's request: a square product or a vector gives only
// n (the lab reads a matrix request with only n as N x N x N); a model gives
// its own m, n and k. block and threads only for kernels that take them.
export function runRequest({ kernel, m, n, k, block, threads }) {
  return { kernel, m: m ?? undefined, n, k: k ?? undefined, block: block ?? undefined, threads: threads ?? undefined };
}

// The plan as the lab accepts it, given the lab's own verdict on each run (its
// `check` answers, in plan order, from the target's C++): a run refused for its
// block is a block this N cannot take, and is left out; any other refusal is an
// error, one line per distinct message. Resolves with {runs, errors}.
export function settlePlan(plan, verdicts, target) {
  const runs = [];
  const failing = new Map(); // error message -> the runs it stops
  plan.forEach((run, i) => {
    const verdict = verdicts[i];
    if (verdict.status === 'ok') runs.push(run);
    else if (verdict.field !== 'block') {
      if (!failing.has(verdict.error)) failing.set(verdict.error, []);
      failing.get(verdict.error).push(describeRun(run));
    }
  });
  const errors = [...failing].map(
    ([error, stopped]) => `${target}: ${error} (${stopped.length > 1 ? `${stopped.length} runs, the first ` : ''}${stopped[0]})`,
  );
  return { runs, errors };
}

export function describeRun({ kernel, n, m, k, block, threads }) {
  return `${kernel} ${m ? `m=${m} n=${n} k=${k}` : `n=${n}`}${block ? ` block=${block}` : ''}${threads ? ` threads=${threads}` : ''}`;
}
