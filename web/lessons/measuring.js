// Lesson 0: how the lab times a kernel, and how far to trust one number.
import { el, svg } from '../ui/dom.js';
import { engineText } from '../engine.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle, kernelTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { runRequest } from '../ui/request.js';
import {
  kernelColumn,
  nColumn,
  blockColumn,
  medianColumn,
  meanColumn,
  spreadColumn,
  ciColumn,
  samplesColumn,
  gflopsColumn,
  checkColumn,
} from '../ui/columns.js';
import { logEdges, histogramPoints } from '../ui/histogram.js';
import { measuringAbSection } from './measuring-ab.js';
import { seconds, secondsRange, percent, percentTick, ratio } from '../ui/format.js';

const LESSON = { id: 'measuring', number: 0, title: 'Measuring' };

const PLACES = {
  inside: 'inside the 95% CI of the median',
  slower: 'slower than the whole 95% CI of the median',
  faster: 'faster than the whole 95% CI of the median',
};
const CHOICES = [
  { value: 'inside', label: 'inside the median’s 95% CI' },
  { value: 'slower', label: 'slower than that CI' },
  { value: 'faster', label: 'faster than that CI' },
];

// A timeline, not to scale: the cold call, warm-up batches growing until one
// is long enough, then samples of one batch each, over the clock's ticks.
function timeline() {
  const call = 13;
  const block = (x, calls, cls) => {
    const dividers = Array.from(
      { length: calls - 1 },
      (_, i) => `<line x1="${x + (i + 1) * call}" y1="96" x2="${x + (i + 1) * call}" y2="126" class="divider"/>`,
    ).join('');
    return `<rect x="${x}" y="96" width="${calls * call}" height="30" rx="3" class="${cls}"/>${dividers}`;
  };
  const samples = [];
  let x = 250;
  for (let i = 0; i < 8; i += 1) {
    const slow = i === 3;
    samples.push(
      slow
        ? `<rect x="${x}" y="96" width="76" height="30" rx="3" class="slow"/><text x="${x + 38}" y="116" class="in-bar">interrupted</text>`
        : block(x, 4, 'sample'),
    );
    x += (slow ? 76 : 4 * call) + 5;
  }
  const ticks = Array.from({ length: 119 }, (_, i) => `<line x1="${20 + i * 6}" y1="150" x2="${20 + i * 6}" y2="156"/>`).join('');
  return svg(`
    <svg viewBox="0 0 760 200" role="img" aria-labelledby="timeline-title" class="diagram">
      <title id="timeline-title">Timeline of one measurement: a cold call, warm-up batches of 1, 2 and 4 calls, then samples of 4 calls each, one of them slowed by an interrupt, above a row of clock ticks.</title>
      <text x="20" y="30" class="label">cold call</text>
      <text x="20" y="46" class="sub">timed alone</text>
      <rect x="20" y="96" width="70" height="30" rx="3" class="cold"/>
      <text x="108" y="30" class="label">warm-up</text>
      <text x="108" y="46" class="sub">batches grow until</text>
      <text x="108" y="60" class="sub">one lasts ≥ 100 ticks</text>
      ${block(108, 1, 'warm')}${block(126, 2, 'warm')}${block(158, 4, 'warm')}
      <text x="250" y="30" class="label">samples</text>
      <text x="250" y="46" class="sub">each times one batch, then divides by its size;</text>
      <text x="250" y="60" class="sub">they go on until the minimum time has passed</text>
      ${samples.join('')}
      <path d="M250 80 H738" class="bracket"/>
      <line x1="20" y1="150" x2="740" y2="150" class="axis"/>
      <g class="ticks">${ticks}</g>
      <text x="20" y="180" class="sub">clock ticks: each is the clock's resolution; a time shorter than a few ticks is mostly rounding</text>
    </svg>`);
}

