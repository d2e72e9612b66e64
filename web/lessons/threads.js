// Lesson 4: one matmul split over a persistent pool of threads, how close it
// gets to p times as fast, and the small sizes where threads only cost time.
import { el, svg, withCode } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { experimentField, chosenExperiments, followExperimentSelect } from '../ui/experiments.js';
import { runRequest } from '../ui/request.js';
import { parseNumber } from '../ui/form.js';
import {
  kernelColumn,
  nColumn,
  blockColumn,
  threadsColumn,
  medianColumn,
  spreadColumn,
  ciColumn,
  samplesColumn,
  gflopsColumn,
  checkColumn,
} from '../ui/columns.js';
import { byN, latestPoints, overlap, speedup } from '../ui/analysis.js';
import { amdahlSpeedup, efficiency, fitSerialFraction } from '../ui/amdahl.js';
import { gflops, percent, percentTick, ratio, seconds, timesTick } from '../ui/format.js';

const LESSON = { id: 'threads', number: 4, title: 'Threads' };

// The two experiments, each with its own size list and question (QUESTIONS).
const EXPERIMENTS = [
  { id: 'sweep', title: 'Thread sweep', sizes: 'sizes' },
  { id: 'small', title: 'Small sizes', sizes: 'small_sizes' },
];

// A guessed speedup this close to the measured one counts as right.
const TOLERANCE = 0.1;

const QUESTIONS = {
  sweep: {
    prompt:
      'How many times as fast as 1 thread will 2 threads run the matmul, at the largest N you run? ' +
      `Within ${percent(TOLERANCE, 0)} of the measured speedup counts as right.`,
    label: '2-thread speedup',
    placeholder: 'e.g. 1.5',
    inputmode: 'decimal',
  },
  small: {
    prompt: 'From which size N on will threads beat 1 thread? Name the smallest N at which you expect them to win.',
    label: 'Smallest N where threads win',
    placeholder: 'e.g. 64',
    inputmode: 'numeric',
  },
};

// Who took each of the diagram's twelve chunks, in order: thread 2 was slowed
// by something else, so it took three and thread 1 took five.
const CHUNK_OWNERS = [0, 1, 2, 0, 1, 0, 2, 1, 0, 1, 2, 1];
const CHUNK = 16;
const TOP = 44;

function rowSplit() {
  const strips = (x, width, numbered) =>
    CHUNK_OWNERS.map((owner, i) => {
      const y = TOP + i * CHUNK;
      const label = numbered ? `<text x="${x + width / 2}" y="${y + 11}" class="in-bar">chunk ${i}</text>` : '';
      return `<rect x="${x}" y="${y}" width="${width}" height="${CHUNK - 2}" rx="2" class="thread-${owner}"/>${label}`;
    }).join('');
  const height = CHUNK_OWNERS.length * CHUNK - 2;
  const taken = (t) => CHUNK_OWNERS.filter((owner) => owner === t).length;
  const legend = [0, 1, 2]
    .map(
      (t) =>
        `<rect x="${30 + t * 190}" y="252" width="12" height="12" rx="2" class="thread-${t}"/>` +
        `<text x="${48 + t * 190}" y="262" class="sub">thread ${t}: ${taken(t)} chunks${t === 2 ? ' (slowed)' : ''}</text>`,
    )
    .join('');
  return svg(`
    <svg viewBox="0 0 700 276" role="img" aria-labelledby="rows-title" class="diagram">
      <title id="rows-title">C = A × B on three threads. C's rows are cut into twelve chunks, coloured by the thread that computed them; each thread reads the same rows of A and all of B.</title>
      <text x="125" y="30" class="label" text-anchor="middle">C, written</text>
      ${strips(30, 190, true)}
      <text x="246" y="${TOP + height / 2 + 7}" class="op" text-anchor="middle">=</text>
      <text x="345" y="30" class="label" text-anchor="middle">A, its rows read</text>
      ${strips(272, 146, false)}
      <text x="444" y="${TOP + height / 2 + 7}" class="op" text-anchor="middle">×</text>
      <text x="575" y="30" class="label" text-anchor="middle">B, read by all</text>
      <rect x="480" y="${TOP}" width="190" height="${height}" rx="2" class="loaded"/>
      ${legend}
    </svg>`);
}

