// A card that compares two kernels in interleaved A/B rounds on the learner's
// machine (measure/ab-run.js), through the session's lab client like every
// other run, so the worker does the timing and the page stays responsive. It
// shows the verdict in words, the median of the rounds' ratios with its
// interval, each round's ratio, and the drift the reference kernel measured;
// a run that fails, is wrong or is cancelled is said in the card.
//
// options: {id, lesson, title (of the runner, as other lessons name it),
//   heading, intro?: Node[], pair: {a: side, b: side} (see ab-pair.js),
//   onResult?(result, names)}: onResult gets every finished comparison
//   ({status: 'ok', …} as compareInterleaved resolves) and, for anything
//   else, null.
// Returns {element, result(): the last comparison or null, names(): its sides' names}.
import { el } from './dom.js';
import { panelForm } from './panel-form.js';
import { Chart } from './chart.js';
import { firstInvalid } from './sweep.js';
import { gflops, percent, ratio, timesTick } from './format.js';
import { resolvePair, sideRequest } from './ab-pair.js';
import { AB_MIN_TIME_S, AB_ROUNDS, compareInterleaved } from '../measure/ab-run.js';
import { medianInterval } from '../measure/ab-stats.js';
import { comparisonText, intervalText } from '../measure/ab-text.js';
import { driftReferenceRequest } from '../measure/drift-reference.js';

const MAX_ROUNDS = 50;
// Each run is one of many in a round: a long one would let the machine drift within the round.
const MIN_RUN_S = 0.001;
const MAX_RUN_S = 1;
const TONES = { faster: 'right', slower: 'right', same: 'neutral', refused: 'wrong', too_few: 'neutral' };

function roundsChart() {
  return new Chart({
    xLabel: 'Round',
    yLabel: 'A’s speed over B’s',
    xFormat: (v) => (Number.isInteger(v) ? String(v) : ''),
    yFormat: timesTick,
    valueFormat: { y: ratio },
    yRange: (min, max) => [Math.min(min, 1) * 0.95, Math.max(max, 1) * 1.05],
    empty: 'Each round’s ratio appears here once the comparison has run.',
  });
}

function chartSeries(result) {
  const xs = result.rounds.map((_, i) => i + 1);
  const line = (value) => xs.map((x) => [x, value]);
  const c = result.comparison;
  return [
    { label: 'Round’s ratio', colorKey: 'round', scatter: true, points: result.rounds.map((r, i) => [i + 1, r]) },
    { label: 'Median of the rounds', colorKey: 'median', points: line(c.ratio) },
    ...(c.low === null
      ? []
      : [
          { label: 'Interval, low end', colorKey: 'interval', dash: [6, 4], points: line(c.low) },
          { label: 'Interval, high end', colorKey: 'interval-high', dash: [6, 4], points: line(c.high) },
        ]),
    { label: 'No difference (1×)', colorKey: 'one', dash: [2, 4], points: line(1) },
  ];
}

// The reference kernel's rates, slowest and fastest, in its own unit.
function referenceLine(session, result) {
  const { reference, comparison } = result;
  if (!reference || reference.rates.length < 2) return 'No drift reference ran in this build, so drift was not measured.';
  const title = session.kernel(reference.kernel)?.title ?? reference.kernel;
  const rates = reference.rates.map((r) => gflops(r / 1e9));
  const change = comparison.drift?.change;
  return `Drift reference (${title}), run before, between and after the rounds: ${rates.join(', ')} GFLOP/s${change === null || change === undefined ? '' : `, its fastest ${percent(change)} above its slowest${reference.rates.length >= 5 ? ' once each run is taken as the median of itself and its two neighbours' : ''}`}.`;
}

const ordinal = (k) => `${k}${k % 10 === 1 && k !== 11 ? 'st' : k % 10 === 2 && k !== 12 ? 'nd' : k % 10 === 3 && k !== 13 ? 'rd' : 'th'}`;

// What the interval is, with this comparison's own rounds: the sign test's
// k-th smallest and k-th largest ratio, and how the drift changed it.
function intervalWords(result) {
  const c = result.comparison;
  const { k, n, low, high } = medianInterval(result.rounds);
  if (low === null)
    return `With ${n} rounds, no pair of rounds brackets the median with 95% confidence, so there is no interval and no verdict: run at least 6 rounds.`;
  const widened = c.widened_by > 1 ? ` The drift widened it to ${ratio(c.low)}–${ratio(c.high)}.` : '';
  return (
    `The interval runs from the ${ordinal(k)} smallest of the ${n} rounds’ ratios (${ratio(low)}) to the ${ordinal(k)} largest (${ratio(high)}). ` +
    `Each round is as likely to land above the true median as below it, whatever the shape of the noise, so the true median lies between these two with a chance of ${percent(c.level, 1)} (the sign test).${widened}`
  );
}

