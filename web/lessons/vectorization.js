// Lesson 3: one instruction on four floats. ReLU and a register-blocked matmul,
// each as scalar code, the same code auto-vectorized, and SIMD128 intrinsics,
// with the instructions each one really runs.
import { el, svg, withCode } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle, kernelSeries } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { readSpeedup } from '../ui/verdict.js';
import { experimentField, chosenExperiments, experimentOfKernel, experimentsOf, followExperimentSelect } from '../ui/experiments.js';
import { InstructionView } from '../ui/instruction-view.js';
import { runRequest } from '../ui/request.js';
import {
  kernelColumn,
  nColumn,
  blockColumn,
  medianColumn,
  spreadColumn,
  ciColumn,
  samplesColumn,
  gflopsColumn,
  gbpsColumn,
  checkColumn,
} from '../ui/columns.js';
import { byN, overlap, latestPoints, cacheFit, speedup } from '../ui/analysis.js';
import { bytes, gflops, seconds, ratio, binaryCount, timesTick } from '../ui/format.js';

const LESSON = { id: 'vectorization', number: 3, title: 'Vectorization' };

// The two experiments, by the catalog operation their kernels compute. The
// matmul kernels also share the loop nest around their micro-kernels (their
// catalog sources list it).
const EXPERIMENTS = [
  { id: 'relu', operation: 'f32_relu', title: 'ReLU', sizes: 'relu_sizes' },
  { id: 'matmul', operation: 'f32_matmul', title: '4×8 matmul', sizes: 'matmul_sizes' },
];

// The lanes of a v128: four f32.
const LANES = 4;
// A speedup judged right may be off by this factor either way.
const TOLERANCE = 1.25;
// Beyond this many bytes, data fits in no per-core L2 of 2 MiB or less (the largest common size).
const TYPICAL_L2 = 2 * 2 ** 20;

// The 4 × 8 micro-kernel, drawn: lanes of B and of the accumulators line up column by column.
const LANE = 26;
const ROW = 36;
const TILE_X = 300;
const TILE_Y = 110;

const laneX = (j) => TILE_X + j * LANE + (j >= LANES ? 14 : 0);
const rowY = (r) => TILE_Y + r * ROW;

function lanes(x, y, labels, cls) {
  return labels
    .map(
      (text, i) =>
        `<rect x="${x + i * LANE}" y="${y}" width="${LANE - 2}" height="28" rx="3" class="${cls}"/>` +
        `<text x="${x + i * LANE + (LANE - 2) / 2}" y="${y + 18}" class="in-cell">${text}</text>`,
    )
    .join('');
}

