// Lesson 1: the same triple loop in six orders, and why memory order decides speed.
import { el, svg } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle, kernelSeries } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { runRequest } from '../ui/request.js';
import { kernelColumn, nColumn, medianColumn, spreadColumn, ciColumn, samplesColumn, gflopsColumn, checkColumn } from '../ui/columns.js';
import { byN, fastest, slowest, overlap, latestPoints, threeSquaresBytes, cacheFit } from '../ui/analysis.js';
import { bytes, gflops, percent, ratio } from '../ui/format.js';

const LESSON = { id: 'loops', number: 1, title: 'Loop order' };

const CELL = 18;
const COLS = 16; // 16 floats: one 64-byte cache line per row of the drawing
const ROWS = 5;

// One panel: a 16-wide matrix drawn as a grid and, below it, as the flat
// row-major memory it really is, with the floats one loop walk touches.
function panel(x0, title, subtitle, touched) {
  const cells = [];
  const strip = [];
  const stripCell = (COLS * CELL) / (COLS * ROWS);
  for (let r = 0; r < ROWS; r += 1) {
    const lineLoaded = [...Array(COLS).keys()].some((c) => touched(r, c));
    for (let c = 0; c < COLS; c += 1) {
      const cls = touched(r, c) ? 'used' : lineLoaded ? 'loaded' : 'idle';
      cells.push(`<rect x="${x0 + c * CELL}" y="${62 + r * CELL}" width="${CELL - 2}" height="${CELL - 2}" rx="2" class="${cls}"/>`);
      strip.push(`<rect x="${x0 + (r * COLS + c) * stripCell}" y="196" width="${stripCell - 0.6}" height="16" class="${cls}"/>`);
    }
  }
  return `
    <text x="${x0}" y="24" class="label">${title}</text>
    <text x="${x0}" y="42" class="sub">${subtitle}</text>
    ${cells.join('')}
    <text x="${x0}" y="188" class="sub">the same floats in memory, row after row</text>
    ${strip.join('')}`;
}

function strides() {
  return svg(`
    <svg viewBox="0 0 740 250" role="img" aria-labelledby="strides-title" class="diagram">
      <title id="strides-title">Walking along a row touches 16 neighbouring floats, one cache line. Walking down a column touches one float in each of 5 cache lines, 16 floats apart in memory.</title>
      ${panel(20, 'Along a row: stride 1', '16 floats used from 1 cache line', (r) => r === 1)}
      ${panel(420, 'Down a column: stride N', '5 floats used, 5 cache lines loaded', (r, c) => c === 3)}
      <g class="legend">
        <rect x="20" y="226" width="12" height="12" rx="2" class="used"/><text x="38" y="236" class="sub">read by the loop</text>
        <rect x="170" y="226" width="12" height="12" rx="2" class="loaded"/><text x="188" y="236" class="sub">loaded with it, unused</text>
      </g>
    </svg>`);
}

function explanation() {
  const walk = (order, inner, detail) => el('tr', {}, el('td', {}, order), el('td', {}, inner), el('td', {}, detail));
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'One computation, six orders'),
      el(
        'p',
        {},
        'Each element of C is a sum of products: C[i][j] = Σ A[i][p] · B[p][j], over p from 0 to K − 1. Three nested loops over i, j and p compute it, and they can be nested in any of six orders. Every order adds the same products; what changes is the order in which memory is read.',
      ),
      el('h2', {}, 'Row-major storage and cache lines'),
      el(
        'p',
        {},
        'The matrices are stored row after row: A[i][p] is a[i·K + p] and B[p][j] is b[p·N + j]. Neighbours in a row are neighbours in memory (stride 1); neighbours in a column are N floats apart (stride N). Memory reaches the cache in whole lines: 64 bytes, 16 floats, on most x86 and ARM cores, and 128 bytes on Apple’s M-series cores. A stride-1 walk uses every float of every line it loads; a stride-N walk uses one and must hope the line is still cached when the next column needs it. That hope holds while the matrices are small enough to stay in cache, and fails once they are not.',
      ),
      el('h2', {}, 'The innermost loop decides'),
      el(
        'table',
        { class: 'mini' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Orders'), el('th', {}, 'Innermost'), el('th', {}, 'What it walks'))),
        el(
          'tbody',
          {},
          walk('i-k-j, k-i-j', 'j', 'a row of B and a row of C, both stride 1; A[i][p] stays in a register'),
          walk('i-j-k, j-i-k', 'p', 'a row of A (stride 1) and a column of B (stride N); the sum stays in a register'),
          walk('j-k-i, k-j-i', 'i', 'a column of A (stride K) and a column of C (stride N)'),
        ),
      ),
      el(
        'p',
        {},
        'A stride-1 innermost loop with independent iterations, as in i-k-j, is also one the compiler can turn into SIMD128 instructions, four floats at a time. A dot product is one running sum, and the compiler may not reorder float additions, so it stays one float at a time.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      strides(),
      el(
        'figcaption',
        {},
        'A 16-float-wide matrix, so that one row is exactly one 64-byte cache line, the size on most x86 and ARM cores; a 128-byte line of Apple’s M-series would hold two rows.',
      ),
    ),
  ];
}

