// The matmul ladder: every step the catalog declares (C++'s `ladder`), timed at
// one N on this machine, in one chart and one table, with the speedup of each
// step over the one before and over the naive loop, and its share of the
// measured mul+add ceiling.
import { el, scrollRegion } from './dom.js';
import { kernelTitle } from './kernel-title.js';
import { panelForm } from './panel-form.js';
import { Chart } from './chart.js';
import { firstInvalid } from './sweep.js';
import { runRequest } from './request.js';
import { overlap, speedup } from './analysis.js';
import { gflops, percent, ratio, seconds } from './format.js';
import { ABOVE_CEILING_ADVICE, isInteger, limits, roofFor, roofOf } from './roofline.js';

const LADDER = { id: 'roofline-ladder', title: 'Roofline: the ladder', lesson: 'roofline' };

// The requests of one step, one per candidate kernel, all at N (a square N x N x N).
// A step keeps its block at every N: C++ runs one larger than the matrix at its
// side (cap_block), and kernels without a block ignore it.
function stepRequests(session, step, n, threads, minTime) {
  return step.kernels.map((name) =>
    runRequest(session.kernel(name), n, {
      block: step.block,
      cap_block: true,
      threads: step.threads === 'all' ? threads : 1,
      min_time_s: minTime,
    }),
  );
}

const fastestResult = (results) => results.reduce((best, r) => (!best || r.gflops > best.gflops ? r : best), null);
const asEntry = (result) => ({ result });

function ceilingFraction(session, result) {
  if (isInteger(result, session.catalog)) return null;
  const roofs = limits(
    session.measurements.map((m) => m.result),
    session.catalog,
  );
  const roof = roofOf(roofFor(roofs, result.shape.threads), result, session.catalog);
  return roof ? result.gflops / roof.peak : null;
}

// n: the size every step ran at, named in the caption, since the form may say another by now.
function tableOf(session, rows, n) {
  const naive = rows[0];
  const head = ['Step', 'Kernel', 'Threads', 'Median', 'GFLOP/s', 'Over the step before', 'Over naive', 'Of the ceiling'];
  return el(
    'table',
    { class: 'results', 'data-ladder': '' },
    el('caption', { 'data-ladder-n': '' }, `Every step at N = ${n}`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        head.map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : null }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((row, i) => {
        const fraction = ceilingFraction(session, row.best);
        const candidates = row.results.length > 1 ? ` (fastest of ${row.results.length})` : '';
        const cell = (col, content, numeric = true) => el('td', { 'data-col': col, class: numeric ? 'num' : null }, content);
        return el(
          'tr',
          {},
          cell('step', row.step.label, false),
          cell('kernel', [kernelTitle(session, row.best.kernel), candidates], false),
          cell('threads', String(row.best.shape.threads)),
          cell('median', seconds(row.best.timing.median_s)),
          cell('gflops', el('strong', {}, gflops(row.best.gflops))),
          cell('speedup_prev', i === 0 ? '—' : ratio(speedup(asEntry(row.best), asEntry(rows[i - 1].best)))),
          cell('speedup_naive', i === 0 ? '—' : ratio(speedup(asEntry(row.best), asEntry(naive.best)))),
          cell('ceiling', fraction === null ? (isInteger(row.best, session.catalog) ? 'int8: not f32' : 'probe first') : percent(fraction)),
        );
      }),
    ),
  );
}

