// Lesson 2: run i-k-j tile by tile, so data is reused while it is still in cache.
import { el, svg } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle, kernelTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { NO_PREDICTION } from '../ui/verdict.js';
import { runRequest } from '../ui/request.js';
import { parseList, parseNumber } from '../ui/form.js';
import {
  kernelColumn,
  nColumn,
  blockColumn,
  medianColumn,
  spreadColumn,
  ciColumn,
  samplesColumn,
  gflopsColumn,
  checkColumn,
} from '../ui/columns.js';
import { byN, fastest, overlap, latestPoints, threeSquaresBytes, cacheFit } from '../ui/analysis.js';
import { bytes, gflops, percent, ratio } from '../ui/format.js';

const LESSON = { id: 'blocking', number: 2, title: 'Blocking' };

const TILE = 30;

const TOP = 40;

// A matrix of 4 × 4 tiles with its row and column tile labels; `mark(r, c)`
// says how to shade each tile.
function matrix(x0, name, [rowLabel, row], [colLabel, col], mark) {
  const tiles = [];
  for (let r = 0; r < 4; r += 1) {
    for (let c = 0; c < 4; c += 1) {
      tiles.push(
        `<rect x="${x0 + c * TILE}" y="${TOP + r * TILE}" width="${TILE - 2}" height="${TILE - 2}" rx="2" class="${mark(r, c)}"/>`,
      );
    }
  }
  return `<text x="${x0 + 2 * TILE}" y="28" class="label" text-anchor="middle">${name}</text>${tiles.join('')}
    <text x="${x0 - 6}" y="${TOP + row * TILE + TILE / 2 + 3}" class="sub" text-anchor="end">${rowLabel}</text>
    <text x="${x0 + col * TILE + TILE / 2 - 1}" y="${TOP + 4 * TILE + 16}" class="sub" text-anchor="middle">${colLabel}</text>`;
}

function tiles() {
  const [i0, p0, j0] = [1, 2, 3];
  return svg(`
    <svg viewBox="0 0 540 200" role="img" aria-labelledby="tiles-title" class="diagram compact">
      <title id="tiles-title">C's tile in row i0, column j0 gets the product of A's tile (i0, p0) and B's tile (p0, j0), summed over p0: a row of A's tiles times a column of B's tiles.</title>
      ${matrix(30, 'C', ['i0', i0], ['j0', j0], (r, c) => (r === i0 && c === j0 ? 'used' : 'idle'))}
      <text x="194" y="106" class="op" text-anchor="middle">+=</text>
      ${matrix(220, 'A', ['i0', i0], ['p0', p0], (r, c) => (r === i0 ? (c === p0 ? 'used' : 'loaded') : 'idle'))}
      <text x="366" y="106" class="op" text-anchor="middle">×</text>
      ${matrix(400, 'B', ['p0', p0], ['j0', j0], (r, c) => (c === j0 ? (r === p0 ? 'used' : 'loaded') : 'idle'))}
      <path d="M${30 + 4 * TILE + 6} ${TOP + i0 * TILE} v${TILE - 2}" class="dimension"/>
      <text x="${30 + 4 * TILE + 12}" y="${TOP + i0 * TILE + TILE / 2 + 3}" class="sub">b</text>
    </svg>`);
}

// The working set of each block size the student typed: a formula, not a measurement.
function workingSets() {
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'mini' },
    el('thead', {}, el('tr', {}, el('th', {}, 'b'), el('th', {}, '3 tiles: 3·b²·4 bytes'), el('th', {}, 'Where they fit'))),
    body,
  );
  const update = (text) => {
    const blocks = [...new Set(parseList(text).filter((b) => Number.isInteger(b) && b > 0))].sort((a, b) => a - b);
    body.replaceChildren(
      ...blocks.map((b) =>
        el(
          'tr',
          {},
          el('td', { class: 'num' }, String(b)),
          el('td', { class: 'num' }, bytes(threeSquaresBytes(b))),
          el('td', {}, cacheFit(threeSquaresBytes(b))),
        ),
      ),
    );
  };
  return { table, update };
}

