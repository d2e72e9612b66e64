// The performance bar's measurement: the student's kernel and the reference
// timed at the bar's shape in the same run, interleaved in rounds of
// reference, student, student, reference, so that a machine that drifts
// (a clock that ramps, a neighbour that wakes) moves both sides alike. Each
// round gives one ratio, the reference's time over the student's (the same
// work, so a ratio of rates); the bar compares their median.
import { median } from '../measure/ab-stats.js';
import { runRequest } from '../ui/request.js';

export const BAR_ROUNDS = 3;
export const BAR_MIN_TIME_S = 0.05;

// What one side measured over all its runs: the median of their medians,
// the span of their 95% intervals, and its rate in the operation's unit.
function sideStats(results, unit) {
  const rates = results.map((r) => (unit === 'GB/s' ? r.gbps : r.gflops));
  return {
    median_s: median(results.map((r) => r.timing.median_s)),
    ci95_s: [Math.min(...results.map((r) => r.timing.ci_low_s)), Math.max(...results.map((r) => r.timing.ci_high_s))],
    rate: median(rates),
    runs: results.length,
  };
}

// The request at the bar's shape: threads 0 means every thread the build has.
export function barRequest(kernel, shape, { maxThreads, vector }) {
  const size = vector || (shape.m === shape.n && shape.n === shape.k) ? shape.n : { m: shape.m, n: shape.n, k: shape.k };
  const threads = shape.threads === 0 ? maxThreads : shape.threads;
  return { ...runRequest(kernel, size, { block: shape.block || undefined, threads, min_time_s: BAR_MIN_TIME_S }), unlogged: true };
}

// Resolves {status: 'ok', ratio, rounds: [ratio], student, reference} or
// {status, error} for the first run that did not succeed ('cancelled', 'failed', …).
export async function timeAgainstReference(
  lab,
  { student, reference, shape, unit, maxThreads, onRun = () => {}, cancelled = () => false },
) {
  const vector = unit === 'GB/s';
  const requests = {
    student: barRequest(student, shape, { maxThreads, vector }),
    reference: barRequest(reference, shape, { maxThreads, vector }),
  };
  const results = { student: [], reference: [] };
  const ratios = [];
  const order = ['reference', 'student', 'student', 'reference'];
  for (let round = 0; round < BAR_ROUNDS; round += 1) {
    const times = { student: 0, reference: 0 };
    for (const [index, side] of order.entries()) {
      if (cancelled()) return { status: 'cancelled' };
      onRun(round * order.length + index, BAR_ROUNDS * order.length);
      const result = await lab.run(requests[side]);
      if (result.status !== 'ok') return { status: result.status, error: result.error };
      if (!result.check?.passed)
        return { status: 'wrong', error: `${result.kernel} gave a wrong result at the bar's shape (${JSON.stringify(result.shape)}).` };
      results[side].push(result);
      times[side] += result.timing.median_s;
    }
    ratios.push(times.reference / times.student);
  }
  return {
    status: 'ok',
    ratio: median(ratios),
    rounds: ratios,
    student: sideStats(results.student, unit),
    reference: sideStats(results.reference, unit),
  };
}
