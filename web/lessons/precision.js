// Lesson 7: fewer bits per number. f32, f16 and bf16 side by side: how each
// rounds, what range it covers, why fp16 training needs a loss scale, and what
// half the bytes buy a memory-bound kernel (f32 against bf16 axpy).
import { el, svg } from '../ui/dom.js';
import { runRequest } from '../ui/request.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle, kernelSeries } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { demoPanel } from '../ui/demo-panel.js';
import { Chart } from '../ui/chart.js';
import { kernelColumn, nColumn, medianColumn, ciColumn, samplesColumn, gbpsColumn, checkColumn } from '../ui/columns.js';
import { byN, overlap, latestPoints, cacheFit, speedup } from '../ui/analysis.js';
import { bytes, gflops, ratio, percent, scientific, binaryCount, timesTick } from '../ui/format.js';

const LESSON = { id: 'precision', number: 7, title: 'Precision' };

// The exercise's candidates: which is the smallest gradient fp16 still holds?
const CANDIDATES = ['1e-5', '1e-6', '1e-7', '1e-8', '1e-9'];
// A bf16 speedup this far above 1, with CIs apart, counts as the halved bytes paying.
const PAYS = 1.2;
// A speedup this far beyond the byte ratio gets a note: bytes alone do not explain it.
const BEYOND_BYTES = 1.1;

// The three layouts, one box per bit, to scale.
function layouts() {
  const BIT = 17;
  const rows = [
    ['f32', 8, 23],
    ['f16', 5, 10],
    ['bf16', 8, 7],
  ];
  const boxes = rows
    .map(([name, e, m], r) => {
      const y = 20 + r * 58;
      const cells = Array.from({ length: 1 + e + m }, (_, i) => {
        const cls = i === 0 ? 'sign-bit' : i <= e ? 'exponent-bits' : 'mantissa-bits';
        return `<rect x="${70 + i * BIT}" y="${y}" width="${BIT - 2}" height="24" rx="2" class="${cls}"/>`;
      }).join('');
      return (
        `<text x="10" y="${y + 17}" class="label">${name}</text>${cells}` +
        `<text x="70" y="${y + 42}" class="sub">1 sign · ${e} exponent bits · ${m} mantissa bits</text>`
      );
    })
    .join('');
  return svg(`
    <svg viewBox="0 0 640 190" role="img" aria-labelledby="formats-title" class="diagram">
      <title id="formats-title">Bit layouts. f32: 1 sign bit, 8 exponent bits, 23 mantissa bits. f16: 1 sign, 5 exponent, 10 mantissa. bf16: 1 sign, 8 exponent, 7 mantissa: the top half of an f32.</title>
      ${boxes}
    </svg>`);
}

function explanation(f32, bf16) {
  const code = (text) => el('code', {}, text);
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'Three ways to spend bits'),
      el(
        'p',
        {},
        'A float is a sign, an exponent and a mantissa: the exponent says how large the number is, the mantissa how precisely it is known. ',
        'f32 spends 8 bits on the exponent and 23 on the mantissa. The two 16-bit formats split their bits differently: ',
        code('f16'),
        ' keeps 10 mantissa bits but only 5 exponent bits, so it is fairly precise over a narrow range; ',
        code('bf16'),
        ' keeps f32’s 8 exponent bits and only 7 mantissa bits, so it covers the same range as f32, coarsely. ',
        'bf16 is literally the top half of an f32: converting to f32 is a 16-bit shift, and converting back is one rounding of the lower half.',
      ),
      el(
        'p',
        {},
        'Rounding to nearest, ties to even, is the rule for all three. Below a format’s smallest normal number come the subnormals, which trade precision bits for range, and below half the smallest subnormal everything rounds to zero. ',
        'Above the largest value, rounding gives infinity. The conversions this lesson uses are written with integer operations on the bits, so each of these decisions is a line of C++ you can read below.',
      ),
      el('h2', {}, 'Mixed precision'),
      el(
        'p',
        {},
        'Training in 16 bits halves the memory and the bytes moved, but the weights themselves stay in f32 (the “master weights”): an update far smaller than the weight would round away in 16 bits. ',
        'With f16, gradients have a second problem: many are smaller than f16’s smallest normal value, and the smallest die entirely. ',
        'Loss scaling multiplies the loss, and so every gradient, by a power of two S before the backward pass, and divides again in f32 before the update. ',
        'Too large an S overflows to infinity; dynamic scaling then skips that step and halves S, and doubles S again after a run of good steps. bf16 has f32’s range and rarely needs any of this.',
      ),
      el('h2', {}, 'The experiment'),
      el(
        'p',
        {},
        `The same axpy, z = a x + y, stored in f32 and in bf16, computed in f32 either way. Bytes per call: f32 ${f32.bytes_formula}; bf16 ${bf16.bytes_formula}. `,
        'It does two flops per element, so once the vectors outgrow the caches, memory decides its speed: that is where half the bytes could make it up to twice as fast. In cache, the conversions are extra work with nothing to hide behind.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      layouts(),
      el('figcaption', {}, 'Sign (red), exponent (orange) and mantissa (blue) bits of the three formats, to scale.'),
    ),
  ];
}

