// Lesson 6: int8 quantization. A real int8 matmul in SIMD128 against the f32
// one, what the rounding costs in accuracy, how the error grows as bits
// shrink, and the largest K an int32 sum can hold.
import { el, scrollRegion, svg } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { readSpeedup } from '../ui/verdict.js';
import { Chart } from '../ui/chart.js';
import { panelForm } from '../ui/panel-form.js';
import { demoPanel } from '../ui/demo-panel.js';
import { runRequest } from '../ui/request.js';
import { kernelColumn, nColumn, blockColumn, medianColumn, ciColumn, gbpsColumn, checkColumn } from '../ui/columns.js';
import { byN, overlap, speedup } from '../ui/analysis.js';
import { bytes, gflops, percent, ratio, scientific, seconds } from '../ui/format.js';

const LESSON = { id: 'quantization', number: 6, title: 'Quantization' };

// The kernels the lesson compares, by their catalog fields.
const I8_SCALAR = { operation: 'i8_matmul', variant: 'scalar' };
const I8_SIMD = { operation: 'i8_matmul', variant: 'simd128' };
const F32_SIMD = { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' };
const QUANTIZE = 'f32_quantize_i8';
const QUANTIZE_SCALAR = { operation: QUANTIZE, variant: 'scalar' };
const QUANTIZE_EXERCISE = { operation: QUANTIZE, role: 'exercise' };
const BIT_SWEEP = 'quantization_bit_sweep';
const BY_HAND = 'int8_quantize_vector';

// The vector of the by-hand exercise: its largest magnitude is negative, and
// most values fall between two codes.
const HAND_VECTOR = [0.8, -2.54, 0.333, 1.5, -0.071, 2.0];
// A hand-computed answer within this fraction of C++'s counts as right.
const HAND_TOLERANCE = 0.01;
// A predicted speedup within this factor of the measured one counts as right.
const TOLERANCE = 1.25;

// A float read back from f32, without the digits of its binary expansion: 2.54, not 2.5399999618530273.
const short = (value) => String(Number(value.toPrecision(6)));

// Bytes per stored value of each data type the catalog gives a kernel.
const DTYPE_BYTES = { i8: 1, bf16: 2, f32: 4 };

// One i32x4.dot_i16x8_s of the int8 kernel's inner loop, drawn lane by lane:
// eight i16 products, added in pairs into four i32 sums, one per column of C.
const I16_W = 72;
const i16X = (lane) => 150 + lane * I16_W;

function i16Row(y, label, sub, text, cls) {
  return (
    `<text x="20" y="${y + 13}" class="label">${label}</text><text x="20" y="${y + 29}" class="sub">${sub}</text>` +
    Array.from(
      { length: 8 },
      (_, lane) =>
        `<rect x="${i16X(lane)}" y="${y}" width="${I16_W - 4}" height="30" rx="3" class="${cls}"/>` +
        `<text x="${i16X(lane) + (I16_W - 4) / 2}" y="${y + 19}" class="in-cell">${text(lane)}</text>`,
    ).join('')
  );
}

function dotProduct() {
  const pair = (lane) => (lane % 2 ? 'p+1' : 'p');
  const column = (lane) => Math.floor(lane / 2);
  const sums = Array.from({ length: 4 }, (_, j) => {
    const x = i16X(2 * j);
    return (
      `<path d="M${x + 30} 154 L${x + I16_W - 2} 180 M${x + I16_W + 30} 154 L${x + I16_W - 2} 180" class="arrow"/>` +
      `<rect x="${x}" y="184" width="${2 * I16_W - 4}" height="30" rx="3" class="used"/>` +
      `<text x="${x + I16_W - 2}" y="203" class="in-bar">C[r][j${j ? `+${j}` : ''}] +=</text>`
    );
  }).join('');
  return svg(`
    <svg viewBox="0 0 740 266" role="img" aria-labelledby="dot-title" class="diagram">
      <title id="dot-title">One i32x4.dot_i16x8_s. The first operand holds A's pair A[r][p], A[r][p+1], widened to 16 bits and repeated four times. The second holds B's pairs B[p][j], B[p+1][j] for four columns j. The eight 16-bit products are added in pairs into four 32-bit values, one per column of C, and an i32x4.add adds those to the running sums: eight multiply-adds in two instructions.</title>
      ${i16Row(20, 'A pair', 'splat, i16', (lane) => `a[${pair(lane)}]`, 'a-value')}
      ${i16Row(70, 'B pairs', 'packed, i16', (lane) => `b[${pair(lane)}][j${column(lane) ? `+${column(lane)}` : ''}]`, 'b-value')}
      <text x="20" y="138" class="sub">multiply lane by lane,</text>
      <text x="20" y="154" class="sub">add neighbours</text>
      ${Array.from({ length: 8 }, (_, lane) => `<text x="${i16X(lane) + 30}" y="140" class="op" text-anchor="middle">×</text>`).join('')}
      <text x="20" y="197" class="label">4 × i32</text>
      <text x="20" y="213" class="sub">one per column</text>
      ${sums}
      <text x="20" y="240" class="sub">Each i32 lane gets a[p] · b[p][j] + a[p+1] · b[p+1][j], and i32x4.add sums it into C:</text>
      <text x="20" y="256" class="sub">8 multiply-adds in two instructions, where f32x4.mul and f32x4.add do 4 in two.</text>
    </svg>`);
}

function explanation() {
  const code = (text) => el('code', {}, text);
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'Symmetric int8'),
      el(
        'p',
        {},
        'Quantizing stores each number as a small integer code and one shared float, the ',
        el('strong', {}, 'scale'),
        '. ',
        'Symmetric int8 uses the codes −127 … 127: scale = max|x| / 127, q = round(x / scale), and q × scale stands for x. ',
        'The largest magnitude lands exactly on ±127, zero stays exactly zero, and every other value moves by at most half a step, scale / 2.',
      ),
      el('h2', {}, 'Per tensor or per row'),
      el(
        'p',
        {},
        'One scale for a whole matrix is set by its single largest value. A row of small numbers then uses only a few of the 255 codes, and its relative error is large. ',
        'One scale per row (for A) or per column (for B) fits each to its own range, at the cost of one float per row. The bit-width sweep below measures the difference.',
      ),
      el('h2', {}, 'Integer sums, scaled once'),
      el(
        'p',
        {},
        'With A quantized per row and B per column, C[i][j] = scale_a[i] × scale_b[j] × Σ qa[i][p] × qb[p][j]. ',
        'The sum is over integers, so it is exact in int32, in any order; the two scales are applied once per element of C, as the sum leaves its register (the ',
        el('em', {}, 'epilogue'),
        '). ',
        'Exact only while it fits: each product is at most 127 × 127 = 16129, so K of them can reach K × 16129, and an int32 holds 2',
        el('sup', {}, '31'),
        ' − 1. That limits K; try a larger one below.',
      ),
      el('h2', {}, 'Why int8 is faster here'),
      el(
        'p',
        {},
        'An f32x4 multiply does 4 multiplies. SIMD128 has no int8 multiply that sums into int32, but it has ',
        code('i32x4.dot_i16x8_s'),
        ': eight i16 × i16 products, added in pairs into four int32 lanes (one ',
        code('pmaddwd'),
        ' on x86; on ARM the browser builds it from a few NEON instructions). ',
        'The int8 kernel widens A and B to i16 once, while packing small block-sized panels, and arranges them in pairs along K. The dot’s four sums still have to be added to the tile’s, by a separate ',
        code('i32x4.add'),
        ', so a dot and its add do 8 multiply-adds in two instructions, where the f32 kernel’s multiply and add do 4 in two: twice the work per WebAssembly instruction. ',
        'The panels the inner loop reads hold i16 values, half the bytes of f32, so more of A and B fits in each cache level. Only the stored codes, before packing, are a quarter of the size.',
      ),
      el(
        'p',
        {},
        'Both kernels use a 4 × 8 tile of C in eight registers and the same blocking; here both run on one thread. The int8 inputs are quantized once, before timing, as a model’s weights would be.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      dotProduct(),
      el(
        'figcaption',
        {},
        'The instruction the int8 kernel is built around. Packing puts B’s values in pairs along K and widens both inputs to i16 once, so the inner loop needs no conversions.',
      ),
    ),
  ];
}