function explanation(catalog) {
  const { clock } = catalog;
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'The clock has a grain'),
      el(
        'p',
        {},
        'Kernels are timed with ',
        el('code', {}, clock.name),
        '. When the lab started it measured the smallest step that clock takes in your browser, ',
        el('span', { 'data-engine': '' }, engineText(navigator.userAgent)),
        ': ',
        el('strong', { 'data-grain': '' }, seconds(clock.resolution_s)),
        '. Browsers coarsen ',
        el('code', {}, 'performance.now()'),
        ' on purpose, so that scripts cannot time the processor precisely enough to attack it. How coarse depends on the browser and on whether the page is cross-origin isolated, as this one ',
        self.crossOriginIsolated ? 'is' : 'is not',
        '. When this lesson was written, the lab’s own tests measured 5 µs in Chromium 156 and 20 µs in Firefox ESR 153 in an isolated page, and 100 µs and 1 ms in pages that are not, on one Linux machine; the step given above is your browser’s own. A call that lasts a few ticks is mostly rounding.',
      ),
      el('h2', {}, 'Warm up, then batch'),
      el(
        'p',
        {},
        'The first call pays for things that have nothing to do with the kernel: caches that hold other data, and in a browser possibly the engine’s quick first compilation of the WebAssembly, before its optimised code is ready. So the lab times that cold call alone, then calls the kernel in growing batches until one batch lasts at least 100 ticks. It goes on warming up, at least 0.3 s the first time a kernel runs on this page at a size and thread count (a few hundredths of a second once its code has run that long there, since the optimised code stays; a kernel in a module of its own, such as yours from the code panel, gets the 0.3 s every time), until the time per call of a batch is no longer more than 2% below the best batch before it (never more than 2 s): a browser’s optimised code replaces the quick first compilation only on a later call, and a sample taken before that would time the quick code. If the samples still get faster partway (the later half’s median more than 20% below the earlier half’s), the lab counts them as warm-up too and samples again. From then on, each sample times a whole batch and divides by its size, so one tick is about 1% of a sample or less.',
      ),
      el('h2', {}, 'Many samples, one median'),
      el(
        'p',
        {},
        'Samples continue until the minimum time has passed and at least 10 are in (after 10 s of sampling, a slow kernel stops once it has 3). Most noise on a computer is one-sided: an interrupt or another tab can only make a sample slower. The clock speed can go either way: a core that boosts above its base frequency runs some samples faster, and one that throttles when it gets hot runs them slower, so a run can drift in both directions. The median ignores a few outlying samples on either side; the mean does not, which is why the lab reports the median.',
      ),
      el('h2', {}, 'How sure is the median?'),
      el(
        'p',
        {},
        'The 95% confidence interval comes from order statistics: between the j-th fastest and the j-th slowest sample lies the true median with a probability the binomial distribution gives, whatever the shape of the noise. With fewer than 6 samples no such pair reaches 95%, so the interval is the whole range and the table says how much it covers.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      timeline(),
      el('figcaption', {}, 'One measurement, not to scale. The histogram below is made of the samples.'),
    ),
  ];
}

function chartLegend() {
  return el(
    'p',
    { class: 'chart-legend' },
    'Histogram of each run’s samples. Lines: ',
    el('span', { class: 'key key-solid' }),
    ' median, ',
    el('span', { class: 'key key-dashed' }),
    ' mean, ',
    el('span', { class: 'key key-dotted' }),
    ' single cold call; shaded: 95% CI of the median.',
  );
}

const singleShotColumn = {
  id: 'single',
  label: 'Single shot',
  numeric: true,
  timing: true,
  title: 'One cold call, timed alone',
  value: ({ results }) => seconds(results[0].timing.median_s),
};

function codeFor(session, kernel) {
  // The lab's timing code (the catalog's sources.timing), shown beside the kernel being timed.
  return {
    kernels: [kernel],
    operation: session.operation(kernel.operation),
    sources: session.sourcesOf([kernel], session.catalog.sources.timing),
  };
}