export function abComparePanel(session, { id, lesson, title, heading, intro = [], pair, onResult = () => {} }) {
  const runner = { id, title, lesson };
  let resolved = resolvePair(session, pair);
  let last = null;
  let lastNames = null; // the sides' names when `last` ran (a finding may name another kernel now)
  let running = false;
  let cancelled = false;

  const chart = roundsChart();
  const progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': `Progress of ${heading}` });
  const status = el('p', { class: 'run-line', 'aria-live': 'polite', 'data-ab-status': '' });
  const failure = el('p', { class: 'form-error', role: 'alert', 'data-ab-error': '', hidden: true });
  const verdict = el('p', { class: 'verdict', 'data-ab-verdict': '', hidden: true });
  const facts = el('ul', { class: 'ab-facts', 'data-ab-facts': '', hidden: true });
  const cancel = el('button', { type: 'button', class: 'button', 'data-action': 'cancel-ab', disabled: true }, 'Cancel');
  cancel.addEventListener('click', () => {
    cancelled = true;
    session.lab.cancel();
  });

  const showFailure = (message) => {
    failure.textContent = message ?? '';
    failure.hidden = !message;
  };

  const show = (result) => {
    const c = result.comparison;
    const { a, b } = resolved.names;
    verdict.className = `verdict verdict-${TONES[c.verdict]}`;
    verdict.textContent = comparisonText(c, a, b);
    verdict.hidden = false;
    facts.replaceChildren(
      el('li', { 'data-ab-ratio': '' }, `Median of the rounds’ ratios: ${intervalText(c)}.`),
      el(
        'li',
        { 'data-ab-rounds': '' },
        `Each round’s ratio (A’s speed over B’s), in the order run: ${result.rounds.map((r) => ratio(r)).join(', ')}.`,
      ),
      el('li', { 'data-ab-interval': '' }, intervalWords(result)),
      el('li', { 'data-ab-drift': '' }, referenceLine(session, result)),
    );
    facts.hidden = false;
    chart.update(chartSeries(result));
  };

  const form = panelForm({
    inputs: [
      { name: `${id}-rounds`, label: 'Rounds', value: String(AB_ROUNDS) },
      { name: `${id}-min-time`, label: 'Minimum time per run (s)', value: String(AB_MIN_TIME_S) },
    ],
    button: 'Compare A and B',
    action: 'run-ab',
    async onSubmit({ value, showError }) {
      if (running || resolved.unavailable) return;
      const rounds = value(`${id}-rounds`);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
        showError(`Rounds must be a whole number from 1 to ${MAX_ROUNDS}.`, `${id}-rounds`);
        return;
      }
      const minTime = value(`${id}-min-time`);
      if (!(minTime >= MIN_RUN_S && minTime <= MAX_RUN_S)) {
        showError(
          `Minimum time per run must be between ${MIN_RUN_S} and ${MAX_RUN_S} s: each run is one of ${4 * rounds} in the rounds.`,
          `${id}-min-time`,
        );
        return;
      }
      resolved = resolvePair(session, pair);
      sides.replaceChildren(...sidesText(resolved.names));
      if (resolved.missing) {
        showError(resolved.missing);
        return;
      }
      if (!session.claim(runner)) {
        showError(`The ${session.runner.title} lesson is running; wait for it or cancel it there.`);
        return;
      }
      running = true;
      cancelled = false;
      form.lock(true);
      cancel.disabled = false;
      progress.hidden = false;
      progress.value = 0;
      element.dataset.running = 'true';
      showFailure(null);
      try {
        const a = sideRequest(resolved.kernels.a, pair.a, minTime);
        const b = sideRequest(resolved.kernels.b, pair.b, minTime);
        const refused = await firstInvalid(session.lab, [a, b]);
        if (refused) {
          showError(refused.error, refused.field === 'min_time' ? `${id}-min-time` : undefined);
          return;
        }
        showError(null);
        const reference = driftReferenceRequest(session.catalog);
        const result = await compareInterleaved(session.lab, {
          a,
          b,
          reference: reference && { ...reference, unlogged: true },
          rounds,
          warmup: true,
          cancelled: () => cancelled,
          onRun: (done, total) => {
            progress.value = done / total;
            status.textContent = `Run ${done + 1} of ${total}: one untimed warm-up run of each kernel, then ${rounds} rounds of A, B, B, A or B, A, A, B, with the drift reference between them…`;
          },
        });
        if (result.status === 'ok') {
          last = result;
          lastNames = resolved.names;
          show(result);
          status.textContent = '';
          session.publish(`ab:${id}`, { result, names: resolved.names });
          onResult(result, resolved.names);
        } else {
          status.textContent = '';
          showFailure(
            result.status === 'cancelled'
              ? 'Cancelled: this comparison stopped before its last round, so it gives no verdict. An earlier comparison’s result, if any, stays below.'
              : `The comparison stopped: ${result.error ?? result.status}. It gives no verdict.`,
          );
          onResult(null, resolved.names);
        }
      } finally {
        running = false;
        form.lock(false);
        cancel.disabled = true;
        progress.hidden = true;
        element.dataset.running = 'false';
        session.release(runner);
      }
    },
  });

  session.addEventListener('runner', () => {
    if (running) return;
    const other = session.runner && session.runner.id !== id ? session.runner.title : null;
    form.element.querySelector('button[type="submit"]').disabled = Boolean(other) || Boolean(resolved.unavailable);
    status.textContent = other ? `The ${other} lesson is running; wait for it or cancel it there.` : '';
  });

  const sidesText = (names) => [el('strong', {}, 'A: '), names.a, el('br'), el('strong', {}, 'B: '), names.b];
  const sides = el('p', { class: 'ab-sides' }, resolved.names ? sidesText(resolved.names) : []);
  const element = el(
    'div',
    { class: 'card ab-compare', 'data-panel': 'ab', 'data-ab': id, 'data-running': 'false' },
    el('h2', {}, heading),
    intro,
    resolved.unavailable ? el('p', { class: 'lesson-notice', role: 'note', 'data-ab-unavailable': '' }, resolved.unavailable) : sides,
    form.element,
    el('div', { class: 'run-line' }, cancel, progress, status),
    failure,
    verdict,
    facts,
    chart.element,
  );
  if (resolved.unavailable) form.lock(true);
  return { element, result: () => last, names: () => lastNames };
}