// A formula stays on one line.
const formula = (text) => el('span', { class: 'nowrap' }, text);

function explanation(session, kernel, limit) {
  const { build } = session.lab;
  return [
    limit.reason &&
      el(
        'p',
        { class: 'lesson-notice', role: 'note', 'data-threads-unavailable': '' },
        el('strong', {}, 'This lesson can run 1 thread only here. '),
        withCode(limit.reason),
      ),
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'A pool, started once'),
      el(
        'p',
        {},
        'In the browser every WebAssembly thread is a Web Worker running its own instance of the module, and creating one takes milliseconds: far longer than a small matmul. So the lab never creates a thread for a call. The module starts its pool when it loads, one thread per hardware thread the browser reports, and those threads sleep between jobs. A parallel call posts the job and wakes every thread of the pool at once, with one ',
        el('code', {}, 'pthread_cond_broadcast'),
        '. Each thread it woke checks whether this job needs it: those it does not need go straight back to sleep, and the others take chunks beside the calling thread, which works on the job too. When the last chunk is done, the helpers sleep again. With 1 thread the kernel does not touch the pool at all.',
      ),
      el('h2', {}, 'Each thread writes its own rows'),
      el(
        'p',
        {},
        'The kernel here, ',
        el('strong', {}, kernel.title),
        ', splits C by rows. A thread computes whole rows of C, reading the same rows of A and all of B. No two threads write the same element, and reading needs no coordination, so there are no locks. The rows are cut into four chunks per thread, in whole 4-row tiles, and threads take the next chunk as they finish one: a thread that something else slows down takes fewer chunks, and the others do not wait for it.',
      ),
      el('h2', {}, 'Your exercise: the split'),
      el(
        'p',
        { 'data-split-exercise': '' },
        'In this lesson’s exercise you decide which rows each thread computes. A kernel you compile in this page runs in a WebAssembly module of its own, which cannot start threads, so the lab’s pool calls your function instead: it asks your split once for every thread, when the problem is set up, and then each of its threads computes the rows you gave it with the lab’s 4 × 8 SIMD128 rows. A row no thread claims stays unwritten and a row two threads claim is added twice, so the check names either. The bar times your split against the lab’s even split on every thread: give one thread all the rows and the others wait.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      rowSplit(),
      el(
        'figcaption',
        {},
        'Three threads, four chunks each on average. Thread 2 was slowed by something else, so thread 1 took one of its chunks.',
      ),
    ),
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'What limits the speedup'),
      el(
        'ul',
        {},
        el(
          'li',
          {},
          el('strong', {}, 'Serial work. '),
          'What cannot be split runs on one thread while the others wait: posting the job, and waiting for the last chunk to finish.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'Wake-up cost. '),
          'A sleeping thread runs again only once the operating system schedules it. Every parallel call waits for that, for each helper it uses; and since the broadcast wakes every thread of the pool, those it does not use also wake, take the pool’s lock and go back to sleep. At small sizes this can outweigh the work.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'Shared memory bandwidth. '),
          'The cores share the memory bus and usually the last-level cache. Where a kernel waits on memory, more cores wait together.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'Shared cores. '),
          'The browser’s own threads, other tabs and other programs use the same cores. On a small virtual machine, say two cores, a busy neighbour on the host can take one away in the middle of a run.',
        ),
      ),
      el('h2', {}, 'Amdahl’s law'),
      el(
        'p',
        {},
        'If a share s of the one-thread time cannot be split, p threads take ',
        formula('T(p) = T(1) · (s + (1 − s)/p)'),
        ', and the speedup is ',
        el('strong', {}, formula('S(p) = T(1)/T(p) = 1 / (s + (1 − s)/p)')),
        '. However many threads there are, it stays below 1/s: with s = 5%, below 20×. The parallel efficiency ',
        el('strong', {}, formula('E(p) = S(p)/p')),
        ' is the share of the p threads’ time that went into useful work; ideal is 100%.',
      ),
      el(
        'p',
        {},
        'The lesson fits s to your times. ',
        formula('T(p)/T(1) − 1/p = s · (1 − 1/p)'),
        ' is a straight line through the origin, so least squares gives ',
        formula('s = Σxy / Σx²'),
        ', with ',
        formula('x = 1 − 1/p'),
        ' and ',
        formula('y = T(p)/T(1) − 1/p'),
        ' over the thread counts you ran, clamped to [0, 1]. With only 1 and 2 threads, the fit just restates the one speedup measured.',
      ),
      el('h2', {}, 'Threads need an isolated page'),
      el(
        'p',
        {},
        'WebAssembly threads share one memory, a SharedArrayBuffer, and a browser hands that out only to a page that is cross-origin isolated: served with the COOP and COEP headers. Anywhere else the lab loads a single-threaded build, and this lesson can run 1 thread only. This page loaded ',
        el('code', {}, build.module),
        build.threads ? `, whose pool has ${session.catalog.build.max_threads} threads.` : ', which has no threads.',
      ),
    ),
  ];
}