function explanation(sets) {
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'Reuse, before the cache forgets'),
      el(
        'p',
        {},
        'In i-k-j, every row of C walks all of B, row by row. When B (N²·4 bytes) is larger than a cache level, its first rows have been evicted by the time the next row of C starts over, so B is fetched again from farther away for every row of C. Per-core L2 caches hold from 256 KiB to 2 MiB or more, depending on the CPU: with a 2 MiB L2, B outgrows it once N²·4 bytes > 2 MiB, above N ≈ 724, and with a 512 KiB one already above N ≈ 362. Past that size tiling has traffic to save. Below it, expect little or no gain. Above it, the saving shows as speed only if fetching B was what held i-k-j back: its walk over B is a steady stream that hardware prefetchers hide well, so on some CPUs tiling alone barely helps, and the next lessons’ register blocking is what pays.',
      ),
      el('h2', {}, 'Tiles'),
      el(
        'p',
        {},
        'The blocked kernel runs the same i-k-j loops on b × b tiles. Its outer loops step i0, p0 and j0 by b; each step adds a tile of A times a tile of B into a tile of C. Within one step every value of the three tiles is used b times, so when the three tiles, 3·b²·4 bytes, fit in a cache level, each float fetched is used about b times before it can be evicted. N need not be a multiple of b: the last tile in each direction is cut short.',
      ),
      el('h2', {}, 'Choosing b'),
      el(
        'p',
        {},
        'Too small, and the innermost loop is short: loop bookkeeping and the SIMD loop’s set-up outweigh the arithmetic. Too large, and the tiles no longer fit the cache they were meant for. A web page cannot ask the CPU how large its caches are. On current cores the L1 data cache holds 32 to 128 KiB (the largest on Apple’s big cores) and the L2 256 KiB to 2 MiB or more per core; the triad sweep of the Roofline lesson measures your machine’s bandwidth from L1-sized to memory-sized arrays, and its drops show roughly where your caches end. For the block sizes in the form, against that range:',
      ),
      sets.table,
    ),
    el(
      'figure',
      { class: 'figure' },
      tiles(),
      el(
        'figcaption',
        {},
        'The dark tile of C is the sum, over p0, of the dark tiles of A and B as they move along the light ones. One step of the kernel works on three b × b tiles.',
      ),
    ),
  ];
}

// Entries of the lesson's own reference kernels, per N, apart from the baseline.
function blockedByN(session, entries) {
  return byN(entries.filter((e) => !e.meta.baseline && !session.kernel(e.result.kernel).student));
}

function verdict(session, entries, prediction) {
  const guess = parseNumber(prediction);
  const lines = [];
  let tone = 'right';
  for (const [n, atN] of blockedByN(session, entries)) {
    const best = fastest(atN);
    const bestLine = `At N = ${n} the best block was ${best.result.shape.block} (${gflops(best.result.gflops)} GFLOP/s)`;
    const mine = fastest(atN.filter((e) => e.result.shape.block === guess));
    if (!prediction) {
      lines.push(`${bestLine}.`);
      tone = 'neutral';
    } else if (!mine) {
      lines.push(`${bestLine}; your block ${prediction} was not in the sweep there.`);
      if (tone === 'right') tone = 'neutral';
    } else {
      const behind = 1 - mine.result.gflops / best.result.gflops;
      const close = behind <= 0.05;
      if (!close) tone = 'wrong';
      lines.push(
        mine === best
          ? `${bestLine}: your guess exactly.`
          : `${bestLine}; your ${guess} reached ${gflops(mine.result.gflops)} GFLOP/s, ${percent(behind)} below: ${close ? 'within' : 'not within'} 5%.`,
      );
    }
  }
  const opening = { right: 'Right.', wrong: 'Not quite.', neutral: prediction ? '' : NO_PREDICTION }[tone];
  return { text: [opening, ...lines].filter(Boolean).join(' '), tone };
}