function microKernel() {
  const rows = [0, 1, 2, 3];
  const bRow = [0, 1]
    .map(
      (v) =>
        lanes(
          laneX(v * LANES),
          40,
          [0, 1, 2, 3].map((j) => `b${v * LANES + j}`),
          'b-value',
        ) +
        `<rect x="${laneX(v * LANES) - 3}" y="37" width="${LANES * LANE + 4}" height="34" rx="5" class="vector"/>` +
        `<text x="${laneX(v * LANES) + 2 * LANE - 1}" y="88" class="sub" text-anchor="middle">b${v} = f32x4 load</text>`,
    )
    .join('');
  const aColumn = rows
    .map(
      (r) =>
        `<rect x="40" y="${rowY(r)}" width="40" height="28" rx="3" class="a-value"/>` +
        `<text x="60" y="${rowY(r) + 18}" class="in-cell">a${r}</text>` +
        `<path d="M88 ${rowY(r) + 14} H140" class="arrow" marker-end="url(#micro-arrow)"/>` +
        lanes(150, rowY(r), Array(LANES).fill(`a${r}`), 'a-value'),
    )
    .join('');
  const accumulators = rows
    .flatMap((r) =>
      [0, 1].map((v) => {
        const x = laneX(v * LANES);
        // Lane boundaries as ticks at the edges, so the label across the middle stays clear.
        const dividers = [1, 2, 3]
          .map((j) =>
            [
              [0, 6],
              [22, 28],
            ]
              .map(
                ([from, to]) =>
                  `<line x1="${x + j * LANE - 1}" y1="${rowY(r) + from}" x2="${x + j * LANE - 1}" y2="${rowY(r) + to}" class="divider"/>`,
              )
              .join(''),
          )
          .join('');
        return (
          `<rect x="${x}" y="${rowY(r)}" width="${LANES * LANE - 2}" height="28" rx="3" class="used"/>${dividers}` +
          `<text x="${x + 2 * LANE - 1}" y="${rowY(r) + 18}" class="in-bar">acc[${r}][${v}]</text>`
        );
      }),
    )
    .join('');
  return svg(`
    <svg viewBox="24 12 760 284" role="img" aria-labelledby="micro-title" class="diagram">
      <title id="micro-title">The 4 by 8 micro-kernel. One step along K loads the row of B as two f32x4 vectors, b0 and b1, and splats each of four A values, one per row, into all four lanes. Each row's splat multiplies b0 and b1 and adds into that row's two accumulators: eight f32x4 accumulators hold the 4 by 8 tile of C.</title>
      <defs><marker id="micro-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" class="arrowhead"/></marker></defs>
      <text x="${TILE_X}" y="24" class="label">B, row p: two loads</text>
      ${bRow}
      <text x="40" y="82" class="label">A</text>
      <text x="40" y="98" class="sub">column p</text>
      <text x="150" y="82" class="label">splat</text>
      <text x="150" y="98" class="sub">one load per row</text>
      ${aColumn}
      ${accumulators}
      <text x="560" y="${rowY(0) + 4}" class="label">C’s 4 × 8 tile</text>
      <text x="560" y="${rowY(0) + 22}" class="sub">8 f32x4 accumulators, in registers</text>
      <text x="560" y="${rowY(0) + 38}" class="sub">for the whole loop over p</text>
      <text x="560" y="${rowY(2)}" class="label">Each step p</text>
      <text x="560" y="${rowY(2) + 18}" class="sub">6 loads: 2 of B, 4 splats of A</text>
      <text x="560" y="${rowY(2) + 34}" class="sub">8 f32x4.mul + 8 f32x4.add</text>
      <text x="560" y="${rowY(2) + 50}" class="sub">= 64 flops, no stores</text>
      <text x="40" y="${rowY(3) + 60}" class="sub">for r = 0 … 3:   acc[r][0] += splat(a_r) × b0,   acc[r][1] += splat(a_r) × b1</text>
    </svg>`);
}