// How many threads this page may offer, and, when that is one, why.
function threadLimit(session) {
  const { build } = session.lab;
  if (!build.threads) return { most: 1, reason: build.reason };
  const hardware = navigator.hardwareConcurrency || 1;
  const most = Math.min(hardware, session.catalog.build.max_threads);
  return {
    most,
    reason:
      most > 1
        ? null
        : `Only one thread is available here (the browser reports ${hardware} hardware ` +
          `thread${hardware === 1 ? '' : 's'}, and the module's pool has ${session.catalog.build.max_threads}), so there is nothing to split.`,
  };
}

const plural = (p) => `${p} thread${p === 1 ? '' : 's'}`;

function sameProblem(a, b) {
  return a.result.kernel === b.result.kernel && a.result.shape.n === b.result.shape.n && a.result.shape.block === b.result.shape.block;
}

// The 1-thread run an entry is compared with: the latest of the same kernel,
// N and block, up to that entry.
function oneThreadRun(entries, entry) {
  return entries
    .slice(0, entries.indexOf(entry) + 1)
    .findLast((e) => e.result.status === 'ok' && e.result.shape.threads === 1 && sameProblem(e, entry));
}

function comparedColumns(baselineOf) {
  const cell = (format) => (entry) => {
    const one = baselineOf(entry);
    return one ? format(speedup(entry, one), entry.result.shape.threads) : '—';
  };
  return [
    {
      id: 'speedup',
      label: 'Speedup',
      numeric: true,
      title: 'Median time on 1 thread (same N and block) divided by this median time',
      value: cell((s) => ratio(s)),
    },
    {
      id: 'efficiency',
      label: 'Efficiency',
      numeric: true,
      title: 'Speedup divided by the number of threads',
      value: cell((s, p) => percent(efficiency(s, p), 0)),
    },
  ];
}

// Per problem (N and block) of the thread sweeps so far: the latest time at
// each thread count, the speedups over 1 thread, and the Amdahl fit.
function sweepCurves(entries) {
  const times = latestPoints(
    entries.filter((e) => e.result.status === 'ok' && e.meta.experiment === 'sweep'),
    (e) => `${e.result.shape.n}|${e.result.shape.block}`,
    (e) => e.result.shape.threads,
    (e) => e.result.timing.median_s,
  );
  return [...times].flatMap(([key, points]) => {
    const t1 = new Map(points).get(1);
    if (t1 === undefined) return [];
    const [n, block] = key.split('|');
    return [{ key, n, block, speedups: points.map(([p, t]) => [p, t1 / t]), fit: fitSerialFraction(points) }];
  });
}

// Measured speedup, the Amdahl fit and the ideal, each as view(speedup, p).
function threadSeries(entries, view) {
  const curves = sweepCurves(entries);
  const counts = [...new Set(curves.flatMap((c) => c.speedups.map(([p]) => p)))];
  const series = curves.flatMap((c) => [
    { label: `N = ${c.n}, b = ${c.block}`, colorKey: c.key, points: c.speedups.map(([p, s]) => [p, view(s, p)]) },
    ...(c.fit
      ? [
          {
            label: `Amdahl fit, s = ${serialText(c.fit.s)} (N = ${c.n})`,
            colorKey: c.key,
            dash: [2, 5],
            points: c.speedups.map(([p]) => [p, view(amdahlSpeedup(c.fit.s, p), p)]),
          },
        ]
      : []),
  ]);
  return curves.length ? [...series, { label: 'Ideal', colorKey: 'ideal', dash: [8, 6], points: counts.map((p) => [p, view(p, p)]) }] : [];
}