function label(session, entry, index) {
  return `#${index + 1} ${entryTitle(session, entry)}, N = ${entry.result.shape.n}`;
}

function where(cold, timing) {
  if (cold > timing.ci_high_s) return 'slower';
  if (cold < timing.ci_low_s) return 'faster';
  return 'inside';
}

function verdict(entry, prediction) {
  const [single, full] = entry.results;
  const cold = single.timing.median_s;
  const { timing } = full;
  const place = where(cold, timing);
  const facts =
    `The cold call took ${seconds(cold)}, ${ratio(cold / timing.median_s)} the median of ${seconds(timing.median_s)}: ` +
    `${PLACES[place]} (${secondsRange(timing.ci_low_s, timing.ci_high_s)}).`;
  if (!prediction) return noPrediction(facts);
  if (prediction === place) return { text: `Right. ${facts}`, tone: 'right' };
  return { text: `Not this time: you predicted ${PLACES[prediction]}. ${facts}`, tone: 'wrong' };
}

function notes(entry) {
  const [single, full] = entry.results;
  const t = full.timing;
  const sample = t.median_s * t.batch;
  const ticks = sample / t.resolution_s;
  const result = [
    `Each sample timed a batch of ${t.batch} call${t.batch === 1 ? '' : 's'}, about ${seconds(sample)} or ${Math.round(ticks)} clock ticks, ` +
      `so one tick is ${percent(1 / ticks, 2)} of a sample${ticks < 100 ? ': more than the 1% the warm-up aimed for, because warm calls ran faster than the ones that chose the batch' : ''}.`,
  ];
  // The batch is sized by the grain unless the warm-up hit its batch limit first.
  if (ticks >= 100 && t.warmup_stop !== 'batch_limit') {
    result.push(
      `The clock's grain was ${seconds(t.resolution_s)}, so the warm-up chose a batch that lasts at least ${seconds(100 * t.resolution_s)} (100 ticks): ` +
        'a coarser clock gets a larger batch, and a tick stays 1% of a sample or less.',
    );
  }
  const coldTicks = single.timing.median_s / t.resolution_s;
  if (coldTicks < 100) {
    result.push(
      `The single shot lasted only ${Math.round(coldTicks)} ticks, so the clock's rounding alone can move it by ${percent(1 / coldTicks)}.`,
    );
  }
  const skew = (t.mean_s - t.median_s) / t.median_s;
  if (skew > 0.02)
    result.push(
      `The mean is ${percent(skew)} above the median: the slowest samples (up to ${seconds(t.max_s)}) pull it up, and the median ignores them.`,
    );
  else if (skew < -0.02)
    result.push(`The mean is ${percent(-skew)} below the median: a few samples ran unusually fast (down to ${seconds(t.min_s)}).`);
  else result.push(`Mean and median agree within 2%: this run had little one-sided noise.`);
  result.push(
    t.ci_level < 0.95
      ? `Only ${t.count} samples, so the interval is the whole min–max range and covers the median with just ${percent(t.ci_level, 0)} confidence: a longer minimum time gives more samples and a real 95% interval.`
      : `From ${t.count} samples the 95% CI of the median is ${percent((t.ci_high_s - t.ci_low_s) / t.median_s)} of the median wide.`,
  );
  return result;
}