function explanation(build) {
  const code = (text) => el('code', {}, text);
  return [
    // Without SIMD128 the "SIMD" kernels are emulated: every comparison below changes meaning.
    build.simd ? null : el('p', { class: 'lesson-notice', role: 'note' }, withCode(build.reason)),
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'One instruction, four floats'),
      el(
        'p',
        {},
        'A WebAssembly SIMD128 register, a ',
        code('v128'),
        ', holds 128 bits: four f32 lanes. ',
        code('f32x4.add'),
        ' adds four pairs of floats in one instruction, which the browser turns into one SSE or AVX instruction on x86, or one NEON instruction on ARM. ',
        'A loop that handles four elements per instruction needs about a quarter of the instructions for the same work. Whether it also runs four times as fast depends on what else holds the loop back, memory above all.',
      ),
      el('h2', {}, 'Auto-vectorization, and why it fails'),
      el(
        'p',
        {},
        'The compiler can do this for you: its vectorizers rewrite a plain loop over floats into f32x4 instructions when they can prove the result is the same. Three things commonly stop them:',
      ),
      el(
        'ul',
        {},
        el(
          'li',
          {},
          el('strong', {}, 'Aliasing. '),
          'If the output might overlap the input, writing ',
          code('y[i]'),
          ' could change ',
          code('x[i + 1]'),
          ', and four at a time would read stale values. ',
          code('__restrict'),
          ' promises no overlap; without it, the compiler adds a run-time check or gives up.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'Reductions. '),
          code('sum += x[i]'),
          ' in four lanes adds in a different order, and float addition is not associative, so the rounding changes. Compilers may not reorder it unless told they may (',
          code('-ffast-math'),
          '); the Loops lesson’s dot products stay scalar for this reason.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'Control flow. '),
          'A branch per element has to become a compare and a lane-by-lane select; an early exit or a call inside the loop usually cannot.',
        ),
      ),
      el(
        'p',
        {},
        'In this lesson the scalar and the auto-vectorized kernels are ',
        el('strong', {}, 'the same source file, compiled twice'),
        ': once as it is, once with ',
        code('-fno-vectorize -fno-slp-vectorize'),
        ', which turns the vectorizers off. Whatever differs between the two is the compiler’s vectorization and nothing else.',
      ),
      el('h2', {}, 'Intrinsics: vectorizing by hand'),
      el(
        'p',
        {},
        code('wasm_simd128.h'),
        ' has one C function per SIMD128 instruction: ',
        code('wasm_v128_load'),
        ', ',
        code('wasm_f32x4_mul'),
        ', ',
        code('wasm_f32x4_pmax'),
        ' and so on. With them you write the vector code yourself instead of hoping the compiler finds it. ',
        'The native build compiles the very same files against SIMDe, a library that implements these functions with SSE, NEON or plain C, so the Catch2 tests check the text the browser runs.',
      ),
      el('h2', {}, 'The 4 × 8 micro-kernel'),
      el(
        'p',
        {},
        'In i-k-j every multiply-add loads and stores an element of C. The register-blocked kernel keeps a 4 × 8 tile of C in eight f32x4 accumulators for the whole loop over K. ',
        'Each step p loads the tile’s row of B as two vectors and splats each of the four A values of column p into all four lanes of a vector; then eight multiplies and eight adds on vectors do 64 flops for 6 loads, and nothing is stored until the loop ends.',
      ),
      el(
        'p',
        {},
        'Around the micro-kernel, a loop nest blocks K and N by the block size b, so the b × b panel of B it reads stays in cache while every row of C passes over it. This is the BLIS idea: everything fast reduces to a small micro-kernel, and the loops around it only keep it fed from cache. ',
        'The three matmul kernels share that loop nest (',
        code('f32_matmul_register_blocked.h'),
        ') and differ only in the micro-kernel. Here they run on one thread.',
      ),
      el('h2', {}, 'Two experiments'),
      el(
        'p',
        {},
        el('strong', {}, 'ReLU'),
        ', y = max(x, 0), does one compare for every 8 bytes it moves. With so little arithmetic per byte, fewer instructions help only while the data is close: the default lengths put x and y in L1 (4096 floats, 32 KiB), in the L2 of most cores (65536, 512 KiB) and beyond any per-core L2 (1048576, 8 MiB). ',
        el('strong', {}, 'Matmul'),
        ' does 2N³ flops on 12N² bytes, so there the instructions themselves are the cost.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      microKernel(),
      el(
        'figcaption',
        {},
        'One step of the 4 × 8 SIMD micro-kernel. The auto-vectorized kernel’s C keeps the same 32 sums in an array and leaves the vectors to the compiler.',
      ),
    ),
  ];
}

// The range of speedups the two medians' 95% CIs allow.
function speedupRange(entry, scalar) {
  const [s, v] = [scalar.result.timing, entry.result.timing];
  return [s.ci_low_s / v.ci_high_s, s.ci_high_s / v.ci_low_s];
}