function bitSweepPanel(session) {
  const demo = session.demos((d) => d.id === BIT_SWEEP)[0];
  const chart = new Chart({
    xLabel: 'Bits per value',
    yLabel: 'Relative Frobenius error',
    xFormat: (v) => (Number.isInteger(v) ? String(v) : ''),
    yLogBase: 10,
    yFormat: (v) => percent(v, v < 0.001 ? 3 : v < 0.01 ? 2 : 1),
    empty: 'Press Sweep: the error of a quantize-dequantize round trip at 8, 6, 4 and 2 bits appears here.',
  });
  const table = el('table', { class: 'results-table', 'data-bit-sweep': '' });
  const note = el('p', { class: 'hint' });
  return demoPanel(session, {
    id: 'bit-sweep',
    title: 'Fewer bits',
    demo: BIT_SWEEP,
    button: 'Sweep',
    action: 'sweep-bits',
    intro: [demo.summary, ' Fewer bits are simulated by clamping to a smaller range (±31 for 6 bits, ±7 for 4, ±1 for 2).'],
    fields: [
      { name: 'sweep_rows', arg: 'rows', label: 'Rows', value: '64' },
      { name: 'sweep_cols', arg: 'cols', label: 'Columns', value: '256' },
    ],
    body: el('div', {}, chart.element, note, scrollRegion('Fewer bits: the errors', table)),
    runOnLoad: false,
    className: 'card',
    render(result) {
      const schemes = [
        ['per_tensor', 'one scale per tensor'],
        ['per_row', 'one scale per row'],
      ];
      chart.update(schemes.map(([key, label]) => ({ label, points: result.bits.map((b, i) => [b, result[key].rel_frobenius[i]]) })));
      const head = el(
        'tr',
        {},
        el('th', {}, 'Bits'),
        schemes.map(([, label]) => [
          el('th', { class: 'numeric' }, `Max abs error, ${label}`),
          el('th', { class: 'numeric' }, 'Rel. Frobenius'),
          el('th', { class: 'numeric' }, 'SNR'),
        ]),
      );
      const rows = result.bits.map((bits, i) =>
        el(
          'tr',
          {},
          el('td', { 'data-col': 'bits' }, String(bits)),
          schemes.map(([key]) => [
            el('td', { class: 'numeric', 'data-col': `${key}_max_abs` }, scientific(result[key].max_abs_err[i])),
            el('td', { class: 'numeric', 'data-col': `${key}_rel` }, percent(result[key].rel_frobenius[i], 2)),
            el('td', { class: 'numeric', 'data-col': `${key}_snr` }, `${result[key].snr_db[i].toFixed(1)} dB`),
          ]),
        ),
      );
      table.replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
      const last = result.bits.length - 1;
      const worse = (key) => result[key].rel_frobenius[last] / result[key].rel_frobenius[0];
      const gap = result.per_tensor.rel_frobenius[0] / result.per_row.rel_frobenius[0];
      note.textContent =
        `Rows are scaled from ${result.row_factor_min} to ${result.row_factor_max}. ` +
        `From ${result.bits[0]} to ${result.bits[last]} bits the error grew ${ratio(worse('per_tensor'))} per tensor and ${ratio(worse('per_row'))} per row; ` +
        `at ${result.bits[0]} bits one scale per row was ${ratio(gap)} ${gap >= 1 ? 'more accurate' : 'less accurate'} than one per tensor.`;
    },
  });
}

