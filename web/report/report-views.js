// The parts of the lab report page that draw a report: the machine it was
// measured on, the summary, and the table columns of its runs. Every figure
// comes from a measurement or from what the page and the catalog report.
import { el, scrollRegion } from '../ui/dom.js';
import { engineText } from '../engine.js';
import { kernelTitle } from '../ui/kernel-title.js';
import { kernelColumn, blockColumn, threadsColumn, medianColumn, ciColumn, gflopsColumn, gbpsColumn, checkColumn } from '../ui/columns.js';
import { bytes, gflops, seconds, ratio } from '../ui/format.js';

// "N = 4096" for a vector operation, "M × N × K" for a matrix one. A kernel this
// catalog lacks (another machine's) shows all three sizes.
export function shapeText(session, { kernel, shape }) {
  const operation = session.operation(session.kernel(kernel)?.operation);
  if (operation?.shape === 'vector') return `N = ${shape.n}`;
  return `${shape.m} × ${shape.n} × ${shape.k}`;
}

export const shapeColumn = (session) => ({
  id: 'shape',
  label: 'Shape',
  numeric: true,
  title: 'Vector length N, or matrix sizes M × N × K',
  value: ({ result }) => shapeText(session, result),
});

const samplesCount = {
  id: 'samples',
  label: 'Samples',
  numeric: true,
  timing: true,
  title: 'Timed samples the median is taken over',
  value: ({ result }) => String(result.timing.count),
};

// A metric keeps four significant digits; the lab writes an unbounded one as null.
const metricValue = (value) => (value === null ? '∞' : String(Number(value.toPrecision(4))));

const metricsColumn = {
  id: 'metrics',
  label: 'Check metrics',
  wrap: true,
  title: 'Further measures of the output that the operation’s check reports',
  value: ({ result }) => {
    const metrics = Object.entries(result.check.metrics);
    if (metrics.length === 0) return '—';
    return metrics.map(([name, value]) => el('span', { class: 'metric' }, el('code', {}, name), ` ${metricValue(value)}`));
  },
};

// The columns of one lesson's runs.
export const runColumns = (session) => [
  kernelColumn(session),
  shapeColumn(session),
  blockColumn,
  threadsColumn,
  medianColumn,
  ciColumn,
  samplesCount,
  gflopsColumn,
  gbpsColumn,
  checkColumn,
  metricsColumn,
];

// The columns of runs listed on one side of a comparison only.
export const unmatchedColumns = (session) => [
  kernelColumn(session),
  shapeColumn(session),
  blockColumn,
  threadsColumn,
  medianColumn,
  gflopsColumn,
];

// The columns of matched runs: entries are {result: this machine's, pair: {here, there, ratio}}.
export function matchedColumns(session) {
  const median = (side, label) => ({
    id: side,
    label,
    numeric: true,
    timing: true,
    title: `Median time per call on ${label.toLowerCase()}`,
    value: ({ pair }) => el('strong', {}, seconds(pair[side].result.timing.median_s)),
  });
  return [
    kernelColumn(session),
    shapeColumn(session),
    blockColumn,
    threadsColumn,
    median('here', 'This machine'),
    median('there', 'The other machine'),
    {
      id: 'ratio',
      label: 'Speed here',
      numeric: true,
      title: 'The other machine’s median divided by this machine’s: above 1× this machine ran it faster',
      value: ({ pair }) => ratio(pair.ratio),
    },
  ];
}

const yesNo = (value) => (value ? 'yes' : 'no');

function buildText({ module, simd, simd_name: simdName, threads, max_threads: maxThreads }) {
  const instructions = simd ? simdName : 'no SIMD (intrinsics emulated lane by lane)';
  return `${module}: ${instructions}, ${threads ? `threads (a pool of ${maxThreads})` : 'one thread'}`;
}

// A machine's description as a definition list; `created` is the report's date.
export function machineFacts(machine, created, attrs = {}) {
  const facts = [
    ['Build', buildText(machine.build)],
    ['Clock', `${machine.clock.name}, measured resolution ${seconds(machine.clock.resolution_s)}`],
    ['Hardware threads', machine.hardware_concurrency === null ? 'not reported' : String(machine.hardware_concurrency)],
    ['Cross-origin isolated', yesNo(machine.cross_origin_isolated)],
    ['Memory for one run', bytes(machine.memory_bytes)],
    ['Browser', machine.user_agent ? engineText(machine.user_agent) : 'not reported'],
    ['User agent', machine.user_agent || 'not reported'],
    ['Date', new Date(created).toLocaleString()],
  ];
  return el(
    'dl',
    { class: 'facts', ...attrs },
    facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

// summary: from summarize(); lessonTitle(id) → the lesson's name.
export function summaryView(session, summary, lessonTitle) {
  const best = summary.best.map(({ operation, measurement, rate }) =>
    el(
      'tr',
      { 'data-operation': operation },
      el('td', {}, el('code', {}, operation)),
      el('td', { class: 'num' }, el('strong', {}, `${gflops(rate.value)} ${rate.unit}`)),
      el('td', {}, kernelTitle(session, measurement.result.kernel)),
      el('td', { class: 'num' }, shapeText(session, measurement.result)),
      el('td', { class: 'num' }, String(measurement.result.shape.threads)),
    ),
  );
  return [
    el(
      'p',
      { 'data-summary-counts': '' },
      `${count(summary.runs, 'timed run')} of ${count(summary.kernels, 'kernel')} in ${count(summary.lessons.length, 'lesson')}: `,
      summary.lessons.map(lessonTitle).join(', '),
      '.',
      summary.failed > 0 ? el('strong', { class: 'caveat' }, ` ${count(summary.failed, 'run')} failed the correctness check.`) : null,
    ),
    scrollRegion(
      'The fastest run of each operation',
      el(
        'table',
        { class: 'mini', 'data-best': '' },
        el('caption', { class: 'visually-hidden' }, 'The fastest run of each operation'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Operation', 'Best rate', 'Kernel', 'Shape', 'Threads'].map((label) => el('th', { scope: 'col' }, label)),
          ),
        ),
        el('tbody', {}, best),
      ),
    ),
    el(
      'p',
      { class: 'table-note' },
      'Best rate: the highest GFLOP/s among the runs of each operation, or GB/s for an operation that counts no floating-point work.',
    ),
  ];
}

// The geometric mean suits ratios: a run twice as fast and one half as fast average to 1×.
export function geometricMean(values) {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}
