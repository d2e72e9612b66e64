// Lesson 9: the capstone. One small model, written once in C++ against a
// backend interface, run end to end on three backends: naive loops, the lab's
// own fast kernels, and int8. Each run times whole forward passes (the
// catalog's kernels), then profiles a few more step by step (the
// capstone_profile demo), so the page shows the time per pass, the speedup over
// naive, where the time goes, and how far each backend's output is from the
// reference.
import { el, scrollRegion, svg } from '../ui/dom.js';
import { runRequest } from '../ui/request.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { readSpeedup } from '../ui/verdict.js';
import { kernelColumn, threadsColumn, medianColumn, ciColumn, samplesColumn, gflopsColumn, checkColumn } from '../ui/columns.js';
import { overlap, speedup } from '../ui/analysis.js';
import { seconds, ratio, percent, scientific } from '../ui/format.js';

const LESSON = { id: 'capstone', number: 9, title: 'Capstone' };

const BACKENDS = ['naive', 'optimized', 'int8'];

// The two models, by operation. `sizes` maps the catalog's M, N and K onto
// the model's own names and inputs (the operation's `computes` says the same);
// each input starts at the operation's default shape.
const MODELS = [
  {
    id: 'ffn',
    demo: 0,
    operation: 'ffn_block',
    title: 'Feed-forward block',
    sizes: {
      m: { name: 'batch', label: 'Batch (M)' },
      k: { name: 'd_model', label: 'd_model (K)' },
      n: { name: 'd_ff', label: 'd_ff (N)' },
    },
    shape: (s) => `batch ${s.m}, d_model ${s.k}, d_ff ${s.n}`,
  },
  {
    id: 'conv',
    demo: 1,
    operation: 'conv2d_im2col',
    title: 'conv2d (im2col + GEMM)',
    sizes: {
      m: { name: 'side', label: 'Image side (M)' },
      k: { name: 'c_in', label: 'Input channels (K)' },
      n: { name: 'c_out', label: 'Output channels (N)' },
    },
    shape: (s) => `${s.m} × ${s.m} image, ${s.k} → ${s.n} channels`,
  },
];

// Forward passes the profile times per run: the naive backend's are slow.
const PROFILE_FORWARDS = { naive: 3, optimized: 9, int8: 9 };
// A prediction within this factor of the measured speedup counts as right.
const TOLERANCE = 1.5;

function diagram() {
  const box = (x, y, w, text, cls = 'used') =>
    `<rect x="${x}" y="${y}" width="${w}" height="34" rx="4" class="${cls}"/>` +
    `<text x="${x + w / 2}" y="${y + 22}" class="in-bar">${text}</text>`;
  const arrow = (x1, y1, x2, y2) => `<path d="M${x1} ${y1} L${x2} ${y2}" class="arrow" marker-end="url(#cap-arrow)"/>`;
  return svg(`
    <svg viewBox="0 0 800 250" role="img" aria-labelledby="capstone-diagram-title" class="diagram">
      <title id="capstone-diagram-title">The model calls one interface, a linear layer prepared once per backend; the backend switch decides whether the naive loops, the lab's SIMD and threaded kernels, or the int8 kernels run it.</title>
      <defs><marker id="cap-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" class="arrowhead"/></marker></defs>
      <text x="24" y="22" class="label">The model, written once</text>
      ${box(24, 34, 170, 'x W1 + b1')}${box(214, 34, 110, 'GELU')}${box(344, 34, 170, 'h W2 + b2')}
      ${arrow(194, 51, 212, 51)}${arrow(324, 51, 342, 51)}
      <text x="540" y="56" class="sub">or im2col, then one GEMM + bias</text>
      ${arrow(269, 70, 124, 122)}${arrow(269, 70, 400, 122)}${arrow(269, 70, 676, 122)}
      <text x="630" y="88" class="sub">each Linear::run goes to the</text>
      <text x="630" y="102" class="sub">backend chosen at run time</text>
      ${box(24, 126, 200, 'naive: i-j-k, scalar GELU', 'cold')}
      ${box(272, 126, 256, 'optimized: expert GEMM, threads', 'cold')}
      ${box(576, 126, 200, 'int8: quantize, i8 GEMM', 'cold')}
      <text x="124" y="186" class="sub" text-anchor="middle">one thread, one dot product</text>
      <text x="124" y="202" class="sub" text-anchor="middle">per output element</text>
      <text x="400" y="186" class="sub" text-anchor="middle">lesson 8: weights packed once,</text>
      <text x="400" y="202" class="sub" text-anchor="middle">columns over threads; SIMD bias + GELU</text>
      <text x="676" y="186" class="sub" text-anchor="middle">weights int8 ahead of time,</text>
      <text x="676" y="202" class="sub" text-anchor="middle">activations every pass, scales per group</text>
    </svg>`);
}