function kLimitPanel(session, i8Simd) {
  const op = session.operation('i8_matmul');
  const answer = el('p', { 'data-k-answer': '', 'aria-live': 'polite' });
  const { element: form } = panelForm({
    inputs: [{ name: 'try_k', label: 'K', value: String(op.max_k + 1) }],
    button: 'Try this K',
    action: 'try-k',
    async onSubmit({ value, showError }) {
      const k = value('try_k');
      const verdict = await session.lab.check(runRequest(i8Simd, { m: 1, n: 1, k }, { block: 1, threads: 1 }));
      if (verdict.status === 'ok') {
        showError(null);
        answer.textContent = `K = ${k} is accepted: the int32 sums of a 1 × ${k} by ${k} × 1 product cannot overflow.`;
      } else {
        answer.textContent = '';
        showError(verdict.error, 'try_k');
      }
    },
  });
  return el(
    'div',
    { class: 'card', 'data-panel': 'k-limit' },
    el('h2', {}, 'The largest K'),
    el(
      'p',
      {},
      'The catalog says the int8 matmul accepts K up to ',
      el('strong', { 'data-max-k': '' }, String(op.max_k)),
      '. Try a K of your own: it goes through the same C++ validation as every run (as a 1 × K by K × 1 product), and nothing runs.',
    ),
    form,
    answer,
  );
}