export default {
  ...LESSON,
  mount(session) {
    const experiments = experimentsOf(session, LESSON.id, EXPERIMENTS, (kernels) => ({
      // The catalog's variant: the same C compiled without and with the
      // vectorizers, or intrinsics. The student's kernel is one of the intrinsics.
      scalar: kernels.find((k) => k.variant === 'scalar'),
      simd: kernels.find((k) => k.variant === 'simd128' && !k.student),
      autovec: kernels.find((k) => k.variant === 'autovec'),
    }));
    const [relu, matmul] = experiments;
    const experimentOf = experimentOfKernel(session, experiments);
    const title = (entry) => entryTitle(session, entry);
    const isScalar = (entry) => entry.result.kernel === experimentOf(entry.result.kernel).scalar.name;
    const isVector = (kernelName) => experimentOf(kernelName).vector;
    // An experiment's kernels now, those compiled in the code panel since the lesson mounted among them.
    const kernelsOf = (experiment) => session.kernels((k) => k.lesson === LESSON.id && k.operation === experiment.operation);

    // This experiment's entries at each size: each kernel's latest, and the scalar one to compare with.
    function atSizes(experiment, entries) {
      const mine = entries.filter((e) => experimentOf(e.result.kernel) === experiment);
      return [...byN(mine)]
        .map(([n, atN]) => {
          const latest = new Map(atN.map((e) => [e.result.kernel, e]));
          return { n, latest, scalar: latest.get(experiment.scalar.name) };
        })
        .filter(({ scalar }) => scalar);
    }

    const request = (kernel, n, values) => runRequest(kernel, n, { block: values.block, min_time_s: values.min_time_s });

    function verdict(entries, prediction) {
      const sized = atSizes(relu, entries).filter(({ latest }) => latest.has(relu.simd.name));
      if (sized.length === 0) {
        return {
          text: 'This run did not time the ReLU experiment, so your prediction cannot be judged: run ReLU, or both.',
          tone: 'neutral',
        };
      }
      const { n, latest, scalar } = sized.at(-1);
      const simd = latest.get(relu.simd.name);
      const measured = speedup(simd, scalar);
      const [low, high] = speedupRange(simd, scalar);
      const facts =
        `At N = ${n}, ${title(simd)} ran ${ratio(measured)} as fast as ${title(scalar)} ` +
        `(${seconds(simd.result.timing.median_s)} against ${seconds(scalar.result.timing.median_s)} per call; the 95% CIs allow ${ratio(low)} to ${ratio(high)}).`;
      const { guess, verdict: unjudged } = readSpeedup(prediction, facts, 3);
      if (unjudged) return unjudged;
      if (guess >= low / TOLERANCE && guess <= high * TOLERANCE) {
        return { text: `Right. ${facts} Your ${ratio(guess)} is within 25% of that range.`, tone: 'right' };
      }
      return { text: `Not quite. ${facts} Your ${ratio(guess)} was too ${guess < measured ? 'low' : 'high'}.`, tone: 'wrong' };
    }

    // One line per experiment and size: every variant's speedup over scalar.
    function speedupNote(experiment, { n, latest, scalar }) {
      const others = [...latest.values()].filter((e) => e !== scalar);
      const parts = others.map(
        (e) => `${title(e)} ${ratio(speedup(e, scalar))}${overlap(e, scalar) ? ' (within the noise of scalar)' : ''}`,
      );
      const size = experiment.vector ? `N = ${n}` : `N = ${n}, b = ${scalar.result.shape.block}`;
      const rate = (e) => (experiment.vector ? `${gflops(e.result.gbps)} GB/s` : `${gflops(e.result.gflops)} GFLOP/s`);
      const fastest = others.reduce((best, e) => (!best || e.result.timing.median_s < best.result.timing.median_s ? e : best), null);
      return (
        `${experiment.title} at ${size} (${bytes(scalar.result.bytes)}: ${cacheFit(scalar.result.bytes)}): ` +
        `${parts.join(', ')} the speed of ${title(scalar)}` +
        `${fastest ? `; the fastest, ${title(fastest)}, reached ${rate(fastest)}` : ''}.`
      );
    }

    // Did the compiler's vectorization match the intrinsics? Said once per experiment.
    function autovecNote(experiment, sized) {
      const pairs = sized
        .map(({ n, latest }) => ({ n, auto: latest.get(experiment.autovec.name), simd: latest.get(experiment.simd.name) }))
        .filter(({ auto, simd }) => auto && simd);
      if (pairs.length === 0) return null;
      const level = pairs.filter(({ auto, simd }) => overlap(auto, simd) || auto.result.timing.median_s < simd.result.timing.median_s);
      const behind = pairs.filter((p) => !level.includes(p));
      const [autoTitle, simdTitle] = [experiment.autovec.title, experiment.simd.title];
      const sizes = (list) => list.map(({ n }) => n).join(', ');
      const matched =
        level.length === 0
          ? ''
          : `${autoTitle} kept up with the hand-written ${simdTitle} (faster, or within its 95% CI) ${behind.length ? `at N = ${sizes(level)}` : 'at every size'}: there the compiler vectorized the plain C for you.`;
      const beaten =
        behind.length === 0
          ? ''
          : `${simdTitle} beat ${autoTitle} by ${behind.map(({ n, auto, simd }) => `${ratio(speedup(simd, auto))} at N = ${n}`).join(', ')}: the compiler vectorized the same C, but less well there.`;
      return `${experiment.title}: ${[matched, beaten].filter(Boolean).join(' ')} Compare their hot loops below.`;
    }

    // Once ReLU's data outgrows L2, memory, not instructions, may set its speed.
    function bandwidthNote(sized) {
      const vectors = (latest) => [latest.get(relu.autovec.name), latest.get(relu.simd.name)].filter(Boolean);
      const largest = sized.at(-1);
      if (!largest || largest.scalar.result.bytes <= TYPICAL_L2 || sized.length < 2) return null;
      const inCache = sized
        .slice(0, -1)
        .flatMap(({ latest }) => vectors(latest))
        .reduce((best, e) => (!best || e.result.gbps > best.result.gbps ? e : best), null);
      const atLargest = vectors(largest.latest);
      if (!inCache || atLargest.length === 0) return null;
      const best = atLargest.reduce((a, b) => (a.result.gbps > b.result.gbps ? a : b));
      const size = `At N = ${largest.n}, ReLU moves ${bytes(largest.scalar.result.bytes)}, more than a per-core L2 of up to 2 MiB holds`;
      if (best.result.gbps > 0.75 * inCache.result.gbps) {
        return `${size}, yet ${title(best)} still moved ${gflops(best.result.gbps)} GB/s, close to its ${gflops(inCache.result.gbps)} GB/s at N = ${inCache.result.shape.n}: no sign of a memory-bandwidth limit on this machine at this size.`;
      }
      const level = atLargest.length === 2 && (overlap(...atLargest) || Math.abs(1 - speedup(...atLargest)) < 0.1);
      return (
        `${size}, and the vector kernels fell from ${gflops(inCache.result.gbps)} GB/s (${title(inCache)}, N = ${inCache.result.shape.n}) to ${gflops(best.result.gbps)} GB/s` +
        (level
          ? `, with ${atLargest.map(title).join(' and ')} level with each other. At this size ReLU is likely limited by memory bandwidth: the data cannot arrive faster, however few instructions wait for it.`
          : '. Memory bandwidth is a likely limit at this size.')
      );
    }

    // Four lanes explain at most 4×: more than that needs another reason.
    function beyondLanesNote(sized) {
      const ratios = sized
        .filter(({ latest }) => latest.has(relu.simd.name))
        .map(({ n, latest, scalar }) => ({ n, s: speedup(latest.get(relu.simd.name), scalar) }));
      const top = ratios.reduce((best, r) => (!best || r.s > best.s ? r : best), null);
      if (!top || top.s <= LANES * TOLERANCE) return null;
      return (
        `${relu.simd.title} ran up to ${ratio(top.s)} as fast as ${relu.scalar.title} (at N = ${top.n}), more than its ${LANES} lanes alone explain. ` +
        'A likely reason, which this run does not measure: the scalar loop does a compare and a select for every element (f32.gt and select in its listing below), and a scalar select can cost more than a lane of the vector version, for instance if the browser compiles it to a branch, which random signs make hard to predict.'
      );
    }

    function notes(entries) {
      const result = [];
      for (const experiment of experiments) {
        const sized = atSizes(experiment, entries);
        result.push(...sized.map((s) => speedupNote(experiment, s)));
        result.push(autovecNote(experiment, sized));
        if (experiment === relu) result.push(beyondLanesNote(sized), bandwidthNote(sized));
      }
      return result.filter(Boolean);
    }

    // One chart per experiment: N means a length for one and a matrix edge for the other.
    function speedupSeries(experiment, entries) {
      const ok = entries.filter((e) => e.result.status === 'ok' && experimentOf(e.result.kernel) === experiment);
      // Each point pairs an entry with the latest scalar run at its size and block.
      const scalarFor = (e) =>
        ok.findLast((s) => isScalar(s) && s.result.shape.n === e.result.shape.n && s.result.shape.block === e.result.shape.block);
      const points = latestPoints(
        ok.filter((e) => !isScalar(e) && scalarFor(e)),
        (e) => e.result.kernel,
        (e) => e.result.shape.n,
        (e) => speedup(e, scalarFor(e)),
      );
      const scalarNs = [...new Set(ok.filter(isScalar).map((e) => e.result.shape.n))];
      return [
        ...kernelSeries(kernelsOf(experiment), points),
        ...(scalarNs.length
          ? [{ label: `${experiment.scalar.title} (1×)`, colorKey: 'scalar', dash: [6, 5], points: scalarNs.map((n) => [n, 1]) }]
          : []),
      ];
    }

    const speedupChart = (experiment) => ({
      xLabel: experiment.vector ? `${experiment.title} length N (floats)` : `${experiment.title} size N (N × N)`,
      yLabel: 'Speedup over scalar',
      xLogBase: 2,
      xFormat: experiment.vector ? binaryCount : String,
      yFormat: timesTick,
      empty: `Each ${experiment.title} run adds a point per kernel and size here: how many times as fast as ${experiment.scalar.title} it ran.`,
      series: (entries) => speedupSeries(experiment, entries),
    });

    const instructions = new InstructionView(session.lab.build);
    const codeFor = (picked) => ({
      kernels: picked.flatMap((x) => x.kernels),
      operations: picked.map((x) => x.op),
      sources: session.sourcesOf(picked.flatMap((x) => x.kernels)),
    });

    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'elementwise', operation: 'f32_relu', variant: 'simd128' }, size: 2 ** 20 },
        b: { query: { role: 'elementwise', operation: 'f32_relu', variant: 'scalar' }, size: 2 ** 20 },
        intro: el('p', {}, 'The SIMD128 ReLU against the scalar ReLU on 1048576 floats, in interleaved rounds.'),
      },
      lead: 'One instruction can work on four floats at once. Measure what that buys, when the compiler finds it for you, and read the instructions each kernel really runs.',
      explanation: explanation(session.lab.build),
      exercise: {
        prompt: [
          'How many times as fast as the scalar loop will the SIMD ReLU run at the largest length you choose (1048576 floats by default)? Within 25% counts as right. ',
          'Then write your own SIMD ReLU in ',
          el('code', {}, relu.kernels.find((k) => k.student).source),
          ': ',
          el('code', {}, 'npm run check'),
          ' tests it, and runs here time it beside the others.',
        ],
        label: `Speedup of ${relu.simd.title} over scalar`,
        control: { kind: 'number', placeholder: 'e.g. 3' },
      },
      fields: [
        experimentField(experiments, 'Each runs its scalar, auto-vectorized and SIMD128 kernels.'),
        { name: 'relu_sizes', label: 'ReLU lengths N', kind: 'list', value: '4096,65536,1048576', hint: 'Floats; comma-separated.' },
        { name: 'matmul_sizes', label: 'Matmul sizes N', kind: 'list', value: '256,512', hint: 'Square N × N; one thread.' },
        {
          name: 'block',
          label: 'Block size b',
          kind: 'number',
          value: '64',
          hint: 'K and N blocking of the matmul; at most the smallest N.',
        },
        minTimeField('0.2', 'Per kernel and size.'),
      ],
      fieldFor: refusalField({ sizes: (request) => experimentOf(request.kernel).sizes, block: 'block' }),
      columns: [
        kernelColumn(session),
        { ...nColumn, title: 'ReLU: vector length. Matmul: square size M = N = K' },
        blockColumn,
        medianColumn,
        spreadColumn,
        ciColumn,
        samplesColumn,
        {
          ...gflopsColumn,
          value: (entry) => (isVector(entry.result.kernel) ? '—' : gflopsColumn.value(entry)),
          title: 'Matmul: FLOPs divided by the median time',
        },
        {
          ...gbpsColumn,
          value: (entry) => (isVector(entry.result.kernel) ? gbpsColumn.value(entry) : '—'),
          title: 'ReLU: bytes moved (8 N) divided by the median time',
        },
        checkColumn,
      ],
      chart: speedupChart(relu),
      moreCharts: [speedupChart(matmul)],
      panels: [el('div', { class: 'card instructions' }, el('h2', {}, 'The instructions'), instructions.element)],
      instructions,
      // A student's kernel is timed with its own experiment, whichever one the form shows.
      exerciseValues: (values, kernel) => ({ ...values, experiment: experimentOf(kernel.name).id }),
      code: codeFor(experiments),
      plan(values) {
        return {
          items: chosenExperiments(experiments, values.experiment).flatMap((x) =>
            values[x.sizes].flatMap((n) =>
              x.kernels.map((kernel) => ({
                requests: [request(kernel, n, values)],
                meta: { title: kernel.title, n, block: x.vector ? null : values.block },
              })),
            ),
          ),
        };
      },
      describe: ({ title: name, n, block }) => `${name} at N = ${n}${block ? `, b = ${block}` : ''}`,
      series: (entries) => speedupSeries(relu, entries),
      conclude: ({ entries, prediction }) => ({ verdict: verdict(entries, prediction), notes: notes(entries) }),
    });

    // The experiment decides which fields, listings and sources matter.
    followExperimentSelect(page, experiments, (picked) => {
      page.form.setVisible(
        'block',
        picked.some((x) => !x.vector),
      );
      // Once a kernel of the exercise was compiled in the page, its listing stands in for the stub's, which has no loop.
      const listed = (x) => {
        const kernels = kernelsOf(x);
        return kernels.some((k) => k.runtime) ? kernels.filter((k) => !k.student || k.runtime) : kernels;
      };
      instructions.show(() => picked.map((x) => ({ title: x.title, kernels: listed(x) })));
      page.code.show(codeFor(picked));
    });
    return page.section;
  },
};