function explanation() {
  const code = (text) => el('code', {}, text);
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'One model, three backends'),
      el(
        'p',
        {},
        'A teaching framework often keeps two implementations of its operations: a naive one you can read, and an optimized one you can use. ',
        'Here that switch is real. The model is written once, against an interface with one operation, a linear layer ',
        code('y = act(x W + b)'),
        ', and each backend implements it. ',
        'As in XNNPACK, a layer is first ',
        el('em', {}, 'prepared'),
        ' with its weights (kept, or quantized to int8), once, and then run many times. Preparing is not part of a forward pass and is never timed.',
      ),
      el(
        'ul',
        {},
        el(
          'li',
          {},
          el('strong', {}, 'naive'),
          ': the i-j-k loop of lesson 1 for each GEMM, then a plain loop that adds the bias and applies GELU with one ',
          code('std::tanh'),
          ' per element. One thread.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'optimized'),
          ': lesson 8’s expert GEMM (packed panels, a 4 × 8 SIMD128 micro-kernel, cache blocking, the columns of the output split over the threads), then one SIMD pass for bias and GELU (lesson 5’s vector steps). Its weights are packed into the GEMM’s panels once, when the layer is prepared, as the int8 backend packs its own: a forward pass packs only the activations.',
        ),
        el(
          'li',
          {},
          el('strong', {}, 'int8'),
          ': the weights quantized and packed ahead of time, at every pass the activations quantized, both with one scale per ',
          el('em', {}, 'group'),
          ' of G values along the sum; an int8 GEMM built on lesson 6’s micro-kernel that sums each group exactly in int32 and scales it into f32; then bias and GELU in f32.',
        ),
      ),
      el('h2', {}, 'The model'),
      el(
        'p',
        {},
        'The ',
        el('strong', {}, 'feed-forward block'),
        ' of a transformer layer: ',
        code('y = GELU(x W1 + b1) W2 + b2'),
        ', with x of batch × d_model and a hidden width d_ff, usually 4 d_model. In the catalog’s shape, M is the batch, K is d_model and N is d_ff. ',
        'The ',
        el('strong', {}, 'convolution'),
        ' is a 3 × 3 conv2d, stride 1, padding 1, computed as most CPU libraries compute it: im2col copies the 3 × 3 × c_in window of every output pixel into one row of a matrix, and one GEMM by the filters gives every output channel of every pixel. ',
        'Here M is the image’s side, K the input channels, N the output channels, and the GEMM is M² × 9K times 9K × N.',
      ),
      el('h2', {}, 'Quantizing like an inference library'),
      el(
        'p',
        {},
        'Lesson 6 quantized both operands symmetrically: the codes −127 to 127 cover [−max|x|, max|x|]. That wastes half the codes on GELU’s outputs, which never go below −0.17. ',
        'So the int8 backend quantizes activations ',
        el('em', {}, 'asymmetrically'),
        ', as ONNX Runtime does: the 256 codes cover the values’ own [min, max], and a zero point z says which code stands for 0, so x ≈ s (q − z). ',
        'SIMD128’s only integer multiply-add, ',
        code('i32x4.dot_i16x8_s'),
        ', takes i16, so the GEMM widens its inputs to i16 anyway; the backend stores q − z, 256 consecutive integers, and the GEMM needs no correction for z.',
      ),
      el('h2', {}, 'Where int8’s error comes from, and what groups buy'),
      el(
        'p',
        {},
        'Rounding n values to 256 levels adds to each a noise of about (max − min) / (255 √12). Relative to the values’ rms, that is their range over their rms, divided by about 880. ',
        'The block rounds four operands, x, W1, GELU’s output and W2; their noises are independent, so their squares add up in y. ',
        'With one scale per row, the range is that of a whole row of d_model or d_ff activations: the largest of 2048 normal values lies far out in the tail, while most values are near the rms, so most values are rounded on a step set by a few outliers. ',
        'On this block the two activations alone then come near 1%, whatever the weights do: one 8-bit scale per row cannot bring the output under 1%.',
      ),
      el(
        'p',
        {},
        'So the scales are per ',
        el('em', {}, 'group'),
        ': every G consecutive values along the sum (K) get their own scale, in each row of activations and each column of weights, as in llama.cpp’s Q8_0 format. ',
        'The largest of G values is much closer to their rms than the largest of a whole row, so the step is finer. ',
        'The GEMM sums each group’s products exactly in int32, as lesson 6’s does, then converts the tile’s sums to f32, multiplies each by its row’s and column’s scale for that group, and adds them into f32 sums: ',
        el(
          'code',
          {},
          'C[i][j] = Σ',
          el('sub', {}, 'g'),
          ' s',
          el('sub', {}, 'a'),
          '[i][g] · s',
          el('sub', {}, 'b'),
          '[g][j] · Σ',
          el('sub', {}, 'p ∈ g'),
          ' q',
          el('sub', {}, 'a'),
          '[i][p] q',
          el('sub', {}, 'b'),
          '[p][j]',
        ),
        '. ',
        'That is the cost of groups: per group, G/2 steps of the micro-kernel (22 instructions each), then about 40 to empty the sums, so the GEMM loses about 40 / (11 G) of its speed, plus a min, a max and a scale per group when the activations are quantized. ',
        'Smaller groups are more accurate and slower; the C++ sets G (',
        code('kInt8Group'),
        ') where the error was well under 1% and the GEMM still fast. Your run’s notes give G and the error it reached.',
      ),
      el('h2', {}, 'Correct is not the same as accurate'),
      el(
        'p',
        {},
        'The results answer two questions in two columns. ',
        el('strong', {}, 'Check'),
        ' asks whether a backend computes what it sets out to: the f32 backends against the model in double, within 1% of the size of the sum’s terms; int8 against its own 8-bit arithmetic done exactly (the same codes and scales, summed in integers and double), within what f32’s rounding allows each element, so its figure there is a fraction of that allowance and passes up to 1. ',
        el('strong', {}, 'Output vs double'),
        ' asks what quantizing costs. A correct int8 backend can still lose more than 1% on a tiny model: on a 1 × 1 image, eight of the nine values in a pixel’s 3 × 3 window are padding, and the one real value’s weight can be far smaller than the largest weight sharing its scale.',
      ),
      el(
        'p',
        {},
        'The weights are constant, so they are quantized and packed for the GEMM once, when the layer is prepared. The GEMM splits the columns of its output over the threads: at a batch of 64, the weights are most of the bytes, and splitting rows instead would make every thread read all of them.',
      ),
      el(
        'p',
        {},
        'The weights are drawn as PyTorch draws a new ',
        code('nn.Linear'),
        '’s, uniform within ±1/√fan_in. Trained weights have heavier tails; their larger max/rms would make int8’s rounding error larger.',
      ),
      el('h2', {}, 'Reading the profile'),
      el(
        'p',
        {},
        'Each run times whole forward passes, then runs a few more with a clock read between steps: GEMM, bias and GELU, quantization, im2col. ',
        'The table under the results gives each step’s median and its share of the pass. A step much shorter than the clock’s tick is only a rough figure.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      diagram(),
      el('figcaption', {}, 'The model calls the interface; the backend chosen at run time decides which kernels run.'),
    ),
  ];
}