// Notes from the data: the whole climb, each step that did not help, and the threads step.
function notesOf(session, rows, n) {
  const notes = [];
  const naive = rows[0].best;
  const top = rows.reduce((a, b) => (b.best.gflops > a.best.gflops ? b : a));
  notes.push(
    `At N = ${n}, the climb went from ${gflops(naive.gflops)} GFLOP/s (${rows[0].step.label}) to ` +
      `${gflops(top.best.gflops)} (${top.step.label}): ${ratio(speedup(asEntry(top.best), asEntry(naive)))} as fast.`,
  );
  rows.forEach((row, i) => {
    if (i === 0) return;
    const before = rows[i - 1];
    const [a, b] = [asEntry(row.best), asEntry(before.best)];
    if (overlap(a, b))
      notes.push(`“${row.step.label}” and “${before.step.label}” lie within each other’s 95% CIs at N = ${n}: no measurable gain here.`);
    else if (speedup(a, b) < 1) {
      const why =
        row.step.threads === 'all' && before.step.threads === 'one'
          ? ' At this size the work per thread is too small to pay for waking the pool.'
          : ' This step’s reason did not pay off at this size on this machine.';
      notes.push(`“${row.step.label}” was slower than “${before.step.label}” (${ratio(speedup(a, b))}).${why}`);
    }
    if (row.results.length > 1) {
      const names = row.results.map((r) => `${kernelTitle(session, r.kernel)} ${gflops(r.gflops)}`).join(', ');
      notes.push(`“${row.step.label}” kept the fastest of its candidates (GFLOP/s): ${names}.`);
    }
  });
  const measured = rows.filter((row) => ceilingFraction(session, row.best) !== null);
  if (measured.length) {
    const best = measured.reduce((a, b) => (ceilingFraction(session, b.best) > ceilingFraction(session, a.best) ? b : a));
    notes.push(
      `Closest to the mul+add ceiling: “${best.step.label}”, at ${percent(ceilingFraction(session, best.best))} of the ceiling measured on ${best.best.shape.threads === 1 ? '1 thread' : `${best.best.shape.threads} threads`}.`,
    );
    if (ceilingFraction(session, best.best) > 1)
      notes.push(`“${best.step.label}” ran above the ceiling, which no kernel can really do: ${ABOVE_CEILING_ADVICE}`);
  } else {
    notes.push('Run the probes above to see each step’s share of your ceiling.');
  }
  return notes;
}

function chartSeries(session, rows) {
  const roofs = limits(
    session.measurements.map((m) => m.result),
    session.catalog,
  );
  const xs = rows.map((_, i) => i + 1);
  return [
    { label: 'GFLOP/s (GOP/s for int8)', colorKey: 'ladder', points: rows.map((row, i) => [i + 1, row.best.gflops]) },
    ...roofs.map((roof) => ({
      label: `mul+add ceiling, ${roof.threads === 1 ? '1 thread' : `${roof.threads} threads`}`,
      colorKey: `roof${roof.threads}`,
      dash: [8, 6],
      points: xs.map((x) => [x, roof.peak]),
    })),
  ];
}

// The catalog's steps with only the candidates this page has: a relaxed-SIMD
// kernel exists only where the browser runs relaxed SIMD. Steps left with no
// kernel go to `missing`.
function availableSteps(catalog) {
  const has = (name) => catalog.kernels.some((k) => k.name === name);
  const steps = catalog.ladder.map((step) => ({ ...step, kernels: step.kernels.filter(has) }));
  return { steps: steps.filter((s) => s.kernels.length), missing: steps.filter((s) => !s.kernels.length) };
}

