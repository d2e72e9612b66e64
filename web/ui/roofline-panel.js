// The learner's roofline: their measured roofs, and a point for every kernel
// they ran this session in any lesson (session.measurements), redrawn as runs
// arrive. Behind the chart, a table of the points against their roofs.
import { el, scrollRegion } from './dom.js';
import { kernelLabel, kernelTitle } from './kernel-title.js';
import { Chart } from './chart.js';
import { gflops, percent } from './format.js';
import {
  ABOVE_CEILING_ADVICE,
  aboveCeiling,
  attainable,
  boundBy,
  intensity,
  isInteger,
  latestPerShape,
  limits,
  ridge,
  roofFor,
  roofOf,
} from './roofline.js';

const threadsText = (p) => (p === 1 ? '1 thread' : `${p} threads`);

// A power of ten on the axis, written plainly: 0.01, 1, 1000.
const decadeTick = (v) => String(Number(v.toPrecision(1)));
const isDecade = (v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

function shapeText(session, r) {
  const vector = session.operation(session.kernel(r.kernel).operation).shape === 'vector';
  const size = vector
    ? `N = ${r.shape.n}`
    : r.shape.m === r.shape.n && r.shape.n === r.shape.k
      ? `N = ${r.shape.n}`
      : `${r.shape.m}×${r.shape.n}×${r.shape.k}`;
  return `${size}, ${threadsText(r.shape.threads)}`;
}

// A roof as a line from the left edge to the ridge, then flat to the right edge.
const roofPoints = (roof, low, high) => [
  [low, roof.bandwidth * low],
  ...(ridge(roof) > low && ridge(roof) < high ? [[ridge(roof), roof.peak]] : []),
  [high, attainable(roof, high)],
];

// Each thread count's mul+add roof, and beside it the FMA roof where the FMA
// probe ran at that count: the same bandwidth under a second ceiling.
function roofSeries(roofs, low, high) {
  return roofs.flatMap((roof) => [
    { label: `roof, ${threadsText(roof.threads)}`, colorKey: `roof${roof.threads}`, dash: [8, 6], points: roofPoints(roof, low, high) },
    ...(roof.fmaPeak > 0
      ? [
          {
            label: `FMA roof, ${threadsText(roof.threads)}`,
            colorKey: `fmaroof${roof.threads}`,
            dash: [2, 4],
            points: roofPoints({ ...roof, peak: roof.fmaPeak }, low, high),
          },
        ]
      : []),
  ]);
}

function pointSeries(session, points) {
  const byKernel = new Map();
  for (const r of points) {
    if (!byKernel.has(r.kernel)) byKernel.set(r.kernel, []);
    byKernel.get(r.kernel).push([intensity(r), r.gflops]);
  }
  return [...byKernel].map(([name, pts]) => ({ label: kernelTitle(session, name), colorKey: name, scatter: true, points: pts }));
}

function row(session, r, roofs) {
  const ai = intensity(r);
  const roof = roofOf(roofFor(roofs, r.shape.threads), r, session.catalog);
  const cell = (col, content, numeric = true) => el('td', { 'data-col': col, class: numeric ? 'num' : null }, content);
  const against = !roof
    ? ['—', 'probe first']
    : isInteger(r, session.catalog)
      ? ['—', 'int8: not an f32 roof']
      : [boundBy(roof, ai), percent(r.gflops / attainable(roof, ai))];
  return el(
    'tr',
    { 'data-kernel': r.kernel },
    cell('kernel', kernelLabel(session, r.kernel), false),
    cell('shape', shapeText(session, r), false),
    cell('ai', ai >= 100 ? ai.toFixed(0) : ai.toPrecision(3)),
    cell('gflops', gflops(r.gflops)),
    cell('bound', against[0], false),
    cell('roof_fraction', against[1]),
  );
}

export function rooflinePanel(session) {
  const chart = new Chart({
    xLabel: 'Arithmetic intensity (FLOP per byte, by the catalog’s model)',
    yLabel: 'GFLOP/s',
    xLogBase: 10,
    yLogBase: 10,
    xFormat: (v) => (isDecade(v) ? decadeTick(v) : ''),
    yFormat: decadeTick,
    valueFormat: { x: (v) => String(Number(v.toPrecision(3))), y: gflops },
    empty: 'Your roofline appears here: run the probes above for the roofs, and any kernel in any lesson for its point.',
  });
  const summary = el('p', { class: 'hint', 'data-roofline-summary': '' });
  const above = el('p', { class: 'hint', 'data-above-ceiling': '', hidden: true });
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'results', 'data-roofline': '', hidden: true },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['Kernel', 'Shape', 'AI (FLOP/B)', 'GFLOP/s', 'Bound', 'Of the roof at its AI'].map((h, i) =>
          el('th', { scope: 'col', class: [2, 3, 5].includes(i) ? 'num' : null }, h),
        ),
      ),
    ),
    body,
  );

  const draw = () => {
    const results = session.measurements.map((m) => m.result);
    const roofs = limits(results, session.catalog);
    const points = latestPerShape(results).sort((a, b) => intensity(a) - intensity(b));
    const ais = points.map(intensity);
    const low = 10 ** Math.floor(Math.log10(Math.min(0.05, ...ais)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(100, ...ais.map((a) => a * 2))));
    chart.update(points.length || roofs.length ? [...roofSeries(roofs, low, high), ...pointSeries(session, points)] : []);
    body.replaceChildren(...points.map((r) => row(session, r, roofs)));
    table.hidden = points.length === 0;
    summary.textContent = roofs.length
      ? roofs
          .map(
            (roof) =>
              `${threadsText(roof.threads)}: ceiling ${gflops(roof.peak)} GFLOP/s${roof.fmaPeak > 0 ? ` (FMA ceiling ${gflops(roof.fmaPeak)})` : ''}, bandwidth ${gflops(roof.bandwidth)} GB/s, ridge at ${ridge(roof).toPrecision(3)} FLOP/byte.`,
          )
          .join(' ')
      : 'No roofs yet: run the probes above.';
    const over = [...new Set(aboveCeiling(points, roofs, session.catalog).map((r) => kernelTitle(session, r.kernel)))];
    above.hidden = over.length === 0;
    above.textContent = over.length
      ? `Above your ceiling: ${over.join(', ')}. A kernel cannot outrun its ceiling (mul+add, or FMA for a relaxed-SIMD kernel); ${ABOVE_CEILING_ADVICE}`
      : '';
  };
  session.addEventListener('measurement', draw);
  draw();

  return el(
    'div',
    { class: 'card', 'data-panel': 'roofline' },
    el('h2', {}, 'Your roofline'),
    el(
      'p',
      {},
      'Every kernel you ran this session, in this lesson or any other, at its latest run per shape. Its x is the arithmetic intensity of the catalog’s model: the FLOPs the operation must do over the bytes the kernel must move (each input read once, each output written once, plus a kernel’s own temporaries). That is the model’s intensity, not measured traffic: a kernel that rereads data from memory really moves more bytes, and sits further below the slanted roof than the model shows. The dashed lines are your roofs: min(ceiling, bandwidth × intensity); where your browser runs relaxed SIMD and you ran its FMA probe, a dotted FMA roof shows that probe’s ceiling, which a relaxed-SIMD kernel is held to (or to the mul+add roof, where that is higher). A point under the slanted part is memory-bound, under the flat part compute-bound; the table says by how much it falls short. The slanted roof is memory’s: a kernel whose data fits in a cache can rise above it, to more than 100% of it.',
    ),
    summary,
    above,
    chart.element,
    scrollRegion('Your roofline: every kernel against its roof', table),
  );
}