function table(head, rows) {
  return el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        head.map((h) => el('th', {}, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c) => el('td', {}, c)),
        ),
      ),
    ),
  );
}

// The exponent field and what it means: the power of two, once the bias is
// taken off (all ones: inf or NaN; all zeros: subnormal, which scales like 1).
function exponentCell({ exponent, exponent_bits: bits }) {
  const bias = 2 ** (bits - 1) - 1;
  if (exponent === 2 ** bits - 1) return `${exponent} (inf/NaN)`;
  return `${exponent} (2^${(exponent === 0 ? 1 : exponent) - bias})`;
}

const classCell = (c) => el('span', { class: `class-${c}` }, c);

function roundingPanel(session) {
  return demoPanel(session, {
    id: 'round',
    title: 'Rounding explorer',
    demo: 'precision_round',
    button: 'Round',
    intro: 'Type a number: it is stored as f32, and that f32 is rounded to f16 and to bf16. Try 0.1, 65504, 65520, 1e-5, 1e-8, 3e38.',
    fields: [{ name: 'round_x', arg: 'x', label: 'Number', value: '0.1' }],
    render(result, body) {
      body.replaceChildren(
        table(
          [
            'Format',
            'Stored value',
            'Bits',
            'Sign',
            'Exponent field (− bias)',
            'Mantissa field',
            'Abs. error',
            'Rel. error',
            'What happened',
          ],
          result.formats.map((f) => [
            el('strong', {}, f.format),
            el('span', { 'data-value': f.format }, f.value_text),
            el('code', {}, f.bits),
            String(f.sign),
            exponentCell(f),
            el('code', {}, `0x${f.mantissa.toString(16)}`),
            scientific(f.abs_err),
            scientific(f.rel_err),
            el('span', { 'data-outcome': f.format }, f.outcome),
          ]),
        ),
      );
    },
  });
}

function formatsPanel(session) {
  return demoPanel(session, {
    id: 'formats',
    title: 'Range and precision',
    demo: 'precision_formats',
    fields: [],
    intro:
      'Each figure is decoded from a bit pattern by the same conversion code: the largest finite pattern, the smallest normal and subnormal ones, and the step above 1.',
    render(result, body) {
      body.replaceChildren(
        table(
          ['Format', 'Largest', 'Rounds to inf from', 'Smallest normal', 'Smallest subnormal', 'Epsilon (step above 1)', 'Decimal digits'],
          result.formats.map((f) => [
            el('strong', {}, f.format),
            f.largest.value_text,
            f.overflow_from_text,
            f.smallest_normal.value_text,
            f.smallest_subnormal.value_text,
            f.epsilon_text,
            f.decimal_digits.toFixed(2),
          ]),
        ),
      );
    },
  });
}