// The small-size experiments so far: the speedup of each thread count over 1, against N.
function smallSeries(entries) {
  const ok = entries.filter((e) => e.result.status === 'ok' && e.meta.experiment === 'small');
  const compared = ok.filter((e) => e.result.shape.threads > 1 && oneThreadRun(entries, e));
  const points = latestPoints(
    compared,
    (e) => e.result.shape.threads,
    (e) => e.result.shape.n,
    (e) => speedup(e, oneThreadRun(entries, e)),
  );
  const sizes = [...new Set(compared.map((e) => e.result.shape.n))];
  const series = [...points].map(([p, pts]) => ({ label: `${plural(p)} over 1`, colorKey: `p${p}`, points: pts }));
  return series.length ? [...series, { label: 'Break-even', colorKey: 'even', dash: [8, 6], points: sizes.map((n) => [n, 1]) }] : [];
}

const integerTick = (v) => (Number.isInteger(v) ? String(v) : '');

// What a run of the thread sweep found at each N.
function sweepFindings(entries) {
  return [...byN(entries)].map(([n, atN]) => {
    const one = atN.find((e) => e.result.shape.threads === 1);
    const runs = atN.filter((e) => e.result.shape.threads > 1).sort((a, b) => a.result.shape.threads - b.result.shape.threads);
    const fit = fitSerialFraction(atN.map((e) => [e.result.shape.threads, e.result.timing.median_s]));
    return { n, one, runs, fit };
  });
}

function speedupPhrase(one, entry) {
  const s = speedup(entry, one);
  return `${plural(entry.result.shape.threads)} ${ratio(s)} as fast (efficiency ${percent(efficiency(s, entry.result.shape.threads), 0)})`;
}

// ratio() would write a large limit in exponent form.
function limitText(limit) {
  return limit >= 1000 ? `${Math.round(limit)}×` : ratio(limit);
}

// A small serial fraction keeps two decimals, so it does not read as 0.
function serialText(s) {
  return percent(s, s < 0.01 ? 2 : 1);
}

function amdahlNote(n, fit) {
  const at = `At N = ${n}`;
  if (fit.s === 0) {
    return fit.raw < 0
      ? `${at}, the Amdahl fit gives a serial fraction s = 0 (clamped from ${percent(fit.raw)}), and so no limit: the threads ran ` +
          'faster than ideal. That can happen when each thread’s share of the data fits its own core’s cache better than the whole did.'
      : `${at}, the Amdahl fit gives a serial fraction s = 0, and so no limit: the threads ran at exactly the ideal speedup.`;
  }
  if (fit.raw > 1) {
    return (
      `${at}, the Amdahl fit gives a serial fraction s = 100% (clamped from ${percent(fit.raw)}): more threads were no faster, ` +
      'so Amdahl’s law, which assumes the parallel part speeds up, does not describe this run.'
    );
  }
  const restates =
    fit.counts === 1
      ? ' With one thread count beyond 1, the fit only restates that speedup; more cores would test the shape of the law.'
      : '';
  return `${at}, the Amdahl fit gives a serial fraction s = ${serialText(fit.s)}: no number of threads could run this size more than 1/s = ${limitText(fit.limit)} as fast as 1 thread.${restates}`;
}

