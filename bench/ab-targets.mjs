// The targets measured the way a drifting machine cannot fool: for each
// target (and each size of one that lists several), its two kernels run in
// interleaved rounds in the page's own worker (web/measure/ab-run.js), with
// the drift reference between rounds. The sweep before it picks the block
// each kernel runs at; the rounds then compare the two at that one setting.
import { AB_MIN_TIME_S, AB_ROUNDS, compareInterleaved } from '../web/measure/ab-run.js';
import { DRIFT_REFUSE, DRIFT_WIDEN } from '../web/measure/ab-stats.js';
import { driftReferenceRequest } from '../web/measure/drift-reference.js';
import { defaultShape } from '../web/ui/catalog-query.js';
import { best } from './summary.mjs';
import { runRequest } from './plan.mjs';
import { resolveTargets, specsAt } from './targets.mjs';

export const AB_TIMING =
  `Each wasm target is ${AB_ROUNDS} rounds of its two kernels in the order A, B, B, A, then B, A, A, B, each run at least ` +
  `${AB_MIN_TIME_S} s; a round's ratio is A's mean rate over B's. The ratio is the rounds' median; its interval runs from the ` +
  `k-th smallest to the k-th largest round, the sign test's interval for a median (no assumption on the distribution). ` +
  `The drift reference (the mul+add probe) runs before, between and after the rounds: a change in its speed above ` +
  `${100 * DRIFT_WIDEN}% widens the interval by that factor, above ${100 * DRIFT_REFUSE}% refuses the verdict (each reference run is first replaced by the median of it and its two neighbours, so a single stray run is not drift).`;

// A side's thread count: 'max' is the build's most; a side that names none
// runs where its best sweep row ran (1 for a kernel that takes no threads).
function threadsOf(side, kernel, rows, maxThreads) {
  if (!kernel.tunables.includes('threads')) return null;
  if (side.threads === 'max') return maxThreads;
  if (side.threads !== undefined) return side.threads;
  return best(rows.filter((r) => r.kernel === side.kernel && r.n === side.n))?.threads ?? 1;
}

// The request for one side: its size (a model's whole default shape), its
// threads, and the block its best sweep row at that size and thread count used.
function sideRequest(side, catalog, rows, maxThreads) {
  const kernel = catalog.kernels.find((k) => k.name === side.kernel);
  const threads = threadsOf(side, kernel, rows, maxThreads);
  const block = kernel.tunables.includes('block')
    ? (best(rows.filter((r) => r.kernel === side.kernel && r.n === side.n && (threads === null || r.threads === threads)))?.block ?? null)
    : null;
  const shape = kernel.role === 'backend' ? defaultShape(catalog, kernel.operation) : { n: side.n };
  const request = { ...runRequest({ kernel: side.kernel, ...shape, block, threads }), min_time_s: AB_MIN_TIME_S };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}

// Every comparison the targets need, in target order: {id, n, faster, slower}
// (run requests). A target whose kernels this catalog lacks, or that the run
// left out (--kernels), has none.
export function abPlan(catalog, rows, chosen = null) {
  const maxThreads = catalog.build.max_threads;
  const known = (name) => name && catalog.kernels.some((k) => k.name === name) && (!chosen || chosen.includes(name));
  return resolveTargets(catalog).flatMap((target) =>
    specsAt(target)
      .filter(({ faster, slower }) => known(faster.kernel) && known(slower.kernel))
      .map(({ faster, slower }) => ({
        id: target.id,
        n: faster.n,
        faster: sideRequest(faster, catalog, rows, maxThreads),
        slower: sideRequest(slower, catalog, rows, maxThreads),
      })),
  );
}

// Runs the plan one comparison after the other, one progress line each on
// stderr. Resolves with [{id, n, faster, slower, status, comparison, a, b,
// rounds, reference}] (a: the faster side's figures, b: the slower's).
export async function runAbPlan(lab, catalog, plan) {
  const reference = driftReferenceRequest(catalog);
  const out = [];
  for (const [i, item] of plan.entries()) {
    const r = await compareInterleaved(lab, { a: item.faster, b: item.slower, reference });
    const label = `wasm A/B ${i + 1}/${plan.length} ${item.id}${item.n ? ` at n = ${item.n}` : ''}`;
    if (r.status !== 'ok') {
      process.stderr.write(`${label}: ${r.status}: ${r.error}\n`);
    } else {
      const c = r.comparison;
      const drift = c.drift?.change === null || !c.drift ? '' : `, drift ${(100 * c.drift.change).toFixed(1)}%`;
      process.stderr.write(`${label}: ${c.ratio.toFixed(3)}x [${c.low?.toFixed(3)}, ${c.high?.toFixed(3)}]${drift}\n`);
    }
    out.push({ ...item, ...r });
  }
  return out;
}