export default {
  ...LESSON,
  mount(session) {
    const models = MODELS.map((m) => {
      const kernels = session.kernels((k) => k.lesson === LESSON.id && k.operation === m.operation);
      const op = session.operation(m.operation);
      const sizes = Object.fromEntries(Object.entries(m.sizes).map(([dim, f]) => [dim, { ...f, value: String(op.default_shape[dim]) }]));
      return { ...m, sizes, op, kernels, kernel: (backend) => kernels.find((k) => k.backend === backend) };
    });
    const modelOf = (kernelName) => models.find((m) => m.kernels.some((k) => k.name === kernelName));
    const backendOf = (kernelName) => session.kernel(kernelName).backend;
    const maxThreads = session.catalog.build.max_threads;
    const title = (entry) => entryTitle(session, entry);
    const shapeKey = (r) => `${modelOf(r.kernel).id}|${r.shape.m}|${r.shape.n}|${r.shape.k}`;
    const describeShape = (r) => `${modelOf(r.kernel).title} (${modelOf(r.kernel).shape(r.shape)})`;
    const metricOf = (entry, name) => entry.result.check?.metrics?.[name];
    let page = null;

    // The latest entry of this backend at this entry's model and sizes.
    const partner = (entry, backend, entries = page.entries) =>
      entries.findLast(
        (e) => e.result.status === 'ok' && shapeKey(e.result) === shapeKey(entry.result) && backendOf(e.result.kernel) === backend,
      );

    // Per model and sizes, in the order they were first run: the latest entry of each backend.
    function groups(entries) {
      const byShape = new Map();
      for (const e of entries.filter((x) => x.result.status === 'ok')) {
        const key = shapeKey(e.result);
        if (!byShape.has(key)) byShape.set(key, {});
        byShape.get(key)[backendOf(e.result.kernel)] = e;
      }
      return [...byShape.values()];
    }

    function request(model, backend, values) {
      const kernel = model.kernel(backend);
      const sizes = Object.fromEntries(Object.entries(model.sizes).map(([dim, f]) => [dim, values[f.name]]));
      // The naive backend runs the smallest minimum time: its ten samples alone
      // can take seconds at the default sizes.
      const timed = runRequest(kernel, sizes, {
        threads: values.threads,
        min_time_s: backend === 'naive' ? 0.001 : values.min_time_s,
      });
      const profile = {
        demo: 'capstone_profile',
        model: model.demo,
        backend: BACKENDS.indexOf(backend),
        ...sizes,
        threads: timed.threads ?? 1,
        forwards: PROFILE_FORWARDS[backend],
      };
      return { kernel, timed, profile };
    }

    // The exercise: the optimized backend's speedup over naive.
    function verdict(entries, prediction) {
      const pair = groups(entries).findLast((g) => g.naive && g.optimized);
      if (!pair)
        return {
          text: 'This run did not time both the naive and the optimized backend on one model, so your prediction cannot be judged.',
          tone: 'neutral',
        };
      const measured = speedup(pair.optimized, pair.naive);
      const facts =
        `On the ${describeShape(pair.optimized.result)}, the optimized backend ran ${ratio(measured)} as fast as the naive one ` +
        `(${seconds(pair.optimized.result.timing.median_s)} against ${seconds(pair.naive.result.timing.median_s)} per forward pass).`;
      const { guess, verdict: unjudged } = readSpeedup(prediction, facts, 10);
      if (unjudged) return unjudged;
      const right = guess >= measured / TOLERANCE && guess <= measured * TOLERANCE;
      return right
        ? { text: `Right. ${facts} Your ${ratio(guess)} is within a factor of ${TOLERANCE}.`, tone: 'right' }
        : {
            text: `Not quite. ${facts} Your ${ratio(guess)} was too ${guess < measured ? 'low' : 'high'}: lessons 1 to 5 each multiplied the speed, and the naive backend has none of their steps.`,
            tone: 'wrong',
          };
    }

    // The profile's steps of one entry, with their share of the pass.
    function steps(entry) {
      const profile = entry.demos?.find((d) => d.status === 'ok');
      if (!profile) return null;
      const total = profile.steps.reduce((sum, s) => sum + s.median_s, 0);
      return { profile, total, steps: profile.steps.map((s) => ({ ...s, share: total > 0 ? s.median_s / total : 0 })) };
    }

    function profileNote(entry) {
      const p = steps(entry);
      if (!p) {
        const refused = entry.demos?.find((d) => d.status === 'invalid');
        return refused ? `${title(entry)}: no profile at these sizes. ${refused.error}` : null;
      }
      const gemm = p.steps.filter((s) => s.name.endsWith('GEMM')).reduce((sum, s) => sum + s.share, 0);
      const top = p.steps.reduce((a, b) => (b.median_s > a.median_s ? b : a));
      const quantize = p.steps.filter((s) => s.name.endsWith('quantize')).reduce((sum, s) => sum + s.share, 0);
      return (
        `${title(entry)}: the GEMMs took ${percent(gemm, 0)} of a forward pass (median of ${p.profile.forwards}); the largest step was ${top.name}, ${percent(top.share, 0)}` +
        (quantize > 0 ? `; quantizing the activations took ${percent(quantize, 0)}.` : '.') +
        (gemm < 0.5 ? ' Here the GEMMs are not where most of the time goes, so a faster GEMM alone would not help much.' : '')
      );
    }

    function groupNotes(g) {
      const notes = [];
      const any = g.naive ?? g.optimized ?? g.int8;
      const where = describeShape(any.result);
      if (g.naive) {
        const faster = ['optimized', 'int8']
          .filter((b) => g[b])
          .map((b) => `${b} ${ratio(speedup(g[b], g.naive))} (${seconds(g[b].result.timing.median_s)})`);
        if (faster.length)
          notes.push(
            `${where}: against naive’s ${seconds(g.naive.result.timing.median_s)} per forward pass, ${faster.join(', ')} as fast.`,
          );
      }
      if (g.optimized && g.int8) {
        const s = speedup(g.int8, g.optimized);
        const noisy = overlap(g.int8, g.optimized);
        notes.push(
          s > 1 && !noisy
            ? `${where}: int8 ran ${ratio(s)} as fast as optimized. Likely reasons, not measured separately here: its GEMM does 8 multiply-adds per two instructions (a dot and an add) where f32’s mul and add do 4, and its packed weights, in i16, are half the bytes of f32’s.`
            : `${where}: int8 was ${noisy ? 'not measurably faster than' : 'slower than'} optimized (${ratio(s)}${noisy ? ', the 95% CIs overlap' : ''}). This contradicts the lesson’s claim at these sizes: ` +
                'quantizing the activations and emptying every group’s sums cost time the faster GEMM did not win back. The profile below shows how much.',
        );
      }
      const int8Error = g.int8 && metricOf(g.int8, 'rel_frobenius_vs_f32');
      if (typeof int8Error === 'number') {
        const f32Error = Math.max(...['naive', 'optimized'].filter((b) => g[b]).map((b) => metricOf(g[b], 'rel_frobenius_vs_f32')));
        const group = g.int8.demos?.find((d) => d.status === 'ok')?.int8_group;
        notes.push(
          `${where}: int8’s output differs from the model in double by ${percent(int8Error, 2)} (relative Frobenius), at most ${scientific(metricOf(g.int8, 'max_abs_err_vs_f32'))} in one element` +
            `${group ? `, with a scale per group of ${group} values along the sum` : ''}; ` +
            `${int8Error <= 0.01 ? 'within' : 'above'} the 1% this lesson aims for${int8Error <= 0.01 ? '' : ': this contradicts the lesson’s claim that groups bring it under 1%'}.` +
            (Number.isFinite(f32Error) ? ` The f32 backends differ from it by ${scientific(f32Error)}: f32 rounding only.` : ''),
        );
      }
      return notes;
    }

    function notes(entries) {
      const measured = groups(entries);
      return [
        ...measured.flatMap(groupNotes),
        ...measured.flatMap((g) => BACKENDS.filter((b) => g[b]).map((b) => profileNote(g[b]))).filter(Boolean),
      ];
    }

    // Time per forward pass against the backend, a line per model and sizes.
    function timeSeries(entries) {
      return groups(entries).map((g) => {
        const any = g.naive ?? g.optimized ?? g.int8;
        return {
          label: `${modelOf(any.result.kernel).title}, ${modelOf(any.result.kernel).shape(any.result.shape)}`,
          colorKey: shapeKey(any.result),
          points: BACKENDS.map((b, i) => g[b] && [i, g[b].result.timing.median_s]).filter(Boolean),
        };
      });
    }

    const shapeColumn = {
      id: 'shape',
      label: 'Model and sizes',
      wrap: true,
      title: 'The model and its sizes (the catalog’s M, N, K)',
      value: ({ result }) => [
        el('span', {}, modelOf(result.kernel).title),
        ' ',
        el('span', { class: 'check-detail' }, modelOf(result.kernel).shape(result.shape)),
      ],
    };
    const speedupColumn = {
      id: 'speedup',
      label: 'vs naive',
      numeric: true,
      title: 'How many times as fast as the naive backend on the same model and sizes',
      value: (entry) => {
        const naive = entry.result.status === 'ok' && partner(entry, 'naive');
        return naive ? ratio(speedup(entry, naive)) : '—';
      },
    };
    const errorColumn = {
      id: 'output_error',
      label: 'Output vs double',
      numeric: true,
      wrap: true,
      title: 'How far the output is from the model computed in double: relative Frobenius error, and the largest difference in one element',
      value: (entry) => {
        const rel = metricOf(entry, 'rel_frobenius_vs_f32');
        return typeof rel !== 'number'
          ? '—'
          : [
              el('span', { class: 'nowrap' }, rel < 1e-4 ? scientific(rel) : percent(rel, 2)),
              ' ',
              el('span', { class: 'check-detail' }, `max ${scientific(metricOf(entry, 'max_abs_err_vs_f32'))}`),
            ];
      },
    };

    // Where the time goes: per backend of the latest model and sizes, each
    // step's median and its share of the pass, as a bar.
    const profileEmpty = () => el('p', { class: 'chart-empty' }, 'Each run adds its backends’ profiles here.');
    const profileBody = el('div', { 'data-profile': '' }, profileEmpty());
    function showProfile(entries) {
      const g = groups(entries).at(-1);
      const profiled = g && BACKENDS.filter((b) => g[b] && steps(g[b]));
      if (!profiled?.length) return;
      // Steps in the order of the backend with the most of them (int8's quantize steps among the rest).
      const longest = [...profiled].sort((a, b) => steps(g[b]).steps.length - steps(g[a]).steps.length);
      const names = [...new Set(longest.flatMap((b) => steps(g[b]).steps.map((s) => s.name)))];
      const threaded = profiled.find((b) => b !== 'naive');
      const threads = threaded ? steps(g[threaded]).profile.threads : null;
      const cell = (b, name) => {
        const s = steps(g[b]).steps.find((x) => x.name === name);
        if (!s) return el('td', { class: 'numeric' }, '—');
        return el(
          'td',
          { 'data-backend': b },
          el(
            'div',
            { class: 'profile-cell' },
            el('span', { class: 'profile-bar', style: { width: `${(100 * s.share).toFixed(1)}%` } }),
            el('span', { class: 'profile-value' }, `${seconds(s.median_s)} · ${percent(s.share, 0)}`),
          ),
        );
      };
      profileBody.replaceChildren(
        el(
          'p',
          {},
          `${describeShape(g[profiled[0]].result)}` +
            `${threads ? `, optimized and int8 on ${threads} thread${threads === 1 ? '' : 's'}` : ''}. ` +
            'The median of each step over the profiled passes; the bar is its share of the pass.',
        ),
        scrollRegion(
          'Where the time goes, step by step',
          el(
            'table',
            { class: 'profile-table', 'data-profile-table': '' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, 'Step'),
                profiled.map((b) => el('th', { scope: 'col' }, b)),
              ),
            ),
            el(
              'tbody',
              {},
              names.map((name) =>
                el(
                  'tr',
                  { 'data-step': name },
                  el('th', { scope: 'row' }, name),
                  profiled.map((b) => cell(b, name)),
                ),
              ),
              el(
                'tr',
                { class: 'profile-total' },
                el('th', { scope: 'row' }, 'forward pass'),
                profiled.map((b) => el('td', { class: 'numeric' }, seconds(steps(g[b]).total))),
              ),
            ),
          ),
        ),
      );
    }

    const fieldsFor = (model) => Object.values(model.sizes).map((f) => ({ name: f.name, label: f.label, kind: 'number', value: f.value }));

    page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'backend', operation: 'ffn_block', backend: 'optimized' }, size: { m: 16, n: 512, k: 128 }, threads: 1 },
        b: { query: { role: 'backend', operation: 'ffn_block', backend: 'naive' }, size: { m: 16, n: 512, k: 128 }, threads: 1 },
        intro: el(
          'p',
          {},
          'The optimized backend against the naive one on a smaller feed-forward block (batch 16, d_model 128, d_ff 512) on one thread, in interleaved rounds, so each run stays short.',
        ),
      },
      lead: 'Run one model end to end on a naive backend, on the lab’s optimized kernels and on int8: what all the lessons’ steps buy together, where the time goes, and what int8 costs in accuracy.',
      explanation: explanation(),
      exercise: {
        prompt:
          'How many times as fast as the naive backend will the optimized backend run the feed-forward block at its default sizes? Think of what lessons 1 to 5 each gave you.',
        label: 'Speedup of optimized over naive',
        control: { kind: 'number', placeholder: 'e.g. 10', inputmode: 'decimal' },
      },
      fields: [
        { name: 'model', label: 'Model', kind: 'select', value: 'ffn', options: models.map((m) => ({ value: m.id, label: m.title })) },
        {
          name: 'backend',
          label: 'Backend',
          kind: 'select',
          value: 'all',
          options: [{ value: 'all', label: 'all three' }, ...BACKENDS.map((b) => ({ value: b, label: b }))],
        },
        ...models.flatMap(fieldsFor),
        {
          name: 'threads',
          label: 'Threads',
          kind: 'number',
          value: String(maxThreads),
          hint: 'For the optimized and int8 backends; naive runs on one.',
        },
        minTimeField('0.2', 'Per backend; naive takes the least, ten passes.'),
      ],
      fieldFor: refusalField({ sizes: (request, field) => modelOf(request.kernel)?.sizes[field]?.name, threads: 'threads' }),
      columns: [
        kernelColumn(session),
        shapeColumn,
        threadsColumn,
        medianColumn,
        ciColumn,
        samplesColumn,
        gflopsColumn,
        speedupColumn,
        errorColumn,
        checkColumn,
      ],
      chart: {
        xLabel: 'Backend',
        yLabel: 'Time per forward pass',
        yLogBase: 10,
        xFormat: (v) => BACKENDS[v] ?? '',
        yFormat: seconds,
        empty: 'Each run adds the time per forward pass of each backend here, a line per model and sizes.',
        series: timeSeries,
      },
      panels: [el('div', { class: 'card', 'data-panel': 'profile' }, el('h2', {}, 'Where the time goes'), profileBody)],
      code: {
        kernels: models.flatMap((m) => m.kernels),
        operations: models.map((m) => m.op),
        sources: session.sourcesOf(
          models.flatMap((m) => m.kernels),
          session.demos((d) => d.lesson === LESSON.id).flatMap((d) => d.sources),
        ),
      },
      plan(values) {
        const model = models.find((m) => m.id === values.model);
        // Naive first, so the others' rows can show their speedup over it as they arrive.
        const backends = values.backend === 'all' ? BACKENDS : [values.backend];
        return {
          items: backends.map((b) => {
            const { kernel, timed, profile } = request(model, b, values);
            return { requests: [timed], demos: [profile], meta: { title: kernel.title, backend: b } };
          }),
        };
      },
      describe: ({ title: name }) => `${name}, then its profile`,
      clear: () => profileBody.replaceChildren(profileEmpty()),
      series: timeSeries,
      conclude: ({ entries, prediction }) => {
        showProfile(page.entries);
        return { verdict: verdict(entries, prediction), notes: notes(entries) };
      },
    });

    const model = page.form.input('model');
    const showModel = () => {
      for (const m of models) for (const f of Object.values(m.sizes)) page.form.setVisible(f.name, m.id === model.value);
    };
    model.addEventListener('change', showModel);
    showModel();
    return page.section;
  },
};