function underflowPanel(session) {
  return demoPanel(session, {
    id: 'underflow',
    title: 'Gradients in fp16',
    demo: 'fp16_underflow',
    button: 'Store',
    intro:
      'Gradient magnitudes from 1e-2 to 1e-10, stored in fp16 as they are and multiplied by a loss scale S = 2^s (and divided again afterwards).',
    fields: [{ name: 'underflow_scale_log2', arg: 'scale_log2', label: 'Scale exponent s', value: '16' }],
    render(result, body) {
      const cells = (s) => [
        classCell(s.class),
        s.value === 0 ? '0' : s.value.toExponential(3),
        s.class === 'inf' ? '∞' : percent(s.rel_err, 2),
      ];
      const share = (d) =>
        `${percent(d.normal)} normal, ${percent(d.subnormal)} subnormal, ${percent(d.zero)} zero, ${percent(d.inf, 3)} inf`;
      const { distribution: d } = result;
      body.replaceChildren(
        table(
          ['Gradient', 'fp16', 'value', 'rel. error', `× 2^${result.scale_log2} in fp16`, 'value (÷ S)', 'rel. error'],
          result.magnitudes.map((m) => [m.magnitude.toExponential(0), ...cells(m.unscaled), ...cells(m.scaled)]),
        ),
        el(
          'p',
          { 'data-shares': '' },
          `Of ${d.samples} gradients drawn around ${d.median.toExponential(0)} (spread ${d.spread_decades} decades): `,
          el('strong', {}, 'unscaled '),
          share(d.unscaled),
          '; ',
          el('strong', {}, `scaled by 2^${result.scale_log2} `),
          share(d.scaled),
          '.',
        ),
      );
    },
  });
}