function sweepNotes(findings) {
  const notes = [];
  for (const { n, one, runs, fit } of findings) {
    const base = `At N = ${n} (b = ${one.result.shape.block}), 1 thread reached ${gflops(one.result.gflops)} GFLOP/s`;
    if (runs.length === 0) {
      notes.push(`${base}. Only 1 thread ran, so there is no speedup to measure and no serial fraction to fit.`);
      continue;
    }
    const best = runs.reduce((a, b) => (speedup(b, one) > speedup(a, one) ? b : a));
    const shown = runs.length <= 3 ? runs : [...new Set([runs[0], best, runs.at(-1)])];
    notes.push(`${base}; ${shown.map((e) => speedupPhrase(one, e)).join('; ')}.`);
    for (const e of shown.filter((r) => overlap(one, r))) {
      notes.push(`At N = ${n}, 1 thread and ${plural(e.result.shape.threads)} lie within each other’s 95% CIs: no measurable difference.`);
    }
    for (const e of shown.filter((r) => !overlap(one, r) && speedup(r, one) < 1)) {
      notes.push(
        `At N = ${n}, ${plural(e.result.shape.threads)} were slower than 1, which is not what the lesson expects at a size with this much work. ` +
          'Another program may have been busy on the other cores: run again and compare.',
      );
    }
    notes.push(amdahlNote(n, fit));
  }
  return notes;
}

// The verdict when there is no positive number to judge; null when there is one.
function unjudgedVerdict(prediction, guess, facts) {
  if (!prediction) return noPrediction(facts);
  if (!(guess > 0))
    return { text: `Your prediction, “${prediction}”, is not a positive number, so it cannot be judged. ${facts}`, tone: 'neutral' };
  return null;
}

function sweepVerdict(findings, prediction) {
  const { n, one, runs } = findings.at(-1);
  const two = runs.find((e) => e.result.shape.threads === 2);
  if (!two) return { text: `Only 1 thread ran at N = ${n}, so there is no 2-thread speedup to judge.`, tone: 'neutral' };
  const measured = speedup(two, one);
  const facts = `At N = ${n}, 2 threads ran ${ratio(measured)} as fast as 1.`;
  const guess = parseNumber(prediction);
  const unjudged = unjudgedVerdict(prediction, guess, facts);
  if (unjudged) return unjudged;
  const off = guess / measured - 1;
  const close = Math.abs(off) <= TOLERANCE;
  const mine =
    off === 0
      ? 'exactly that'
      : `${percent(Math.abs(off))} ${off > 0 ? 'above' : 'below'} that: ${close ? 'within' : 'not within'} ${percent(TOLERANCE, 0)}`;
  return { text: `${close ? 'Right.' : 'Not quite.'} ${facts} Your ${ratio(guess)} is ${mine}.`, tone: close ? 'right' : 'wrong' };
}

// What a run of the small-size experiment found at each N: win, loss or tie
// (the two medians' 95% CIs overlap).
function smallFindings(entries) {
  return [...byN(entries)].flatMap(([n, atN]) => {
    const one = atN.find((e) => e.result.shape.threads === 1);
    const many = atN.find((e) => e.result.shape.threads > 1);
    if (!one || !many) return [];
    const s = speedup(many, one);
    return [{ n, one, many, s, outcome: overlap(one, many) ? 'tie' : s > 1 ? 'win' : 'loss' }];
  });
}

// The smallest N from which threads won at every larger size too, the size
// just below it, and any wins below that.
function crossover(findings) {
  const from = findings.findIndex((f, i) => findings.slice(i).every((g) => g.outcome === 'win'));
  return {
    from: from < 0 ? null : findings[from],
    before: from > 0 ? findings[from - 1] : null,
    strayWins: findings.slice(0, from < 0 ? findings.length : from).filter((f) => f.outcome === 'win'),
  };
}

// One note per N; the first loss says why threads lose.
function smallNotes(findings) {
  const firstLoss = findings.find((f) => f.outcome === 'loss');
  return findings.map((finding) => {
    const { n, one, many, s, outcome } = finding;
    const p = plural(many.result.shape.threads);
    const timesText = `${seconds(many.result.timing.median_s)} against ${seconds(one.result.timing.median_s)} per call`;
    if (outcome === 'tie')
      return `At N = ${n}, ${p} and 1 thread lie within each other’s 95% CIs (${timesText}): no measurable difference.`;
    const why = finding === firstLoss ? ': waking the pool and waiting for it cost more than the work it took over' : '';
    return `At N = ${n}, ${p} were ${ratio(s)} as fast as 1 (${timesText})${why}.`;
  });
}