function notes(session, entries) {
  const result = [];
  for (const [n, atN] of blockedByN(session, entries)) {
    const best = fastest(atN);
    // The smallest and largest blocks show both ends of the trade-off.
    const byBlock = [...atN].sort((a, b) => a.result.shape.block - b.result.shape.block);
    const others = [...new Set([byBlock[0], byBlock.at(-1)])]
      .filter((e) => e !== best)
      .map((e) => `block ${e.result.shape.block} reached ${percent(e.result.gflops / best.result.gflops, 0)} of that`);
    const tileBytes = threeSquaresBytes(best.result.shape.block);
    result.push(
      `At N = ${n} the best block was ${best.result.shape.block}, at ${gflops(best.result.gflops)} GFLOP/s ` +
        `(its three tiles take ${bytes(tileBytes)}, which ${cacheFit(tileBytes)})${others.length ? `; ${others.join(', ')}` : ''}.`,
    );
    const baseline = entries.find((e) => e.meta.baseline && e.result.shape.n === n);
    if (baseline) result.push(baselineNote(session, n, best, baseline));
  }
  return result;
}

function baselineNote(session, n, best, baseline) {
  const name = entryTitle(session, baseline);
  const gain = best.result.gflops / baseline.result.gflops;
  if (overlap(best, baseline)) {
    return `At N = ${n}, the best blocked run and unblocked ${name} lie within each other's 95% CIs: no measurable gain at this size.`;
  }
  if (gain > 1) return `At N = ${n}, blocking beat unblocked ${name} by ${ratio(gain)}.`;
  const whole = threeSquaresBytes(n);
  return (
    `At N = ${n}, blocking was slower than unblocked ${name} (${percent(gain, 0)} of its speed), which is not what the lesson claims. ` +
    `The three matrices take ${bytes(whole)}, which ${cacheFit(whole)}. Where they fit in a cache, tiling has little traffic to save, so try a larger N.`
  );
}