function lossScalingPanel(session) {
  const scaleChart = new Chart({
    xLabel: 'Step',
    yLabel: 'log2 of the scale S',
    xFormat: String,
    yFormat: (v) => String(Math.round(v)),
    steps: true,
    yRange: (min, max) => [Math.max(0, min - 2), max + 2],
    empty: 'The scale over the steps appears here.',
  });
  const lossChart = new Chart({
    xLabel: 'Step',
    yLabel: 'Loss (log10)',
    xFormat: String,
    yFormat: (v) => `1e${Math.round(v)}`,
    valueFormat: { y: (v) => v.toFixed(2) },
    yRange: (min, max) => [Math.floor(min), Math.ceil(max)],
    empty: 'The loss with and without scaling appears here.',
  });
  const summary = el('p', { 'data-loss-summary': '' });
  let skippedSteps = [];
  // Skipped steps as red ticks along the scale chart's bottom.
  scaleChart.options.decorate = (u) => {
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = '#d6453d';
    ctx.lineWidth = 2 * devicePixelRatio;
    for (const step of skippedSteps) {
      const x = u.valToPos(step, 'x', true);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  };
  const log10 = (v) => (v > 0 ? Math.log10(v) : null);
  return demoPanel(session, {
    id: 'loss-scaling',
    title: 'Dynamic loss scaling',
    demo: 'loss_scaling',
    button: 'Train',
    intro:
      'A line fitted to a few points with f32 master weights and fp16 gradients; the loss carries a small weight, so its gradients are tiny, and now and then one point is an outlier whose gradient spikes. Red lines mark the steps skipped because a scaled gradient overflowed.',
    fields: [
      { name: 'ls_steps', arg: 'steps', label: 'Steps', value: '200' },
      { name: 'ls_scale_log2', arg: 'scale_log2', label: 'Initial scale exponent', value: '16' },
      { name: 'ls_growth_interval', arg: 'growth_interval', label: 'Growth interval', value: '10' },
    ],
    render(result, body) {
      skippedSteps = result.skipped.flatMap((s, i) => (s ? [i] : []));
      scaleChart.update([{ label: 'log2 S', points: result.scale_log2.map((s, i) => [i, s]) }]);
      lossChart.update([
        { label: 'with loss scaling', points: result.loss.map((l, i) => [i, log10(l)]) },
        { label: 'without scaling', colorKey: 'plain', points: result.loss_without_scaling.map((l, i) => [i, log10(l)]) },
      ]);
      const w = result.with_scaling;
      const p = result.without_scaling;
      summary.textContent =
        `${result.points} points, loss weight ${scientific(result.loss_weight)}, an outlier every ${result.spike_every} steps, S at most 2^${result.max_scale_log2}. With dynamic scaling: ${w.skipped_steps} of ${result.loss.length} steps skipped for overflow, final loss ${scientific(w.final_loss)}, final S = 2^${w.final_scale_log2}; ` +
        `a weight’s gradient rounded to zero in ${w.underflowed_steps} steps. Without scaling: ${p.underflowed_steps} steps had a gradient that rounded to zero in fp16, final loss ${scientific(p.final_loss)}` +
        `${p.final_loss > 0 && w.final_loss > 0 ? ` (${ratio(p.final_loss / w.final_loss)} the scaled run’s)` : ''}.`;
      body.replaceChildren(summary);
    },
    after: [scaleChart.element, lossChart.element],
  });
}

export default {
  ...LESSON,
  mount(session) {
    const kernels = session.kernels((k) => k.lesson === LESSON.id);
    const f32 = kernels.find((k) => k.operation === 'f32_axpy');
    const bf16 = kernels.find((k) => k.operation === 'bf16_axpy');
    const title = (entry) => entryTitle(session, entry);
    // The exercise's answer, from the demo: the smallest candidate fp16 does not flush to zero.
    const answer = session.lab.demo({ demo: 'fp16_underflow', scale_log2: 0 }).then((result) => {
      const kept = result.magnitudes.filter((m) => m.unscaled.class !== 'zero').map((m) => m.magnitude);
      return CANDIDATES.filter((c) => kept.includes(Number(c))).at(-1);
    });
    let known = null;
    answer.then((a) => {
      known = a;
    });

    function pairs(entries) {
      return [...byN(entries)]
        .map(([n, atN]) => {
          const latest = new Map(atN.map((e) => [e.result.kernel, e]));
          return { n, f32: latest.get(f32.name), bf16: latest.get(bf16.name) };
        })
        .filter((p) => p.f32 && p.bf16);
    }

    function notes(entries) {
      const list = pairs(entries).map(({ n, f32: a, bf16: b }) => {
        const s = speedup(b, a);
        const pays = s >= PAYS && !overlap(a, b);
        return (
          `N = ${n} (f32 data ${bytes(a.result.bytes)}: ${cacheFit(a.result.bytes)}): ${title(b)} ran ${ratio(s)} as fast as ${title(a)} ` +
          `for ${ratio(b.result.bytes / a.result.bytes)} the bytes; ${gflops(a.result.gbps)} against ${gflops(b.result.gbps)} GB/s. ` +
          (pays
            ? 'Here the halved bytes pay.'
            : overlap(a, b)
              ? 'Within the noise: no gain from the halved bytes at this size.'
              : s < 1
                ? 'Here the conversions cost more than the bytes saved.'
                : 'A small gain only.') +
          (s > BEYOND_BYTES * (a.result.bytes / b.result.bytes)
            ? ' That is more than the byte ratio alone explains; this run cannot say why (the VM’s noise is one candidate: compare the CIs).'
            : '')
        );
      });
      const all = pairs(entries);
      const largest = all.at(-1);
      if (largest && all.length > 1) {
        const gain = speedup(largest.bf16, largest.f32);
        const smallest = all[0];
        list.push(
          gain > speedup(smallest.bf16, smallest.f32)
            ? `bf16 gained more at N = ${largest.n} than at N = ${smallest.n} (${ratio(gain)} against ${ratio(speedup(smallest.bf16, smallest.f32))}): the larger the data, the more memory decides the speed.`
            : `bf16 did not gain more at N = ${largest.n} than at N = ${smallest.n} (${ratio(gain)} against ${ratio(speedup(smallest.bf16, smallest.f32))}), which contradicts the expectation that halved bytes matter most beyond the caches; on this machine something else limits the larger runs.`,
        );
      }
      const vsF32 = entries.find((e) => e.result.kernel === bf16.name)?.result.check?.metrics?.max_rel_err_vs_f32;
      const f32Err = entries.find((e) => e.result.kernel === f32.name)?.result.check?.max_rel_err;
      if (vsF32 !== undefined) {
        list.push(
          `The price: bf16’s results differ from the exact a x + y of the f32 inputs by up to ${scientific(vsF32)} of |a x| + |y| (on the leading elements the error model below names)` +
            `${f32Err !== undefined ? `; f32’s results, by up to ${scientific(f32Err)}` : ''}.`,
        );
      }
      return list;
    }

    function verdict(prediction) {
      if (!known) return { text: 'The demo that answers this has not answered yet; run again in a moment.', tone: 'neutral' };
      const fact = `The smallest of these that fp16 still holds is ${known} (as a subnormal: see the table below); the ones below it round to zero.`;
      if (!prediction) return noPrediction(fact);
      return prediction === known ? { text: `Right. ${fact}`, tone: 'right' } : { text: `Not quite. ${fact}`, tone: 'wrong' };
    }

    const page = new LessonPage(session, {
      ...LESSON,
      lead: 'Sixteen-bit floats halve the bytes. See what they cost in range and precision, why fp16 training scales its loss, and when half the bytes make a kernel faster.',
      explanation: explanation(f32, bf16),
      exercise: {
        prompt:
          'Without a loss scale, which is the smallest of these gradient magnitudes that fp16 still stores as something other than zero? The verdict comes with the run.',
        label: 'Smallest magnitude fp16 keeps',
        control: { kind: 'select', options: CANDIDATES.map((c) => ({ value: c, label: c })) },
      },
      fields: [
        {
          name: 'lengths',
          label: 'Lengths N',
          kind: 'list',
          value: '65536,1048576,16777216',
          hint: 'Elements; comma-separated. The Bytes column says what each call moves.',
        },
        minTimeField('0.2', 'Per kernel and length.'),
      ],
      fieldFor: refusalField({ sizes: 'lengths' }),
      columns: [
        kernelColumn(session),
        { ...nColumn, title: 'Vector length' },
        {
          id: 'bytes',
          label: 'Bytes',
          numeric: true,
          title: 'Bytes moved per call, from the catalog',
          value: ({ result }) => bytes(result.bytes),
        },
        medianColumn,
        ciColumn,
        samplesColumn,
        { ...gbpsColumn, title: `Bytes moved (f32: ${f32.bytes_formula}; bf16: ${bf16.bytes_formula}) divided by the median time` },
        checkColumn,
      ],
      chart: {
        xLabel: 'Length N (elements)',
        yLabel: 'GB/s',
        xLogBase: 2,
        xFormat: binaryCount,
        yFormat: (v) => v.toFixed(1),
        empty: 'Each run adds a point per kernel and length: bytes moved per second.',
      },
      moreCharts: [
        {
          xLabel: 'Length N (elements)',
          yLabel: 'bf16 speedup over f32',
          xLogBase: 2,
          xFormat: binaryCount,
          yFormat: timesTick,
          empty: 'The speedup of bf16 over f32 at each length appears here.',
          series: (entries) => {
            const points = pairs(entries.filter((e) => e.result.status === 'ok')).map(({ n, f32: a, bf16: b }) => [n, speedup(b, a)]);
            return points.length
              ? [
                  { label: 'bf16 / f32', points },
                  { label: 'half the bytes (2×)', colorKey: 'ideal', dash: [6, 5], points: points.map(([n]) => [n, 2]) },
                ]
              : [];
          },
        },
      ],
      panels: [roundingPanel(session), formatsPanel(session), underflowPanel(session), lossScalingPanel(session)],
      code: {
        kernels,
        operations: [session.operation('f32_axpy'), session.operation('bf16_axpy')],
        sources: session.sourcesOf(
          [f32, bf16],
          session.demos((d) => d.lesson === LESSON.id).flatMap((d) => d.sources),
        ),
      },
      plan: (values) => ({
        items: values.lengths.flatMap((n) =>
          [f32, bf16].map((kernel) => ({
            requests: [runRequest(kernel, n, { min_time_s: values.min_time_s })],
            meta: { title: kernel.title, n },
          })),
        ),
      }),
      describe: ({ title: name, n }) => `${name} at N = ${n}`,
      series: (entries) => {
        const ok = entries.filter((e) => e.result.status === 'ok');
        const points = latestPoints(
          ok,
          (e) => e.result.kernel,
          (e) => e.result.shape.n,
          (e) => e.result.gbps,
        );
        return kernelSeries(kernels, points);
      },
      conclude: ({ entries, prediction }) => ({ verdict: verdict(prediction), notes: notes(entries) }),
    });
    return page.section;
  },
};