// threads: how many the "all threads" steps use here.
export function ladderPanel(session, threads) {
  const { steps, missing } = availableSteps(session.catalog);
  let rows = [];
  let rowsN = null; // the N the rows were measured at
  let running = false;
  const chart = new Chart({
    xLabel: 'Step',
    yLabel: 'GFLOP/s',
    yLogBase: 10,
    xFormat: (v) => (Number.isInteger(v) && steps[v - 1] ? steps[v - 1].label : ''),
    yFormat: (v) => String(Number(v.toPrecision(2))),
    valueFormat: { y: gflops },
    empty: 'Press Run the ladder: each step’s GFLOP/s at your N appears here, against your measured ceiling.',
  });
  const tableSlot = scrollRegion('The matmul ladder: results');
  const notes = el('ul', { 'data-ladder-notes': '' });
  const progress = el('p', { class: 'hint', 'aria-live': 'polite' });
  const cancel = el('button', { type: 'button', class: 'button', 'data-action': 'cancel-ladder', disabled: true }, 'Cancel');
  cancel.addEventListener('click', () => session.lab.cancel());

  const show = () => {
    chart.update(rows.length ? chartSeries(session, rows) : []);
    tableSlot.replaceChildren(rows.length ? tableOf(session, rows, rowsN) : '');
  };

  const form = panelForm({
    inputs: [
      { name: 'ladder_n', label: 'N (every step)', value: '512' },
      { name: 'ladder_min_time', label: 'Minimum time (s)', value: '0.2' },
    ],
    button: 'Run the ladder',
    action: 'run-ladder',
    async onSubmit({ value, showError }) {
      if (running) return;
      if (!session.claim(LADDER)) {
        showError(`The ${session.runner.title} lesson is running; wait for it or cancel it there.`);
        return;
      }
      running = true;
      form.lock(true);
      cancel.disabled = false;
      section.dataset.running = 'true';
      try {
        const n = value('ladder_n');
        const planned = steps.map((step) => ({ step, requests: stepRequests(session, step, n, threads, value('ladder_min_time')) }));
        const refused = await firstInvalid(
          session.lab,
          planned.flatMap((p) => p.requests),
        );
        if (refused) {
          showError(refused.error, refused.field === 'min_time' ? 'ladder_min_time' : 'ladder_n');
          return;
        }
        showError(null);
        // The notes describe one whole climb: the last one's go as this one starts.
        notes.replaceChildren();
        const done = [];
        for (const [i, { step, requests }] of planned.entries()) {
          progress.textContent = `Running “${step.label}” at N = ${n} (step ${i + 1} of ${planned.length})…`;
          const results = [];
          for (const request of requests) {
            const result = await session.lab.run(request);
            if (result.status !== 'ok') {
              progress.textContent = result.status === 'cancelled' ? 'Cancelled: the steps measured so far stay.' : result.error;
              return;
            }
            results.push(result);
          }
          done.push({ step, results, best: fastestResult(results) });
          rows = [...done];
          rowsN = n;
          show();
        }
        progress.textContent = '';
        notes.replaceChildren(...notesOf(session, rows, n).map((note) => el('li', {}, note)));
      } finally {
        running = false;
        form.lock(false);
        cancel.disabled = true;
        section.dataset.running = 'false';
        session.release(LADDER);
      }
    },
  });
  // New probe runs change the ceiling each step is compared with.
  session.addEventListener('measurement', () => {
    if (!running && rows.length) show();
  });

  const section = el(
    'div',
    { class: 'card', 'data-panel': 'ladder', 'data-running': 'false' },
    el('h2', {}, 'The ladder, on your machine'),
    el(
      'p',
      {},
      'Every step of the climb from the textbook loop, timed at one N. The steps, their kernels and settings come from the catalog; where a step has several candidate kernels, the fastest one measured stands for it. “All threads” here means ',
      el('strong', {}, String(threads)),
      threads === 1 ? ' thread: this build has no threads, so that step repeats the SIMD step.' : ' threads.',
    ),
    el(
      'ol',
      { class: 'ladder-steps' },
      steps.map((step) => el('li', {}, el('strong', {}, `${step.label}: `), step.why)),
    ),
    missing.length > 0 &&
      el(
        'p',
        { class: 'hint', 'data-ladder-missing': '' },
        `Not on this page: ${missing.map((s) => s.label).join(', ')}. `,
        session.catalog.relaxed_simd?.available === false ? session.catalog.relaxed_simd.reason : 'Its kernels are not in this build.',
      ),
    form.element,
    el('div', { class: 'run-line' }, cancel, progress),
    chart.element,
    tableSlot,
    el('div', { class: 'notes' }, el('h3', {}, 'What the ladder shows'), notes),
  );
  return section;
}
