// Lesson 5: fusion. GELU as eight passes over memory against one pass in
// registers, over lengths from L1 to DRAM, and a matmul whose bias and GELU
// run as separate passes against the same steps in the GEMM's epilogue. The
// bytes each schedule moves come from the catalog, so the measured speedup
// can stand beside the traffic ratio it would reach if memory were all.
import { el, svg } from '../ui/dom.js';
import { LessonPage } from '../ui/lesson-page.js';
import { entryTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { experimentField, chosenExperiments, experimentOfKernel, experimentsOf, followExperimentSelect } from '../ui/experiments.js';
import { parseList } from '../ui/form.js';
import { runRequest } from '../ui/request.js';
import {
  kernelColumn,
  nColumn,
  blockColumn,
  threadsColumn,
  medianColumn,
  ciColumn,
  samplesColumn,
  gflopsColumn,
  gbpsColumn,
  checkColumn,
} from '../ui/columns.js';
import { byN, overlap, speedup, latestPoints, cacheFit } from '../ui/analysis.js';
import { bytes, gflops, seconds, ratio, percent, binaryCount, timesTick } from '../ui/format.js';

const LESSON = { id: 'fusion', number: 5, title: 'Fusion' };

// The two experiments, by operation; each has an unfused and a fused kernel,
// as the catalog's roles say.
const EXPERIMENTS = [
  { id: 'gelu', operation: 'f32_gelu', title: 'GELU', sizes: 'gelu_sizes' },
  { id: 'matmul', operation: 'f32_matmul_bias_gelu', title: 'Matmul + bias + GELU', sizes: 'matmul_sizes' },
];

// GELU's eight steps as eight passes over memory, and as one: drawn from the
// same step list, so the two rows cannot disagree.
const STEPS = [
  { text: 'x³', inputs: 1 },
  { text: '× 0.044715', inputs: 1 },
  { text: 'x + t', inputs: 2 },
  { text: '× √(2/π)', inputs: 1 },
  { text: 'tanh', inputs: 1 },
  { text: '1 + t', inputs: 1 },
  { text: '× ½', inputs: 1 },
  { text: 'x × t', inputs: 2 },
];
const STEP_W = 82;
const STEP_GAP = 10;
const stepX = (i) => 24 + i * (STEP_W + STEP_GAP);
const ROW_END = stepX(STEPS.length - 1) + STEP_W;

// Boxes of steps, the memory bar under them, and arrows between the two at the given x.
function passRow(y, boxes, memory, reads, writes) {
  const memoryY = y + 78;
  const arrow = (x, from, to) => `<path d="M${x} ${from} V${to}" class="arrow" marker-end="url(#pass-arrow)"/>`;
  return (
    boxes
      .map(
        ({ x, width, text }) =>
          `<rect x="${x}" y="${y}" width="${width}" height="30" rx="4" class="used"/>` +
          `<text x="${x + width / 2}" y="${y + 19}" class="in-bar">${text}</text>`,
      )
      .join('') +
    `<rect x="24" y="${memoryY}" width="${ROW_END - 24}" height="24" rx="4" class="cold"/>` +
    `<text x="${(24 + ROW_END) / 2}" y="${memoryY + 16}" class="in-bar">${memory}</text>` +
    reads.map((x) => arrow(x, memoryY - 2, y + 34)).join('') +
    writes.map((x) => arrow(x, y + 32, memoryY - 4)).join('')
  );
}

function passes() {
  const unfused = STEPS.map(({ text }, i) => ({ x: stepX(i), width: STEP_W, text }));
  // One arrow per input a pass reads, and one for the result it writes.
  const reads = STEPS.flatMap(({ inputs }, i) => (inputs === 1 ? [stepX(i) + 22] : [stepX(i) + 14, stepX(i) + 30]));
  return svg(`
    <svg viewBox="0 0 800 300" role="img" aria-labelledby="passes-title" class="diagram">
      <title id="passes-title">Unfused, each of GELU's eight steps is a pass that reads its inputs from memory and writes its result back. Fused, one pass reads x once, applies all eight steps in registers, and writes y once.</title>
      <defs><marker id="pass-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" class="arrowhead"/></marker></defs>
      <text x="24" y="20" class="label">Unfused: a pass per step</text>
      <text x="${ROW_END}" y="20" class="sub" text-anchor="end">every pass reads from memory and writes back</text>
      ${passRow(
        32,
        unfused,
        'memory: x, the temporary t, y',
        reads,
        unfused.map(({ x }) => x + STEP_W - 22),
      )}
      <text x="24" y="172" class="label">Fused: one pass</text>
      <text x="${ROW_END}" y="172" class="sub" text-anchor="end">x read once, y written once</text>
      ${passRow(184, [{ x: 24, width: ROW_END - 24, text: `the same ${STEPS.length} steps, one after another, in registers` }], 'memory: x and y', [48], [ROW_END - 24])}
    </svg>`);
}

function explanation() {
  const code = (text) => el('code', {}, text);
  return [
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'Same arithmetic, less traffic'),
      el(
        'p',
        {},
        'GELU, the activation of many transformers, is x · Φ(x), where Φ is the cumulative distribution function of the standard normal distribution. ',
        'Φ needs the error function, so models and frameworks often use a cheaper approximation instead, and that approximation is what the kernels here compute: ',
        code('0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))'),
        ', a short chain of elementwise steps. ',
        'An eager framework runs such a chain one op at a time. Each op is a separate kernel: it reads its inputs from memory, does one or two flops per element, and writes its result back for the next op to read. ',
        'Each of those passes does almost no arithmetic for the bytes it moves, so its speed is the speed of memory, and the chain costs the sum of all its passes.',
      ),
      el(
        'p',
        {},
        el('strong', {}, 'Fusion'),
        ' runs the whole chain in one pass: load x, apply every step while the value sits in a register, store y. ',
        'The arithmetic is the same; the temporaries never reach memory. How many bytes each version moves per element is the exercise below: count the passes in the unfused kernel’s source, and what each one reads and writes. ',
        'If memory were the only cost, the ratio of those two counts would be fusion’s speedup. It is less wherever the arithmetic (the tanh above all) or a cache close to the core sets the pace instead.',
      ),
      el('h2', {}, 'Algorithm and schedule'),
      el(
        'p',
        {},
        'Halide, a language for image pipelines, separates ',
        el('em', {}, 'what'),
        ' is computed (the algorithm) from ',
        el('em', {}, 'how'),
        ': the order, the tiling, and which results are kept in memory (the schedule). The two GELU kernels here are one algorithm with two schedules. ',
        'Both call the same vector steps from one header, in the same order, so their outputs are identical to the last bit; the tests check that at every length from 1 to 33, at odd lengths up to a million, and over a dense sweep of x.',
      ),
      el('h2', {}, 'Epilogues'),
      el(
        'p',
        {},
        'A linear layer computes ',
        code('GELU(A B + bias)'),
        '. Run separately, the GEMM writes C, a bias pass reads and rewrites it, and the GELU pass does so again. ',
        'Some GEMM libraries let the caller attach an ',
        el('strong', {}, 'epilogue'),
        ' to the GEMM instead: a small function applied to each tile of C after its last block of K, while the sums are still in registers. ',
        'CUTLASS takes the epilogue as a template parameter, cuBLASLt offers bias and GELU among its epilogue options, and oneDNN calls the same idea post-ops. ',
        'Here the 4 × 8 micro-kernel of the Vectorization lesson gains that hook. Its loop nest passes the epilogue down; without one, it compiles to exactly the plain GEMM.',
      ),
      el(
        'p',
        {},
        'Do not expect much from it at large N. The GEMM’s flops grow as N³, the bytes of the passes the epilogue removes only as N² (the table shows both counts). ',
        'The bigger N, the smaller the share of the time those passes take, and no fusion can save more than that share.',
      ),
    ),
    el(
      'figure',
      { class: 'figure' },
      passes(),
      el('figcaption', {}, 'The two GELU kernels: the same steps in the same order, scheduled as eight passes over memory or as one.'),
    ),
  ];
}