function crossoverNote(findings) {
  const { from, before, strayWins } = crossover(findings);
  const last = findings.at(-1);
  const wins = strayWins.map((f) => f.n).join(', ');
  if (!from) {
    return (
      `Threads did not win at the largest size run, N = ${last.n}${wins ? `, though they did at N = ${wins}` : ''}. ` +
      'With more work per call they should; another program may have been busy on the other cores, so run again, or try larger sizes.'
    );
  }
  if (!before)
    return `Threads won at every size, even the smallest, N = ${from.n}: on this machine, waking the pool costs less than even that much work.`;
  const stray = wins ? ` They also won at N = ${wins}, below a size where they did not: this close to break-even, noise decides.` : '';
  return `Threads won from N = ${from.n} up; at N = ${before.n} they did not.${stray}`;
}

function smallVerdict(findings, prediction) {
  const { from, before } = crossover(findings);
  const last = findings.at(-1);
  const facts = from
    ? before
      ? `Threads won from N = ${from.n} up, and not at N = ${before.n}.`
      : `Threads won at every size, even N = ${from.n}.`
    : `Threads did not win at the largest size run, N = ${last.n}.`;
  const guess = parseNumber(prediction);
  const unjudged = unjudgedVerdict(prediction, guess, facts);
  if (unjudged) return unjudged;
  if (!from) {
    return guess > last.n
      ? { text: `${facts} Your N = ${guess} lies beyond this sweep: run larger sizes to judge it.`, tone: 'neutral' }
      : { text: `Not quite. ${facts} So they did not win from your N = ${guess} on.`, tone: 'wrong' };
  }
  if (guess > from.n) return { text: `Not quite. ${facts} They already won below your N = ${guess}.`, tone: 'wrong' };
  if (before && guess <= before.n) {
    const where = guess === before.n ? 'your guess' : `above your ${guess}`;
    return { text: `Not quite. ${facts} At N = ${before.n}, ${where}, they did not win yet.`, tone: 'wrong' };
  }
  return {
    text: `Right. ${facts} Your N = ${guess} lies ${before ? `between the two` : 'at or below the smallest size run'}.`,
    tone: 'right',
  };
}

function range(from, to) {
  return Array.from({ length: Math.max(to - from + 1, 0) }, (_, i) => from + i);
}

