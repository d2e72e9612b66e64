// The table columns the lessons share: what was run, how it was measured, how
// fast it was and whether its output was right. Every cell reads a run result.
import { el } from './dom.js';
import { kernelLabel } from './kernel-title.js';
import { seconds, secondsRangeCell, gflops, scientific } from './format.js';

// A kernel this catalog lacks (a run imported from another machine's report) shows its name only.
export function kernelColumn(session) {
  return { id: 'kernel', label: 'Kernel', value: ({ result }) => kernelLabel(session, result.kernel) };
}

// Why the lab's warm-up stopped (Measurement::warmup_stop in cpp/core/timing.h).
const WARMUP_STOPS = {
  stable: 'its time per call had stopped falling',
  time_limit: 'at its time limit, its time per call still falling',
  batch_limit: 'at its largest batch',
  resampled: 'its samples got faster partway, so they counted as warm-up and sampling began again',
};

// A report saved before the lab recorded the warm-up's time has only its calls.
function warmupText(timing) {
  const calls = `${timing.warmup_calls} warm-up calls`;
  if (timing.warmup_s === undefined) return calls;
  return `${calls} in ${seconds(timing.warmup_s)}, stopped when ${WARMUP_STOPS[timing.warmup_stop]}`;
}

export const nColumn = {
  id: 'n',
  label: 'N',
  numeric: true,
  title: 'Square size: M = N = K',
  value: ({ result }) => String(result.shape.n),
};

export const blockColumn = {
  id: 'block',
  label: 'Block',
  numeric: true,
  title: 'Tile edge b (— for an unblocked kernel)',
  value: ({ result }) => (result.shape.block > 0 ? String(result.shape.block) : '—'),
};

export const threadsColumn = {
  id: 'threads',
  label: 'Threads',
  numeric: true,
  title: 'Threads the kernel split its work over',
  value: ({ result }) => String(result.shape.threads),
};

export const medianColumn = {
  id: 'median',
  label: 'Median',
  numeric: true,
  timing: true,
  title: 'Median time per call',
  value: ({ result }) => el('strong', {}, seconds(result.timing.median_s)),
};

export const meanColumn = {
  id: 'mean',
  label: 'Mean ± sd',
  numeric: true,
  wrap: true,
  timing: true,
  title: 'Mean time per call and sample standard deviation',
  value: ({ result: { timing } }) => [
    el('span', { class: 'nowrap' }, seconds(timing.mean_s)),
    ' ',
    el('span', { class: 'nowrap' }, `± ${seconds(timing.stddev_s)}`),
  ],
};

export const spreadColumn = {
  id: 'spread',
  label: 'Min – max',
  numeric: true,
  wrap: true,
  timing: true,
  title: 'Fastest and slowest sample',
  value: ({ result: { timing } }) => secondsRangeCell(timing.min_s, timing.max_s),
};

// The interval's real coverage is shown when it falls short of 95% (fewer than 6 samples).
export const ciColumn = {
  id: 'ci',
  label: '95% CI',
  numeric: true,
  wrap: true,
  timing: true,
  title: '95% confidence interval of the median, from order statistics',
  value: ({ result: { timing } }) => {
    const range = secondsRangeCell(timing.ci_low_s, timing.ci_high_s);
    return timing.ci_level < 0.95 ? [range, el('span', { class: 'caveat' }, ` (only ${(timing.ci_level * 100).toFixed(0)}% CI)`)] : range;
  },
};

export const samplesColumn = {
  id: 'samples',
  label: 'Samples',
  numeric: true,
  timing: true,
  title: 'Timed samples × calls per sample (the batch)',
  value: ({ result: { timing } }) =>
    el(
      'span',
      {
        title:
          `${timing.count} samples of ${timing.batch} call${timing.batch === 1 ? '' : 's'}, ` +
          `after ${warmupText(timing)}; ${seconds(timing.total_s)} timed in all`,
      },
      `${timing.count} × ${timing.batch}`,
    ),
};

export const gflopsColumn = {
  id: 'gflops',
  label: 'GFLOP/s',
  numeric: true,
  title: 'FLOPs divided by the median time',
  value: ({ result }) => (result.status === 'ok' ? gflops(result.gflops) : '—'),
};

// Rates share GFLOP/s's two decimals.
export const gbpsColumn = {
  id: 'gbps',
  label: 'GB/s',
  numeric: true,
  title: 'Bytes moved (the catalog’s count) divided by the median time',
  value: ({ result }) => (result.status === 'ok' ? gflops(result.gbps) : '—'),
};

// One failed check among an entry's runs fails the row.
export const checkColumn = {
  id: 'check',
  label: 'Check',
  title:
    'Output compared with its operation’s reference, within that operation’s tolerance (“Checked against” in the code panel names each one: for a matmul, the exact product computed in double)',
  value: ({ results, result }) => {
    if (result.status === 'not_implemented') return el('span', { class: 'badge badge-missing' }, 'not implemented');
    const checked = results.filter((r) => r.check);
    const shown = checked.find((r) => !r.check.passed) ?? checked.at(-1);
    const { passed, max_rel_err, max_abs_err, tolerance } = shown.check;
    return [
      el('span', { class: `badge ${passed ? 'badge-pass' : 'badge-fail'}` }, passed ? 'passed' : 'FAILED'),
      el(
        'span',
        { class: 'check-detail' },
        `rel ${scientific(max_rel_err)} ${passed ? '≤' : '>'} ${scientific(tolerance)}, abs ${scientific(max_abs_err)}`,
      ),
    ];
  },
};