// exercise: the student's quantize kernel, whose file the learner writes.
function byHandPanel(session, exercise) {
  const verdict = el('div', { class: 'verdict-slot' });
  const { element: form } = panelForm({
    inputs: [
      { name: 'hand_scale', label: 'scale' },
      { name: 'hand_error', label: 'largest possible |x − q × scale|' },
    ],
    button: 'Check',
    action: 'check-hand',
    async onSubmit({ value, showError }) {
      const guesses = { scale: value('hand_scale'), bound: value('hand_error') };
      const bad = Object.entries({ hand_scale: guesses.scale, hand_error: guesses.bound }).find(([, v]) => !(v > 0 && Number.isFinite(v)));
      if (bad) {
        showError('Enter both answers as positive numbers, such as 0.05.', bad[0]);
        return;
      }
      showError(null);
      const args = Object.fromEntries(HAND_VECTOR.map((x, i) => [`x${i}`, x]));
      const result = await session.lab.demo({ demo: BY_HAND, ...args });
      const close = (guess, truth) => Math.abs(guess - truth) <= HAND_TOLERANCE * truth;
      const judged = [
        [
          'scale',
          close(guesses.scale, result.scale),
          `max|x| / ${result.qmax} = ${short(result.max_abs)} / ${result.qmax} = ${short(result.scale)}`,
        ],
        ['error bound', close(guesses.bound, result.error_bound), `scale / 2 = ${short(result.error_bound)}`],
      ];
      const allRight = judged.every(([, right]) => right);
      verdict.replaceChildren(
        el(
          'p',
          { class: `verdict verdict-${allRight ? 'right' : 'wrong'}`, 'data-hand-verdict': '' },
          judged.map(([what, right, truth]) => `${what}: ${right ? 'right' : 'not quite'} (${truth}). `).join(''),
          `C++ rounds the six values to the codes ${result.codes.join(', ')}; the largest error it actually made is ${result.max_rounding_err.toPrecision(3)}, within the bound.`,
        ),
      );
    },
  });
  return el(
    'div',
    { class: 'card', 'data-panel': 'by-hand' },
    el('h2', {}, 'Quantize by hand'),
    el(
      'p',
      {},
      'Quantize x = [',
      el('code', { 'data-hand-vector': '' }, HAND_VECTOR.join(', ')),
      '] to symmetric int8 with one scale. What is the scale, and how far can any value end up from q × scale? ',
      'Then write the same in C++: ',
      el('code', {}, exercise.source),
      ', tested by ',
      el('code', {}, 'npm run check'),
      '; once it is written, each Run above times it beside the lab’s quantizers.',
    ),
    form,
    verdict,
  );
}