export default {
  ...LESSON,
  mount(session) {
    const kernels = session.kernels((k) => !k.student);
    const initial = kernels.find((k) => k.lesson === 'loops') ?? kernels[0];
    const selected = () => session.kernel(page.form.values().kernel);
    const markers = [];

    // The single shot, median, mean and CI of every run, drawn over its histogram.
    const decorate = (u, color) => {
      const { ctx } = u;
      const { top, height } = u.bbox;
      const x = (v) => u.valToPos(v, 'x', true);
      ctx.save();
      for (const m of markers) {
        ctx.strokeStyle = ctx.fillStyle = color(m.key);
        ctx.globalAlpha = 0.1;
        ctx.fillRect(x(m.ci[0]), top, Math.max(x(m.ci[1]) - x(m.ci[0]), 1), height);
        ctx.globalAlpha = 1;
        for (const [value, dash] of [
          [m.median, []],
          [m.mean, [6, 4]],
          [m.single, [2, 3]],
        ]) {
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash(dash.map((d) => d * devicePixelRatio));
          ctx.beginPath();
          ctx.moveTo(x(value), top);
          ctx.lineTo(x(value), top + height);
          ctx.stroke();
        }
      }
      ctx.restore();
    };

    const page = new LessonPage(session, {
      ...LESSON,
      lead: 'Before comparing kernels, learn how the lab turns a kernel into one time, and how far to trust it.',
      explanation: explanation(session.catalog),
      exercise: {
        prompt:
          'The lab will time one cold call on its own (a single shot), then make a full measurement. Where will the single shot land?',
        label: 'The single cold call will be',
        control: { kind: 'select', options: CHOICES },
      },
      fields: [
        {
          name: 'kernel',
          label: 'Kernel',
          kind: 'select',
          value: initial.name,
          options: kernels.map((k) => ({ value: k.name, label: `${k.title} (${k.lesson})` })),
        },
        { name: 'n', label: 'N', kind: 'number', value: '64', hint: 'Square matrices: M = N = K.' },
        { name: 'block', label: 'Block', kind: 'number', value: '32', hint: 'Tile edge for a blocked kernel.' },
        minTimeField('1', 'Sampling continues at least this long.'),
      ],
      fieldFor: refusalField({ sizes: 'n', block: 'block', kernel: 'kernel' }),
      columns: [
        kernelColumn(session),
        nColumn,
        blockColumn,
        singleShotColumn,
        medianColumn,
        meanColumn,
        spreadColumn,
        ciColumn,
        samplesColumn,
        gflopsColumn,
        checkColumn,
      ],
      chart: {
        xLabel: 'Time per call',
        yLabel: 'Share of samples',
        xLogBase: 10,
        steps: true,
        xFormat: seconds,
        yFormat: percentTick,
        decorate,
        legend: chartLegend(),
        empty: 'Each run adds the histogram of its samples here.',
      },
      panels: [measuringAbSection(session)],
      code: codeFor(session, initial),
      plan({ kernel, n, block, min_time_s }) {
        const request = runRequest(session.kernel(kernel), n, { block, min_time_s });
        return {
          items: [
            {
              requests: [{ ...request, single_shot: true }, request],
              meta: { title: kernelTitle(session, kernel), n },
            },
          ],
        };
      },
      describe: ({ title, n }) => `${title} at N = ${n}`,
      series(entries) {
        const measured = entries.filter((e) => e.result.status === 'ok');
        markers.length = 0;
        if (measured.length === 0) return [];
        const edges = logEdges(
          measured.flatMap(({ results: [single, full] }) => [...full.timing.samples_s, single.timing.median_s, full.timing.mean_s]),
        );
        return measured.map((entry, i) => {
          const [single, full] = entry.results;
          const key = label(session, entry, i);
          markers.push({
            key,
            single: single.timing.median_s,
            median: full.timing.median_s,
            mean: full.timing.mean_s,
            ci: [full.timing.ci_low_s, full.timing.ci_high_s],
          });
          return { label: key, points: histogramPoints(full.timing.samples_s, edges) };
        });
      },
      conclude: ({ entries, prediction }) => ({ verdict: verdict(entries.at(-1), prediction), notes: notes(entries.at(-1)) }),
    });

    const sync = () => {
      const kernel = selected();
      page.form.setVisible('block', kernel.tunables.includes('block'));
      page.code.show(codeFor(session, kernel));
    };
    page.form.input('kernel').addEventListener('change', sync);
    sync();
    return page.section;
  },
};