export default {
  ...LESSON,
  mount(session) {
    const kernels = session.kernels((k) => k.lesson === 'blocking');
    const baselines = session.kernels((k) => k.lesson === 'loops' && !k.student);
    const sets = workingSets();
    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'blocked', operation: 'f32_matmul' }, size: 256, block: 64 },
        b: {
          finding: 'fastest-loops',
          query: { role: 'naive', operation: 'f32_matmul' },
          size: 256,
        },
        intro: el(
          'p',
          {},
          'The blocked kernel (block 64) against the fastest loop order the Loops lesson measured (the textbook i-j-k until it has run), at N = 256, in interleaved rounds.',
        ),
      },
      lead: 'Cut the matrices into tiles that fit in cache, and every float fetched is used many times before it is evicted.',
      explanation: explanation(sets),
      exercise: {
        prompt: 'Which block size will give the most GFLOP/s? A guess within 5% of the best counts as right.',
        label: 'Best block size b',
        control: { kind: 'number', placeholder: 'e.g. 48' },
      },
      fields: [
        {
          name: 'sizes',
          label: 'Sizes N',
          kind: 'list',
          value: '256,1024',
          hint: 'Comma-separated. Tiling pays once B outgrows a cache level.',
        },
        {
          name: 'blocks',
          label: 'Block sizes b',
          kind: 'list',
          value: '16,32,64,128,256',
          hint: 'A block too large for an N is skipped at that N.',
        },
        {
          name: 'baseline',
          label: 'Compare with',
          kind: 'select',
          value: '',
          options: [
            { value: '', label: 'no unblocked kernel' },
            ...baselines.map((k) => ({ value: k.name, label: `${k.title} (unblocked)` })),
          ],
          hint: 'Set to the Loops lesson’s fastest order once you have run it.',
        },
        minTimeField('0.3', 'Per kernel, size and block.'),
      ],
      fieldFor: refusalField({ sizes: 'sizes', block: 'blocks', kernel: 'baseline' }),
      columns: [
        kernelColumn(session),
        nColumn,
        blockColumn,
        {
          id: 'tiles',
          label: '3 tiles',
          numeric: true,
          title: 'Working set of one step: 3·b²·4 bytes (a formula, not a measurement)',
          value: ({ result }) => (result.shape.block > 0 ? bytes(threeSquaresBytes(result.shape.block)) : '—'),
        },
        medianColumn,
        spreadColumn,
        ciColumn,
        samplesColumn,
        gflopsColumn,
        checkColumn,
      ],
      chart: {
        xLabel: 'Block size b',
        yLabel: 'GFLOP/s',
        xLogBase: 2,
        xFormat: String,
        yFormat: gflops,
        empty: 'Each run adds one line per kernel and size here; a dashed line is the unblocked kernel.',
      },
      code: { kernels, operation: session.operation(kernels[0].operation), sources: session.sourcesOf(kernels) },
      async plan({ sizes, blocks, baseline, min_time_s }) {
        const request = (kernel, n, block) => runRequest(kernel, n, { block, min_time_s });
        // Cells are matched to their size by position: a size typed as garbage is NaN, never equal to itself.
        const grid = sizes.flatMap((n, at) => blocks.flatMap((block) => kernels.map((kernel) => ({ at, n, block, kernel }))));
        // Which blocks suit which sizes is C++'s call. A block it refuses at this
        // N but accepts at the largest N a run may have is too big for this N:
        // skipped here. A block refused even there is a bad value: it stays in,
        // so the sweep's validation reports it.
        const check = (g, n) => session.lab.check(request(g.kernel, n, g.block));
        const largestN = (g) => session.operation(g.kernel.operation).max_n;
        const [checks, atLargest] = await Promise.all([
          Promise.all(grid.map((g) => check(g, g.n))),
          Promise.all(grid.map((g) => check(g, largestN(g)))),
        ]);
        const skip = grid.map((g, i) => checks[i].field === 'block' && atLargest[i].status === 'ok');
        const skipped = new Map();
        grid.forEach((g, i) => {
          if (skip[i]) skipped.set(`${g.n}|${g.block}`, `Block ${g.block} was skipped at N = ${g.n}: ${checks[i].error}`);
        });
        const items = sizes.flatMap((n, at) => [
          ...(baseline
            ? [
                {
                  requests: [runRequest(session.kernel(baseline), n, { min_time_s })],
                  meta: { title: kernelTitle(session, baseline), n, baseline: true },
                },
              ]
            : []),
          ...grid
            .filter((g, i) => g.at === at && !skip[i])
            .map((g) => ({ requests: [request(g.kernel, n, g.block)], meta: { title: g.kernel.title, n, block: g.block } })),
        ]);
        return { items, skipped: [...skipped.values()] };
      },
      describe: ({ title, n, block }) => `${title} at N = ${n}${block ? `, b = ${block}` : ''}`,
      series(entries) {
        const ok = entries.filter((e) => e.result.status === 'ok');
        const tiled = latestPoints(
          ok.filter((e) => !e.meta.baseline),
          (e) => `${e.result.kernel}|${e.result.shape.n}`,
          (e) => e.result.shape.block,
          (e) => e.result.gflops,
        );
        const series = [];
        for (const [key, points] of tiled) {
          const [name, n] = key.split('|');
          const kernel = session.kernel(name);
          series.push({ label: `${kernel.title}, N = ${n}`, colorKey: kernel.student ? key : `N${n}`, points });
          const base = ok.filter((e) => e.meta.baseline && e.result.shape.n === Number(n)).at(-1);
          if (base && !kernel.student) {
            series.push({
              label: `${entryTitle(session, base)} (unblocked), N = ${n}`,
              colorKey: `N${n}`,
              dash: [8, 6],
              points: points.map(([block]) => [block, base.result.gflops]),
            });
          }
        }
        return series;
      },
      conclude: ({ entries, prediction }) => ({ verdict: verdict(session, entries, prediction), notes: notes(session, entries) }),
    });

    const blocksInput = page.form.input('blocks');
    blocksInput.addEventListener('input', () => sets.update(blocksInput.value));
    sets.update(blocksInput.value);

    // Follow the Loops lesson's fastest order, until the student picks a baseline themselves.
    const baselineSelect = page.form.input('baseline');
    let chosen = false;
    baselineSelect.addEventListener('change', () => {
      chosen = true;
    });
    session.addEventListener('finding', ({ detail }) => {
      if (detail.key === 'fastest-loops' && !chosen) baselineSelect.value = detail.value.kernel;
    });
    return page.section;
  },
};