export default {
  ...LESSON,
  mount(session) {
    const experiments = experimentsOf(session, LESSON.id, EXPERIMENTS, (kernels) => ({
      unfusedKernel: kernels.find((k) => k.role === 'unfused'),
      fusedKernel: kernels.find((k) => k.role === 'fused'),
    }));
    const [gelu, matmul] = experiments;
    const experimentOf = experimentOfKernel(session, experiments);
    const title = (entry) => entryTitle(session, entry);

    // Each size this experiment ran at with both variants: their latest entries.
    function pairs(experiment, entries) {
      const mine = entries.filter((e) => e.result.status === 'ok' && experimentOf(e.result.kernel) === experiment);
      return [...byN(mine)]
        .map(([n, atN]) => {
          const latest = new Map(atN.map((e) => [e.result.kernel, e]));
          return { n, unfused: latest.get(experiment.unfusedKernel.name), fused: latest.get(experiment.fusedKernel.name) };
        })
        .filter(({ unfused, fused }) => unfused && fused);
    }

    // What fusion bought at one size, and what the traffic alone would allow.
    const measure = ({ n, unfused, fused }) => ({
      n,
      unfused,
      fused,
      speedup: speedup(fused, unfused),
      trafficRatio: unfused.result.bytes / fused.result.bytes,
      noisy: overlap(fused, unfused),
    });

    const request = (kernel, n, values) =>
      runRequest(kernel, n, { block: values.block, threads: values.threads, min_time_s: values.min_time_s });

    // The exercise: bytes per element of each GELU schedule, judged against
    // the catalog's counts (the bytes each result reports, over N).
    function verdict(entries, prediction) {
      const measured = pairs(gelu, entries).map(measure);
      if (measured.length === 0) {
        return {
          text: 'This run did not time both GELU kernels, so your prediction cannot be judged: run GELU, or both.',
          tone: 'neutral',
        };
      }
      const last = measured.at(-1);
      const perElement = (entry) => entry.result.bytes / entry.result.shape.n;
      const [u, f] = [perElement(last.unfused), perElement(last.fused)];
      const facts =
        `The catalog counts ${u} bytes per element for ${title(last.unfused)} (${gelu.unfusedKernel.bytes_formula}) and ${f} for ${title(last.fused)} (${gelu.fusedKernel.bytes_formula}): a traffic ratio of ${ratio(u / f)}. ` +
        `At N = ${binaryCount(last.n)} the measured speedup was ${ratio(last.speedup)}, ${percent(last.speedup / last.trafficRatio, 0)} of that ratio.`;
      if (!prediction) return noPrediction(facts);
      const guess = parseList(prediction);
      if (guess.length !== 2 || !guess.every((v) => v > 0)) {
        return { text: `“${prediction}” is not two byte counts, unfused first, separated by a comma. ${facts}`, tone: 'neutral' };
      }
      const right = guess[0] === u && guess[1] === f;
      const wrongOnes = [
        guess[0] !== u ? `unfused ${guess[0]} (not ${u})` : null,
        guess[1] !== f ? `fused ${guess[1]} (not ${f})` : null,
      ].filter(Boolean);
      const yours = `Your numbers give a ratio of ${ratio(guess[0] / guess[1])}.`;
      return right
        ? { text: `Right. ${facts} ${yours}`, tone: 'right' }
        : {
            text: `Not quite: ${wrongOnes.join(', ')}. ${facts} ${yours} Count the passes in the unfused kernel’s source: each reads its inputs and writes its result.`,
            tone: 'wrong',
          };
    }

    function geluNote(m) {
      const { n, unfused, fused } = m;
      return (
        `GELU at N = ${binaryCount(n)} (x and y ${bytes(fused.result.bytes)} together, ${cacheFit(fused.result.bytes)}): ` +
        `${title(fused)} ran ${ratio(m.speedup)} as fast as ${title(unfused)} (${seconds(fused.result.timing.median_s)} against ${seconds(unfused.result.timing.median_s)})` +
        `${m.noisy ? ', within the noise' : ''}; the traffic ratio is ${ratio(m.trafficRatio)}. ` +
        `${title(unfused)} moved ${gflops(unfused.result.gbps)} GB/s, ${title(fused)} ${gflops(fused.result.gbps)} GB/s.`
      );
    }

    // Where fusion paid and where it did not, said from the run itself.
    function geluSummary(measured) {
      if (measured.length === 0) return [];
      const best = measured.reduce((a, b) => (b.speedup > a.speedup ? b : a));
      const worst = measured.reduce((a, b) => (b.speedup < a.speedup ? b : a));
      const notes = [];
      if (measured.length > 1) {
        const [small, large] = [measured[0], measured.at(-1)];
        notes.push(
          large.speedup > small.speedup
            ? `Fusion paid most at N = ${binaryCount(best.n)} (${ratio(best.speedup)}, ${percent(best.speedup / best.trafficRatio, 0)} of the traffic ratio) and least at N = ${binaryCount(worst.n)} (${ratio(worst.speedup)}). ` +
                'A likely reason: the larger the vectors, the farther the unfused passes have to go for their temporaries, so removing them saves more.'
            : `This run contradicts the expectation that fusion pays more once the temporaries spill out of cache: at N = ${binaryCount(large.n)} fusion gave ${ratio(large.speedup)}, at N = ${binaryCount(small.n)} ${ratio(small.speedup)}. ` +
                'On this machine the passes may stream from memory as fast as from cache, or the run was noisy: repeat it with a longer minimum time.',
        );
      }
      // Below the traffic ratio: compare the fused kernel's time with what its
      // bytes alone would take at the bandwidth the unfused passes reached.
      const { fused, unfused } = best;
      if (best.speedup < 0.8 * best.trafficRatio) {
        const perElement = (count) => count / fused.result.shape.n;
        const memoryTime = fused.result.bytes / (unfused.result.gbps * 1e9);
        notes.push(
          `Even at its best, fusion stayed below the ${ratio(best.trafficRatio)} that traffic alone would give. ` +
            `At N = ${binaryCount(best.n)} ${title(unfused)} moved ${gflops(unfused.result.gbps)} GB/s (measured); at that rate, the ${bytes(fused.result.bytes)} that ${title(fused)} moves would take ${seconds(memoryTime)}, and it took ${seconds(fused.result.timing.median_s)} (measured), ${ratio(fused.result.timing.median_s / memoryTime)} as long. ` +
            `The rest is probably its arithmetic, an inference: this run times the whole kernel, not its memory and its arithmetic apart. ` +
            `By the catalog’s count, ${gelu.op.flops_formula}, the fused kernel does ${perElement(fused.result.flops)} flops per element on ${perElement(fused.result.bytes)} bytes, and it ran them at ${gflops(fused.result.gflops)} GFLOP/s. ` +
            'Most of them are the tanh’s: a clamp, exp(2t) split as 2ⁿ times a short Padé fraction for the rest, and one divide. ' +
            'Fusion removed the traffic; what remains is most likely compute. The Roofline lesson places the fused kernel against your measured ceiling.',
        );
      } else {
        notes.push(
          `At N = ${binaryCount(best.n)} fusion came within ${percent(1 - best.speedup / best.trafficRatio, 0)} of the traffic ratio: the unfused GELU there is likely bound by memory, pass after pass.`,
        );
      }
      return notes;
    }

    function matmulNote(m) {
      const { n, unfused, fused } = m;
      const saved = 1 - fused.result.bytes / unfused.result.bytes;
      const timeSaved = 1 - fused.result.timing.median_s / unfused.result.timing.median_s;
      return (
        `Matmul + bias + GELU at N = ${n} (b = ${fused.result.shape.block}, ${fused.result.shape.threads} thread${fused.result.shape.threads === 1 ? '' : 's'}): ` +
        `the epilogue ${m.speedup >= 1 ? 'gained' : 'lost'} ${percent(Math.abs(m.speedup - 1))} (${seconds(fused.result.timing.median_s)} against ${seconds(unfused.result.timing.median_s)}), and removed ${percent(saved)} of the bytes (${bytes(unfused.result.bytes - fused.result.bytes)} of ${bytes(unfused.result.bytes)}). ` +
        matmulReading(m, timeSaved, fused)
      );
    }

    // What the time difference says, including when it says the opposite of the byte count.
    function matmulReading(m, timeSaved, fused) {
      if (m.noisy)
        return 'The two times overlap within their 95% CIs: at this size the passes the epilogue removes are lost in the noise of the GEMM around them.';
      if (timeSaved > 0) {
        return (
          `The time it saved, ${percent(timeSaved)}, is what the bias and GELU passes cost beside a GEMM of ${gflops(fused.result.gflops)} GFLOP/s: ` +
          'the bigger N, the more the GEMM’s N³ arithmetic outweighs their N² traffic.'
        );
      }
      return (
        'This contradicts the byte count: the fused kernel was slower although it moves fewer bytes. Either the run was noisy (rerun it with a longer minimum time) ' +
        'or the epilogue costs the GEMM more than the passes it replaces, for instance by crowding the micro-kernel’s registers.'
      );
    }

    function notes(entries) {
      const geluMeasured = pairs(gelu, entries).map(measure);
      return [...geluMeasured.map(geluNote), ...geluSummary(geluMeasured), ...pairs(matmul, entries).map(measure).map(matmulNote)];
    }

    // Speedup of fused over unfused at each size, and the traffic ratio as the ceiling memory alone would set.
    function speedupSeries(experiment, entries) {
      const measured = pairs(experiment, entries).map(measure);
      if (measured.length === 0) return [];
      const points = latestPoints(
        measured,
        () => 'speedup',
        (m) => m.n,
        (m) => m.speedup,
      ).get('speedup');
      return [
        { label: `${experiment.fusedKernel.title} over ${experiment.unfusedKernel.title}`, colorKey: 'speedup', points },
        {
          label: 'Traffic ratio (bytes unfused / fused)',
          colorKey: 'traffic',
          dash: [6, 5],
          points: measured.map((m) => [m.n, m.trafficRatio]),
        },
      ];
    }

    const speedupChart = (experiment) => ({
      xLabel: experiment.vector ? 'GELU length N (floats)' : 'Matmul size N (N × N)',
      yLabel: 'Speedup from fusion',
      xLogBase: 2,
      xFormat: experiment.vector ? binaryCount : String,
      yFormat: timesTick,
      empty: `Each ${experiment.title} run adds the speedup of ${experiment.fusedKernel.title} over ${experiment.unfusedKernel.title} here, with the traffic ratio (dashed) for reference.`,
      series: (entries) => speedupSeries(experiment, entries),
    });

    const codeFor = (picked) => ({
      kernels: picked.flatMap((x) => x.kernels),
      operations: picked.map((x) => x.op),
      sources: session.sourcesOf(picked.flatMap((x) => x.kernels)),
    });

    const trafficColumn = {
      id: 'traffic',
      label: 'Bytes moved',
      wrap: true,
      title: 'The bytes this schedule moves, from the catalog: the count and its formula',
      value: ({ result }) => [
        el('span', { class: 'nowrap' }, bytes(result.bytes)),
        ' ',
        el('span', { class: 'check-detail' }, session.kernel(result.kernel).bytes_formula),
      ],
    };

    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'fused', operation: 'f32_gelu' }, size: 2 ** 20 },
        b: { query: { role: 'unfused', operation: 'f32_gelu' }, size: 2 ** 20 },
        intro: el('p', {}, 'Fused GELU against its unfused passes on 1048576 floats, in interleaved rounds.'),
      },
      lead: 'Fusing a chain of operations into one pass leaves the arithmetic as it was and removes the trips to memory between them. Measure what that is worth, and where it is worth nothing.',
      explanation: explanation(),
      exercise: {
        prompt:
          'How many bytes per element does each GELU kernel move: the unfused one, with a pass over memory per step, and the fused one? Enter both, unfused first. After the run, the notes set the speedup you measured beside the ratio of your two numbers.',
        label: 'Bytes per element: unfused, fused',
        control: { kind: 'number', placeholder: 'unfused, fused', inputmode: 'text' },
      },
      fields: [
        experimentField(experiments, 'Each runs its unfused and its fused kernel.'),
        {
          name: 'gelu_sizes',
          label: 'GELU lengths N',
          kind: 'list',
          value: '4096,65536,1048576,16777216',
          hint: 'Floats; comma-separated. From L1-sized to far beyond L2.',
        },
        { name: 'matmul_sizes', label: 'Matmul sizes N', kind: 'list', value: '128,256,512', hint: 'Square N × N.' },
        {
          name: 'block',
          label: 'Block size b',
          kind: 'number',
          value: '64',
          hint: 'K and N blocking of the GEMM; at most the smallest N.',
        },
        { name: 'threads', label: 'Threads', kind: 'number', value: '1', hint: 'For both matmul kernels.' },
        minTimeField('0.2', 'Per kernel and size.'),
      ],
      fieldFor: refusalField({ sizes: (request) => experimentOf(request.kernel).sizes, block: 'block', threads: 'threads' }),
      columns: [
        kernelColumn(session),
        { ...nColumn, title: 'GELU: vector length. Matmul: square size M = N = K' },
        blockColumn,
        threadsColumn,
        medianColumn,
        ciColumn,
        samplesColumn,
        gflopsColumn,
        { ...gbpsColumn, title: 'This schedule’s own bytes moved divided by the median time' },
        trafficColumn,
        checkColumn,
      ],
      chart: speedupChart(gelu),
      moreCharts: [speedupChart(matmul)],
      code: codeFor(experiments),
      plan(values) {
        return {
          items: chosenExperiments(experiments, values.experiment).flatMap((x) =>
            values[x.sizes].flatMap((n) =>
              [x.unfusedKernel, x.fusedKernel].map((kernel) => ({
                requests: [request(kernel, n, values)],
                meta: { title: kernel.title, n, vector: x.vector },
              })),
            ),
          ),
        };
      },
      describe: ({ title: name, n, vector }) => `${name} at N = ${vector ? binaryCount(n) : n}`,
      series: (entries) => speedupSeries(gelu, entries),
      conclude: ({ entries, prediction }) => ({ verdict: verdict(entries, prediction), notes: notes(entries) }),
    });

    followExperimentSelect(page, experiments, (picked) => {
      for (const name of ['block', 'threads']) page.form.setVisible(name, picked.includes(matmul));
      page.code.show(codeFor(picked));
    });
    return page.section;
  },
};