export default {
  ...LESSON,
  mount(session) {
    const ours = session.kernels((k) => k.lesson === LESSON.id);
    // f32 first at each size, so the int8 rows can show their speedup over it as they arrive.
    const [f32Simd, i8Scalar, i8Simd] = [F32_SIMD, I8_SCALAR, I8_SIMD].map((query) => session.kernelByRole(query));
    const matmuls = [f32Simd, i8Scalar, i8Simd];
    const quantizeScalar = session.kernelByRole(QUANTIZE_SCALAR);
    const operationOf = (kernelName) => session.kernel(kernelName).operation;
    // A and B of an M x K by K x N product at the kernel's width: what a model keeps in memory.
    const inputBytes = ({ kernel, shape }) => DTYPE_BYTES[session.kernel(kernel).dtype] * (shape.m * shape.k + shape.k * shape.n);
    const vectorKernels = ours.filter((k) => session.operation(k.operation).shape === 'vector');
    const title = (entry) => entryTitle(session, entry);
    const isVector = (kernelName) => session.operation(session.kernel(kernelName).operation).shape === 'vector';
    const matmulEntries = (entries) => entries.filter((e) => e.result.status === 'ok' && !isVector(e.result.kernel));
    let page = null;

    // The entry of `kernel` at this entry's size, the latest one.
    const partner = (entry, kernel) =>
      page.entries.findLast(
        (e) =>
          e.result.kernel === kernel.name &&
          e.result.status === 'ok' &&
          !isVector(e.result.kernel) &&
          e.result.shape.n === entry.result.shape.n,
      );

    const metricOf = (entry, name) => entry.result.check?.metrics?.[name];

    const request = (kernel, n, values) => runRequest(kernel, n, { block: values.block, threads: 1, min_time_s: values.min_time_s });

    function verdict(entries, prediction) {
      const pairs = [...byN(matmulEntries(entries))]
        .map(([n, atN]) => ({
          n,
          i8: atN.findLast((e) => e.result.kernel === i8Simd.name),
          f32: atN.findLast((e) => e.result.kernel === f32Simd.name),
        }))
        .filter(({ i8, f32 }) => i8 && f32);
      if (pairs.length === 0)
        return { text: 'This run timed no size with both SIMD matmuls, so there is nothing to judge.', tone: 'neutral' };
      const { n, i8, f32 } = pairs.at(-1);
      const measured = speedup(i8, f32);
      const facts =
        `At N = ${n}, the int8 SIMD matmul ran ${ratio(measured)} as fast as the f32 one ` +
        `(${seconds(i8.result.timing.median_s)} against ${seconds(f32.result.timing.median_s)}).`;
      const { guess, verdict: unjudged } = readSpeedup(prediction, facts, 2);
      if (unjudged) return unjudged;
      const right = guess >= measured / TOLERANCE && guess <= measured * TOLERANCE;
      return right
        ? { text: `Right. ${facts} Your ${ratio(guess)} is within 25%.`, tone: 'right' }
        : { text: `Not quite. ${facts} Your ${ratio(guess)} was too ${guess < measured ? 'low' : 'high'}.`, tone: 'wrong' };
    }

    function notes(entries) {
      const result = [];
      for (const [n, atN] of byN(matmulEntries(entries))) {
        const find = (kernel) => atN.findLast((e) => e.result.kernel === kernel.name);
        const [i8, f32, scalar] = [find(i8Simd), find(f32Simd), find(i8Scalar)];
        if (i8 && f32) {
          const s = speedup(i8, f32);
          const noise = overlap(i8, f32) ? ' (within the noise: the 95% CIs overlap)' : '';
          result.push(
            `N = ${n}: int8 SIMD ${gflops(i8.result.gflops)} GOP/s against f32 SIMD ${gflops(f32.result.gflops)} GFLOP/s, ${ratio(s)}${noise}` +
              (s < 1 ? '. Here int8 was not faster: the data contradicts the lesson’s claim at this size on this machine.' : '.') +
              ` Stored, A and B take ${bytes(inputBytes(i8.result))} in int8 against ${bytes(inputBytes(f32.result))} in f32; the panels the kernel packs from them hold i16, twice the int8 bytes.`,
          );
        }
        if (i8 && scalar) result.push(`N = ${n}: the SIMD int8 kernel ran ${ratio(speedup(i8, scalar))} as fast as the scalar int8 one.`);
        const rel = i8 ? metricOf(i8, 'rel_frobenius_vs_f32') : null;
        if (typeof rel === 'number') {
          result.push(
            `N = ${n}: int8 C differs from the f32 product of the unquantized inputs by ${percent(rel, 2)} (relative Frobenius), ` +
              `at most ${scientific(metricOf(i8, 'max_abs_err_vs_f32'))} in one element. That is the price of 8 bits; the kernel itself matched the exact integer product.`,
          );
        }
      }
      const quantizers = entries.filter(
        (e) => e.result.status === 'ok' && isVector(e.result.kernel) && operationOf(e.result.kernel) === QUANTIZE,
      );
      for (const [n, atN] of byN(quantizers)) {
        const scalar = atN.findLast((e) => e.result.kernel === quantizeScalar.name);
        const others = atN.filter((e) => e !== scalar && e.result.kernel !== scalar?.result.kernel);
        if (scalar && others.length) {
          result.push(
            `Quantizing ${n} floats: ${others.map((e) => `${title(e)} ${ratio(speedup(e, scalar))}`).join(', ')} the speed of ${title(scalar)} (${seconds(scalar.result.timing.median_s)}).`,
          );
        }
      }
      return result;
    }

    const gopsColumn = {
      id: 'gops',
      label: 'G(FL)OP/s',
      numeric: true,
      title: 'Matmul: 2 M N K operations (integer for int8, floating point for f32) divided by the median time',
      value: ({ result }) => (result.status !== 'ok' || isVector(result.kernel) ? '—' : gflops(result.gflops)),
    };
    const speedupColumn = {
      id: 'speedup',
      label: 'vs f32 SIMD',
      numeric: true,
      title: 'How many times as fast as the f32 SIMD matmul at the same N',
      value: (entry) => {
        const f32 = entry.result.status === 'ok' && operationOf(entry.result.kernel) === i8Simd.operation && partner(entry, f32Simd);
        return f32 ? ratio(speedup(entry, f32)) : '—';
      },
    };
    const errorColumn = {
      id: 'rel_frobenius',
      label: 'Error vs f32',
      numeric: true,
      wrap: true,
      title:
        'int8 only: how far C is from the f32 product of the unquantized inputs (relative Frobenius, and the largest absolute difference)',
      value: (entry) => {
        const rel = metricOf(entry, 'rel_frobenius_vs_f32');
        return typeof rel !== 'number' ? '—' : `${percent(rel, 2)}, max ${scientific(metricOf(entry, 'max_abs_err_vs_f32'))}`;
      },
    };
    const memoryColumn = {
      id: 'memory',
      label: 'A + B',
      numeric: true,
      title: 'Matmul: memory of A and B, (M K + K N) values at 1 byte (int8) or 4 bytes (f32) each',
      value: ({ result }) => (result.status !== 'ok' || isVector(result.kernel) ? '—' : bytes(inputBytes(result))),
    };

    function gopsSeries(entries) {
      const ok = matmulEntries(entries);
      return matmuls
        .map((k) => ({
          label: k.title,
          points: [...new Map(ok.filter((e) => e.result.kernel === k.name).map((e) => [e.result.shape.n, e.result.gflops]))],
        }))
        .filter((s) => s.points.length);
    }

    const sources = session.sourcesOf(
      [...ours, f32Simd],
      session.demos((d) => d.lesson === LESSON.id).flatMap((d) => d.sources),
    );

    page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { operation: 'i8_matmul', variant: 'simd128' }, size: 512, threads: 1, block: 64 },
        b: { query: { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' }, size: 512, threads: 1, block: 64 },
        intro: el('p', {}, 'The int8 SIMD128 matmul against the f32 SIMD128 matmul at N = 512 on one thread, in interleaved rounds.'),
      },
      lead: 'Store numbers as 8-bit integers and one scale: a quarter of the memory, and with the right instruction, more multiplies per instruction. Measure both, and what the rounding costs.',
      explanation: explanation(),
      exercise: {
        prompt:
          'How many times as fast as the f32 SIMD matmul will the int8 SIMD matmul run at the largest N you choose, on one thread? Within 25% counts as right.',
        label: 'Speedup of int8 SIMD over f32 SIMD',
        control: { kind: 'number', placeholder: 'e.g. 1.5', inputmode: 'decimal' },
      },
      fields: [
        { name: 'sizes', label: 'Matmul sizes N', kind: 'list', value: '128,256,512', hint: 'Square N × N; one thread.' },
        {
          name: 'block',
          label: 'Block size b',
          kind: 'number',
          value: '64',
          hint: 'K and N blocking of both SIMD matmuls; at most the smallest N.',
        },
        { name: 'lengths', label: 'Quantize lengths N', kind: 'list', value: '1048576', hint: 'Floats quantized to int8 (and back).' },
        minTimeField('0.2', 'Per kernel and size.'),
      ],
      fieldFor: refusalField({ sizes: (request) => (isVector(request.kernel) ? 'lengths' : 'sizes'), block: 'block' }),
      columns: [
        kernelColumn(session),
        { ...nColumn, title: 'Matmul: square size M = N = K. Quantize: vector length' },
        blockColumn,
        medianColumn,
        ciColumn,
        gopsColumn,
        speedupColumn,
        {
          ...gbpsColumn,
          value: (entry) => (isVector(entry.result.kernel) ? gbpsColumn.value(entry) : '—'),
          title: 'Quantize: bytes moved divided by the median time',
        },
        errorColumn,
        memoryColumn,
        checkColumn,
      ],
      chart: {
        xLabel: 'Size N (N × N)',
        yLabel: 'GOP/s (int8) or GFLOP/s (f32)',
        xLogBase: 2,
        xFormat: String,
        yFormat: (v) => gflops(v),
        empty: 'Each run adds a point per matmul and size here: its operations per second.',
      },
      panels: [byHandPanel(session, session.kernelByRole(QUANTIZE_EXERCISE)), bitSweepPanel(session), kLimitPanel(session, i8Simd)],
      code: {
        kernels: [...ours, f32Simd],
        operations: [i8Simd.operation, QUANTIZE, 'i8_dequantize_f32'].map((id) => session.operation(id)),
        sources,
      },
      plan(values) {
        const items = [
          ...values.sizes.flatMap((n) =>
            matmuls.map((kernel) => ({ requests: [request(kernel, n, values)], meta: { title: kernel.title, n } })),
          ),
          ...values.lengths.flatMap((n) =>
            vectorKernels.map((kernel) => ({ requests: [request(kernel, n, values)], meta: { title: kernel.title, n } })),
          ),
        ];
        return { items };
      },
      describe: ({ title: name, n }) => `${name} at N = ${n}`,
      series: gopsSeries,
      conclude: ({ entries, prediction }) => ({ verdict: verdict(entries, prediction), notes: notes(entries) }),
    });
    return page.section;
  },
};