export default {
  ...LESSON,
  mount(session) {
    const kernel = session.kernelByRole({ role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' });
    const limit = threadLimit(session);
    const hardware = navigator.hardwareConcurrency;
    const question = QUESTIONS.sweep;
    // The columns compare each row with the runs before it, which the page holds.
    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' }, size: 512, threads: 2, block: 64 },
        b: { query: { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' }, size: 512, threads: 1, block: 64 },
        intro: el('p', {}, 'The SIMD128 matmul on 2 threads against 1 thread at N = 512, in interleaved rounds.'),
      },
      lead: 'Split one matmul’s rows over several cores and it can run nearly that many times as fast, once there is enough work to split.',
      explanation: explanation(session, kernel, limit),
      exercise: {
        question: 'sweep',
        prompt: question.prompt,
        label: question.label,
        control: { kind: 'number', placeholder: question.placeholder, inputmode: question.inputmode },
      },
      fields: [
        experimentField(
          EXPERIMENTS,
          'The sweep runs 1 up to the most threads; small sizes, 1 thread against the most. Each has its own prediction.',
          { both: false },
        ),
        { name: 'sizes', label: 'Sizes N', kind: 'list', value: '1024', hint: 'Each runs on 1, 2, … up to the most threads.' },
        {
          name: 'small_sizes',
          label: 'Sizes N',
          kind: 'list',
          value: '16,32,64,128,256,512',
          hint: 'Each runs on 1 thread and on the most threads.',
        },
        {
          name: 'threads',
          label: 'Most threads',
          kind: 'select',
          value: String(limit.most),
          options: range(1, limit.most).map((p) => ({ value: String(p), label: p === 1 ? '1 (no pool)' : String(p) })),
          hint: limit.reason
            ? 'Only 1 here: see the note at the top.'
            : `Up to ${limit.most}: the browser reports ${hardware} hardware threads, and the pool has ${session.catalog.build.max_threads}.`,
        },
        { name: 'block', label: 'Block size b', kind: 'number', value: '128', hint: 'At a size below b, the block is N.' },
        minTimeField('0.2', 'Per size and thread count.'),
      ],
      fieldFor: refusalField({
        sizes: () => chosenExperiments(EXPERIMENTS, page.form.input('experiment').value)[0].sizes,
        block: 'block',
        threads: 'threads',
      }),
      columns: [
        kernelColumn(session),
        nColumn,
        blockColumn,
        threadsColumn,
        medianColumn,
        spreadColumn,
        ciColumn,
        samplesColumn,
        gflopsColumn,
        ...comparedColumns((entry) => oneThreadRun(page.entries, entry)),
        checkColumn,
      ],
      chart: {
        xLabel: 'Threads',
        yLabel: 'Speedup over 1 thread',
        xFormat: integerTick,
        yFormat: timesTick,
        legend: el(
          'p',
          { class: 'chart-legend' },
          'Thread sweep: speedup, then parallel efficiency. Lines: ',
          el('span', { class: 'key key-solid' }),
          ' measured, ',
          el('span', { class: 'key key-dotted' }),
          ' Amdahl fit, ',
          el('span', { class: 'key key-dashed' }),
          ' ideal.',
        ),
        empty: 'The thread sweep draws its speedup over 1 thread here, with the ideal (dashed) and the Amdahl fit (dotted).',
      },
      moreCharts: [
        {
          xLabel: 'Threads',
          yLabel: 'Parallel efficiency',
          xFormat: integerTick,
          yFormat: percentTick,
          empty: 'The same sweep as parallel efficiency: speedup divided by the number of threads.',
          series: (entries) => threadSeries(entries, efficiency),
        },
        {
          xLabel: 'N',
          yLabel: 'Speedup over 1 thread',
          xLogBase: 2,
          xFormat: String,
          yFormat: timesTick,
          legend: el(
            'p',
            { class: 'chart-legend' },
            'Small sizes: the speedup of the most threads over 1 at each N. Below the dashed line at 1×, threads lose.',
          ),
          empty: 'The small-size experiment draws the speedup over 1 thread against N here. Below the dashed line, threads lose.',
          series: smallSeries,
        },
      ],
      code: {
        kernels: [kernel],
        operation: session.operation(kernel.operation),
        sources: session.sourcesOf([kernel], session.catalog.sources.thread_pool),
      },
      plan({ experiment, sizes, small_sizes: smallSizes, threads, block, min_time_s }) {
        const most = Number(threads);
        const counts = experiment === 'small' ? [...new Set([1, most])] : range(1, most);
        // Each run caps b at its N (C++'s cap_block), which would hide a b no size can take: check b as typed, at the largest N.
        const largest = session.operation(kernel.operation).max_n;
        return {
          checks: [runRequest(kernel, largest, { block, threads: 1, min_time_s })],
          items: (experiment === 'small' ? smallSizes : sizes).flatMap((n) =>
            counts.map((p) => ({
              requests: [runRequest(kernel, n, { block, cap_block: true, threads: p, min_time_s })],
              meta: { experiment, n, threads: p },
            })),
          ),
        };
      },
      describe: ({ n, threads }) => `${kernel.title} at N = ${n} on ${plural(threads)}`,
      series: (entries) => threadSeries(entries, (s) => s),
      conclude({ entries, values, prediction }) {
        if (values.experiment === 'small') {
          const findings = smallFindings(entries);
          if (findings.length === 0) {
            const nothing = 'With Most threads at 1 there is nothing to compare 1 thread with.';
            return { verdict: { text: nothing, tone: 'neutral' }, notes: [nothing] };
          }
          return { verdict: smallVerdict(findings, prediction), notes: [...smallNotes(findings), crossoverNote(findings)] };
        }
        const findings = sweepFindings(entries);
        return { verdict: sweepVerdict(findings, prediction), notes: sweepNotes(findings) };
      },
    });

    const experiment = page.form.input('experiment');
    followExperimentSelect(page, EXPERIMENTS);
    experiment.addEventListener('change', () => page.exercise.ask({ ...QUESTIONS[experiment.value], question: experiment.value }));
    if (limit.most < 2) {
      page.form.input('threads').disabled = true;
      experiment.disabled = true;
    }
    return page.section;
  },
};