function verdict(session, entries, prediction) {
  const [n, atN] = [...byN(entries.filter((e) => !session.kernel(e.result.kernel).student))].at(-1);
  const ranked = [...atN].sort((a, b) => b.result.gflops - a.result.gflops);
  const [best, second] = ranked;
  const lead = second ? `, ${ratio(best.result.gflops / second.result.gflops)} the runner-up ${entryTitle(session, second)}` : '';
  const tie = second && overlap(best, second) ? ' The two lie within each other’s 95% CIs, so this run cannot really rank them.' : '';
  const facts = `At N = ${n}, ${entryTitle(session, best)} was fastest: ${gflops(best.result.gflops)} GFLOP/s${lead}.`;
  if (!prediction) return noPrediction(`${facts}${tie}`);
  const pick = atN.find((e) => e.result.kernel === prediction);
  if (pick === best) return { text: `Right. ${facts}${tie}`, tone: 'right' };
  if (!pick) return { text: `Your pick was not measured at N = ${n}. ${facts}${tie}`, tone: 'neutral' };
  const behind = 1 - pick.result.gflops / best.result.gflops;
  const mine = `Your pick, ${entryTitle(session, pick)}, reached ${gflops(pick.result.gflops)} GFLOP/s, ${percent(behind)} slower`;
  if (overlap(pick, best)) {
    return {
      text: `Too close to call. ${facts} ${mine}, within this measurement’s noise: run again, or longer, to separate them.`,
      tone: 'neutral',
    };
  }
  return { text: `Not quite. ${facts} ${mine}.`, tone: 'wrong' };
}

function notes(session, entries) {
  const reference = entries.filter((e) => !session.kernel(e.result.kernel).student);
  const gaps = [...byN(reference)]
    .filter(([, atN]) => atN.length > 1)
    .map(([n, atN]) => {
      const [best, worst] = [fastest(atN), slowest(atN)];
      return { n, best, worst, gap: best.result.gflops / worst.result.gflops };
    });
  const result = gaps.map(({ n, best, worst, gap }) => {
    const size = threeSquaresBytes(n);
    return `At N = ${n} the three matrices take ${bytes(size)} (${cacheFit(size)}): ${entryTitle(session, best)} ran ${ratio(gap)} as fast as ${entryTitle(session, worst)}.`;
  });
  if (gaps.length > 1) {
    const [first, last] = [gaps[0], gaps.at(-1)];
    result.push(
      last.gap > first.gap * 1.1
        ? `The gap between the fastest and slowest order grew from ${ratio(first.gap)} at N = ${first.n} to ${ratio(last.gap)} at N = ${last.n}, as the lesson predicts: the larger the matrices, the less a column walk finds in cache.`
        : `The gap between the fastest and slowest order did not grow from N = ${first.n} (${ratio(first.gap)}) to N = ${last.n} (${ratio(last.gap)}). That is not what the lesson predicts; larger sizes, whose matrices no longer fit in cache, should show it.`,
    );
  }
  for (const mine of entries.filter((e) => session.kernel(e.result.kernel).student)) {
    const atN = byN(entries).get(mine.result.shape.n);
    const rank = [...atN].sort((a, b) => b.result.gflops - a.result.gflops).indexOf(mine) + 1;
    result.push(
      `Your kernel reached ${gflops(mine.result.gflops)} GFLOP/s at N = ${mine.result.shape.n}: number ${rank} of ${atN.length}.`,
    );
  }
  return result;
}

export default {
  ...LESSON,
  mount(session) {
    const kernels = session.kernels((k) => k.lesson === 'loops');
    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { finding: 'fastest-loops', pending: 'the fastest order of your last run, at its largest N', size: 256 },
        b: { query: { role: 'naive', operation: 'f32_matmul' }, size: 256 },
        intro: el(
          'p',
          {},
          'The fastest loop order of your last run against the textbook i-j-k, at N = 256, in interleaved rounds: the gap above divides medians of runs taken one after another.',
        ),
      },
      lead: 'The same three loops, nested in six orders, can differ several times in speed. The reason is how they walk memory.',
      explanation: explanation(),
      exercise: {
        prompt: 'Which loop order will be fastest at the largest size you run? Decide before you press Run.',
        label: 'Fastest order',
        control: { kind: 'select', options: kernels.filter((k) => !k.student).map((k) => ({ value: k.name, label: k.title })) },
      },
      fields: [
        { name: 'sizes', label: 'Sizes N', kind: 'list', value: '64,128,256', hint: 'Comma-separated; each runs every order.' },
        minTimeField('0.3', 'Per kernel and size.'),
      ],
      fieldFor: refusalField({ sizes: 'sizes' }),
      columns: [kernelColumn(session), nColumn, medianColumn, spreadColumn, ciColumn, samplesColumn, gflopsColumn, checkColumn],
      chart: {
        xLabel: 'N',
        yLabel: 'GFLOP/s',
        xLogBase: 2,
        xFormat: String,
        yFormat: gflops,
        empty: 'Each run adds one point per kernel and size here.',
      },
      code: { kernels, operation: session.operation(kernels[0].operation), sources: session.sourcesOf(kernels) },
      plan({ sizes, min_time_s }) {
        return {
          items: sizes.flatMap((n) =>
            kernels.map((k) => ({
              requests: [runRequest(k, n, { min_time_s })],
              meta: { title: k.title, n },
            })),
          ),
        };
      },
      describe: ({ title, n }) => `${title} at N = ${n}`,
      series(entries) {
        const points = latestPoints(
          entries.filter((e) => e.result.status === 'ok'),
          (e) => e.result.kernel,
          (e) => e.result.shape.n,
          (e) => e.result.gflops,
        );
        // Read now, not at mount: kernels compiled in the code panel join the catalog later.
        return kernelSeries(
          session.kernels((k) => k.lesson === LESSON.id),
          points,
        );
      },
      conclude({ entries, prediction }) {
        const reference = entries.filter((e) => !session.kernel(e.result.kernel).student);
        const [n, atN] = [...byN(reference)].at(-1);
        session.publish('fastest-loops', { kernel: fastest(atN).result.kernel, n });
        return { verdict: verdict(session, entries, prediction), notes: notes(session, entries) };
      },
    });
    return page.section;
  },
};
