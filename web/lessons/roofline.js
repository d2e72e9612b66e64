// Lesson 8: the learner's own roofline. Two probes measure the limits of their
// machine (the mul+add ceiling and the streaming bandwidth, on 1 thread and
// all), every kernel they ran this session is placed under those roofs, and
// the matmul ladder is timed step by step against the ceiling.
import { el, withCode } from '../ui/dom.js';
import { runRequest } from '../ui/request.js';
import { PROBE_LENGTH } from '../measure/drift-reference.js';
import { LessonPage } from '../ui/lesson-page.js';
import { kernelTitle } from '../ui/kernel-title.js';
import { refusalField } from '../ui/refusal-field.js';
import { minTimeField } from '../ui/min-time-field.js';
import { noPrediction } from '../ui/verdict.js';
import { kernelColumn, threadsColumn, medianColumn, ciColumn, gflopsColumn, gbpsColumn, checkColumn } from '../ui/columns.js';
import { latestPoints } from '../ui/analysis.js';
import { binaryCount, bytes, gflops, ratio } from '../ui/format.js';
import { fmaPeakKernel, peakKernel, triadKernel, boundBy, intensity, limits, ridge } from '../ui/roofline.js';
import { relaxedCard } from '../ui/relaxed-card.js';
import { rooflinePanel } from '../ui/roofline-panel.js';
import { ladderPanel } from '../ui/ladder-panel.js';

const LESSON = { id: 'roofline', number: 8, title: 'Roofline' };

// The exercise's two kernels, by their catalog fields, and sizes: a vector op and a matmul.
const EXERCISE = {
  vector: { query: { role: 'elementwise', operation: 'f32_axpy', variant: 'simd128' }, n: 2 ** 20 },
  matrix: { query: { role: 'register_blocked', operation: 'f32_matmul', variant: 'simd128' }, n: 512, block: 128 },
};
const ANSWERS = [
  { value: 'vector', label: 'only the axpy' },
  { value: 'matrix', label: 'only the matmul' },
  { value: 'both', label: 'both' },
  { value: 'neither', label: 'neither' },
];

const threadsText = (p) => (p === 1 ? '1 thread' : `${p} threads`);

// How many threads "all threads" is here, and why only one when it is.
function threadLimit(session) {
  const { build } = session.lab;
  if (!build.threads) return { most: 1, reason: build.reason };
  const most = Math.min(navigator.hardwareConcurrency || 1, session.catalog.build.max_threads);
  return { most, reason: most > 1 ? null : 'The browser reports one hardware thread, so there is only the 1-thread roof.' };
}

// The triad's lengths: from L1-sized to the largest power of two that fits, at
// most its default length (2^25, 384 MiB: far beyond any cache).
function triadLengths(session) {
  const op = session.operation(triadKernel(session.catalog).operation);
  const dram = 2 ** Math.floor(Math.log2(Math.min(op.default_shape.n, op.max_n)));
  return [2 ** 12, 2 ** 16, 2 ** 20, dram].filter((n, i, all) => all.indexOf(n) === i);
}

function explanation(session, limit) {
  const { build } = session.lab;
  const formula = (id, which) => el('code', {}, session.operation(id)[which]);
  return [
    // The no-SIMD build's reason says threads are off too: one notice is enough.
    limit.reason &&
      build.simd &&
      el(
        'p',
        { class: 'lesson-notice', role: 'note', 'data-threads-unavailable': '' },
        el('strong', {}, 'Only the 1-thread roof can be measured here. '),
        withCode(limit.reason),
      ),
    build.simd
      ? null
      : el(
          'p',
          { class: 'lesson-notice', role: 'note', 'data-nosimd': '' },
          el('strong', {}, 'This build has no SIMD128. '),
          withCode(build.reason),
          ' The ceiling probe then measures SIMDe’s lane-by-lane emulation: the roof you get is this build’s, far below what your CPU’s vector units can do.',
        ),
    // The relaxed-SIMD kernels (the FMA ceiling among them) load only where the browser runs relaxed SIMD.
    session.catalog.relaxed_simd?.available
      ? null
      : el(
          'p',
          { class: 'lesson-notice', role: 'note', 'data-relaxed-simd-unavailable': '' },
          el('strong', {}, 'No FMA ceiling here. '),
          session.catalog.relaxed_simd?.reason ?? '',
        ),
    el(
      'div',
      { class: 'prose' },
      el('h2', {}, 'Two limits'),
      el(
        'p',
        {},
        'A kernel is held back by one of two things: how fast the cores can do arithmetic, or how fast memory can feed them. Both are rates you can measure. The ',
        el('strong', {}, 'ceiling'),
        ' is the most f32 arithmetic per second: a loop of independent ',
        el('code', {}, 'f32x4.mul'),
        ' then ',
        el('code', {}, 'f32x4.add'),
        ' chains that never touches memory. The ',
        el('strong', {}, 'bandwidth'),
        ' is the most bytes per second a streaming loop moves: the STREAM triad, ',
        el('code', {}, 'a = b + s·c'),
        ', over arrays far larger than any cache.',
      ),
      el(
        'p',
        {},
        'Between them sits the kernel’s ',
        el('strong', {}, 'arithmetic intensity'),
        ' (AI): FLOPs per byte moved. A kernel cannot run faster than ',
        el('span', { class: 'nowrap' }, 'min(ceiling, bandwidth × AI)'),
        '. On a log-log plot that is a slanted roof that bends flat at the ',
        el('strong', {}, 'ridge point'),
        ', AI = ceiling / bandwidth. Left of the ridge a kernel is memory-bound: faster arithmetic would not help it. Right of it, compute-bound: only better use of the cores will.',
      ),
      el(
        'p',
        {},
        'The counts come from the catalog, defined once in C++. The axpy does ',
        formula('f32_axpy', 'flops_formula'),
        ' and moves ',
        formula('f32_axpy', 'bytes_formula'),
        '. A matmul does ',
        formula('f32_matmul', 'flops_formula'),
        ' and must move at least ',
        formula('f32_matmul', 'bytes_formula'),
        '.',
      ),
      el('h2', {}, 'What the probes count'),
      el(
        'p',
        {},
        'The ceiling probe keeps 13 chains of 4 lanes in 13 vector registers: V8 gives WebAssembly 15 of them on x64, and more on arm64, whose cores have 32. That is enough to cover the latency of a mul followed by an add; its FLOPs are exact and its answer is checked lane by lane. The triad counts ',
        formula('f32_triad', 'bytes_formula'),
        '. Each probe runs on 1 thread and on all of them: threads multiply the ceiling, while the memory bus is shared. Where your browser runs relaxed SIMD, a third probe, the same chains with one fused multiply-add per step, measures the FMA ceiling on 1 thread.',
      ),
    ),
  ];
}

// The triad's bandwidth against its working set, one line per thread count: the caches show as plateaus.
function triadSeries(entries, triad) {
  const triads = entries.filter((e) => e.result.kernel === triad);
  const points = latestPoints(
    triads,
    (e) => e.result.shape.threads,
    (e) => e.result.shape.n,
    (e) => e.result.gbps,
  );
  return [...points].map(([p, pts]) => ({ label: `triad, ${threadsText(p)}`, colorKey: `t${p}`, points: pts }));
}

// dramN: the length the lesson proposes as far beyond any cache.
function probeNotes(entries, roofs, dramN, triad) {
  const notes = roofs.map(
    (roof) =>
      `${threadsText(roof.threads)}: a ceiling of ${gflops(roof.peak)} GFLOP/s and ${gflops(roof.bandwidth)} GB/s ` +
      `(triad at N = ${binaryCount(roof.triadN)}, ${bytes(12 * roof.triadN)}), so the ridge point is at ${ridge(roof).toPrecision(3)} FLOP per byte.`,
  );
  if (roofs.some((roof) => roof.triadN < dramN)) {
    notes.push(
      `The largest triad run was shorter than N = ${binaryCount(dramN)}, so its arrays may fit in a cache: the slanted roof is then a cache’s bandwidth, not memory’s. Add N = ${dramN} to the lengths for the memory roof.`,
    );
  }
  if (roofs.length > 1) {
    const [one, all] = [roofs[0], roofs.at(-1)];
    notes.push(
      `${threadsText(all.threads)} raised the ceiling ${ratio(all.peak / one.peak)} and the bandwidth ${ratio(all.bandwidth / one.bandwidth)}` +
        (all.bandwidth / one.bandwidth < all.peak / one.peak
          ? ': the cores multiply, the memory bus is shared, so the ridge moves right and more kernels become memory-bound.'
          : '.'),
    );
    // Each thread runs its own chains in its own registers: nothing is shared but the cores.
    if (all.peak / one.peak < (1 + all.threads) / 2) {
      notes.push(
        `The ceiling grew less than halfway to ${all.threads}× with ${all.threads} threads, though each thread computes in its own registers and touches no memory. ` +
          'Two likely causes: the browser counts logical processors, and two that share one physical core (simultaneous multithreading) also share its vector units; or another program was busy on the other cores. Run again when the machine is quiet to tell them apart.',
      );
    }
  }
  for (const roof of roofs) {
    const triads = entries.filter((e) => e.result.kernel === triad && e.result.shape.threads === roof.threads);
    const fastest = triads.reduce((a, b) => (b.result.gbps > a.result.gbps ? b : a), triads[0]);
    if (fastest && fastest.result.shape.n < roof.triadN) {
      notes.push(
        `On ${threadsText(roof.threads)}, the triad at N = ${binaryCount(fastest.result.shape.n)} (${bytes(12 * fastest.result.shape.n)}) ran ` +
          `${ratio(fastest.result.gbps / roof.bandwidth)} as fast as at N = ${binaryCount(roof.triadN)}: those arrays stay in a faster cache.`,
      );
    }
    const small = triads.filter((e) => e.result.shape.n < roof.triadN && e.result.gbps < roof.bandwidth);
    if (roof.threads > 1 && small.length) {
      notes.push(
        `On ${threadsText(roof.threads)}, the triad at N = ${small.map((e) => binaryCount(e.result.shape.n)).join(', ')} was slower than at N = ${binaryCount(roof.triadN)}: waking the pool costs more than such short arrays take.`,
      );
    }
  }
  return notes;
}

// exercise: EXERCISE with each side's kernel name.
function exerciseVerdict(entries, roofs, prediction, exercise) {
  const one = roofs.find((r) => r.threads === 1);
  const find = ({ kernel }) => entries.find((e) => e.meta.exercise && e.result.kernel === kernel);
  const [vector, matrix] = [find(exercise.vector), find(exercise.matrix)];
  if (!one || !vector || !matrix)
    return { text: 'The exercise’s runs or the 1-thread roof are missing, so there is nothing to judge.', tone: 'neutral' };
  const memoryBound = [vector, matrix].map((e) => boundBy(one, intensity(e.result)) === 'memory');
  const truth = memoryBound[0] && memoryBound[1] ? 'both' : memoryBound[0] ? 'vector' : memoryBound[1] ? 'matrix' : 'neither';
  const facts =
    `Your 1-thread ridge point is ${ridge(one).toPrecision(3)} FLOP/byte. ` +
    `${exercise.vector.kernel} at N = ${exercise.vector.n}: ${intensity(vector.result).toPrecision(3)} FLOP/byte (${vector.result.flops} FLOPs over ${vector.result.bytes} bytes), ${boundBy(one, intensity(vector.result))}-bound. ` +
    `${exercise.matrix.kernel} at N = ${exercise.matrix.n}: ${intensity(matrix.result).toPrecision(3)} FLOP/byte (${matrix.result.flops} over ${matrix.result.bytes}), ${boundBy(one, intensity(matrix.result))}-bound.`;
  if (!prediction) return noPrediction(facts);
  const right = prediction === truth;
  return { text: `${right ? 'Right.' : 'Not quite.'} ${facts}`, tone: right ? 'right' : 'wrong' };
}

const sectionCard = (name, title, ...body) => el('div', { class: 'card prose', 'data-panel': name }, el('h2', {}, title), ...body);

function simdGapCard() {
  return sectionCard(
    'simd-gap',
    'Why a native BLAS has a higher ceiling',
    el(
      'p',
      {},
      'Your ceiling is what WebAssembly SIMD128 can issue, and that is not all your CPU can do. Three things separate it from the peak a native BLAS such as OpenBLAS reaches on the same core:',
    ),
    el(
      'ul',
      {},
      el(
        'li',
        {},
        el('strong', {}, 'Width. '),
        'A SIMD128 register holds 4 floats. AVX2 holds 8 and AVX-512 holds 16: one instruction does four times the work of a wasm one on a CPU with AVX-512.',
      ),
      el(
        'li',
        {},
        el('strong', {}, 'Fused multiply-add. '),
        'SIMD128 has no FMA. A multiply and an add are two instructions, two issue slots and two latencies; an FMA does both in one, with one rounding. Counted in FLOPs, an FMA unit does twice the work per instruction. Relaxed SIMD adds one (the card below), and a native BLAS uses it everywhere.',
      ),
      el(
        'li',
        {},
        el('strong', {}, 'Registers. '),
        'V8 gives wasm 15 vector registers on x64, where native AVX-512 code has 32; on arm64 it keeps a few of the 32 for itself. Fewer registers mean smaller register tiles in a GEMM, so more loads per FLOP.',
      ),
    ),
    el(
      'p',
      {},
      'Multiply it out: 4 lanes against 16, and two instructions per multiply-add against one, is up to eight times the FLOPs per instruction issued. The native ceiling is not measured here, since a web page cannot run native code: the lab’s native benchmark (',
      el('code', {}, 'npm run bench'),
      ') times OpenBLAS beside the same kernels built natively. The roofline on this page is the honest one for code that runs in your browser.',
    ),
  );
}

// The lab's expert GEMM; the catalog lists the headers that hold its three parts in its sources.
const EXPERT = { role: 'expert', operation: 'f32_matmul' };

function expertCard(session) {
  const expert = session.kernelByRole(EXPERT);
  const code = (text) => el('code', {}, text);
  return sectionCard(
    'expert',
    'What an expert GEMM does differently',
    el(
      'p',
      {},
      'The vectorization lesson’s kernel already keeps a 4 × 8 tile of C in registers. This lesson’s ',
      el('strong', {}, expert.title),
      ' (',
      code(expert.name),
      ', its source is below) runs the same 4 × 8 tile of mul+add, and adds the three things a BLIS-style GEMM, the kind inside OpenBLAS and BLIS, puts around such a micro-kernel:',
    ),
    el(
      'ul',
      {},
      el(
        'li',
        {},
        el('strong', {}, 'Packing '),
        '(',
        code('f32_matmul_4x8_packed_wasmsimd_packing.h'),
        '). Before the inner loops it copies a block of A into slivers of 4 rows and a block of B into slivers of 8 columns, each laid out in exactly the order the micro-kernel reads it. Every load in the hot loop is then sequential, with no stride of N between rows, so no cache line or TLB entry is wasted. The lesson-3 kernel reads B row by row, N floats apart, and A down a column. The copy costs O(N²) against the O(N³) arithmetic it feeds, a share of about 1/N: that is why it pays for itself at large N, and why it weighs most at small N, where it can cost more than the faster loads save. So where the copies would be more than 1/64 of the multiply-adds (square N below 128), this GEMM does not pack: it runs the lesson-3 kernel on A and B as they are.',
      ),
      el(
        'li',
        {},
        el('strong', {}, 'Cache blocking for each level '),
        '(',
        code('f32_matmul_4x8_packed_wasmsimd.cpp'),
        ', ',
        code('f32_matmul_4x8_packed_wasmsimd_loops.h'),
        '). A sliver of A and one of B fit in L1 together; the packed block of A stays in L2 while every sliver of B passes over it; each tile of C is loaded and stored once per block of K. The blocked matmul of lesson 2 did this for one level, on unpacked data, and the lesson-3 kernel for one block size you choose.',
      ),
      el(
        'li',
        {},
        el('strong', {}, 'Edges '),
        '(',
        code('f32_matmul_4x8_packed_wasmsimd_tile.h'),
        '). Packing pads the last sliver with zeros to a whole tile, so the micro-kernel runs at full speed on every tile; an edge tile is stored through a small buffer, so only the real part reaches C. The lesson-3 kernel finishes the rows and columns a tile does not cover with a scalar loop, which costs most where N is just past a multiple of the tile.',
      ),
      el(
        'li',
        {},
        el('strong', {}, 'Threads. '),
        'Each thread takes its own columns of C and packs its own panels, so no thread waits for another; the lesson-3 kernel splits rows, and every thread then streams all of B.',
      ),
    ),
    el(
      'p',
      {},
      'Together these are meant to keep the micro-kernel fed at every size. How close that brings it to the mul+add ceiling is not the same on every machine, or at every N: the ladder shows the share of your measured ceiling each step reached, and the roofline places the expert GEMM under your roofs. Run the ladder at an odd N, such as 257, to see whether the edges matter on yours.',
    ),
  );
}

export default {
  ...LESSON,
  mount(session) {
    const limit = threadLimit(session);
    const counts = [...new Set([1, limit.most])];
    const own = session.kernels((k) => k.lesson === LESSON.id);
    const [peak, triad] = [peakKernel(session.catalog).name, triadKernel(session.catalog).name];
    const fmaPeak = fmaPeakKernel(session.catalog)?.name ?? null;
    // Updates the ceiling probe makes per call: enough work (2 FLOPs each) that a
    // call lasts milliseconds, far above the timer's resolution.
    const peakN = session.operation(peakKernel(session.catalog).operation).default_shape.n;
    const exerciseKernels = [EXERCISE.vector, EXERCISE.matrix].map(({ query }) => session.kernelByRole(query));
    const exercise = {
      vector: { ...EXERCISE.vector, kernel: exerciseKernels[0].name },
      matrix: { ...EXERCISE.matrix, kernel: exerciseKernels[1].name },
    };
    const page = new LessonPage(session, {
      ...LESSON,
      ab: {
        a: { query: { role: 'expert', operation: 'f32_matmul', variant: 'simd128' }, size: 512, threads: 1 },
        b: { query: { role: 'ceiling_probe', operation: 'f32_mul_add', variant: 'simd128' }, size: PROBE_LENGTH, threads: 1 },
        intro: el(
          'p',
          {},
          'The expert GEMM at N = 512 on one thread against the mul+add ceiling probe, in interleaved rounds: their ratio of GFLOP/s is the share of the ceiling the expert reaches, measured without drift between the two.',
        ),
      },
      lead: 'Measure the two limits of your machine, arithmetic and memory, and see how close each kernel you ran comes to them.',
      explanation: explanation(session, limit),
      exercise: {
        prompt:
          `Work out the arithmetic intensity of the f32 axpy at N = ${exercise.vector.n} and of the 4x8 SIMD matmul at N = ${exercise.matrix.n} from the formulas above (FLOPs over bytes). ` +
          'Then guess where the ridge point of your machine lies. Which of the two is memory-bound on 1 thread? The run measures your ridge and both kernels, and judges.',
        label: 'Memory-bound',
        control: { kind: 'select', options: ANSWERS },
      },
      fields: [
        {
          name: 'sizes',
          label: 'Triad lengths N',
          kind: 'list',
          value: triadLengths(session).join(','),
          hint: 'From L1-sized to far beyond the caches; the roof uses the largest (12 N bytes each).',
        },
        minTimeField('0.3', 'Per probe, size and thread count.'),
      ],
      fieldFor: refusalField({ sizes: 'sizes' }),
      columns: [
        kernelColumn(session),
        { id: 'n', label: 'N', numeric: true, value: ({ result }) => String(result.shape.n) },
        threadsColumn,
        medianColumn,
        ciColumn,
        gflopsColumn,
        gbpsColumn,
        checkColumn,
      ],
      chart: {
        xLabel: 'Triad length N (12 N bytes)',
        yLabel: 'GB/s',
        xLogBase: 2,
        xFormat: binaryCount,
        yFormat: (v) => v.toFixed(0),
        legend: el(
          'p',
          { class: 'chart-legend' },
          'The triad’s bandwidth against its length: plateaus where its arrays fit a cache, the lowest one from memory.',
        ),
        empty: 'Press Run: the triad’s bandwidth at each length appears here, and the roofline below gets your roofs.',
      },
      panels: [rooflinePanel(session), ladderPanel(session, limit.most), simdGapCard(), relaxedCard(session), expertCard(session)],
      code: {
        kernels: [...own, ...exerciseKernels],
        operations: [...new Set([...own, ...exerciseKernels].map((k) => k.operation))].map((id) => session.operation(id)),
        sources: session.sourcesOf([...own, ...exerciseKernels], session.catalog.sources.thread_pool),
      },
      plan({ sizes, min_time_s }) {
        const peakRuns = counts.map((threads) => ({
          // A single call first: the browser compiles a hot function again, optimized, after it has run a while.
          requests: [
            runRequest(session.kernel(peak), peakN, { threads, single_shot: true }),
            runRequest(session.kernel(peak), peakN, { threads, min_time_s }),
          ],
          meta: { kernel: peak, n: peakN, threads },
        }));
        // The FMA probe lives in a single-threaded module of its own: 1 thread only.
        const fmaRuns = fmaPeak
          ? [
              {
                requests: [
                  runRequest(session.kernel(fmaPeak), peakN, { single_shot: true }),
                  runRequest(session.kernel(fmaPeak), peakN, { min_time_s }),
                ],
                meta: { kernel: fmaPeak, n: peakN, threads: 1 },
              },
            ]
          : [];
        const triadRuns = sizes.flatMap((n) =>
          counts.map((threads) => ({
            requests: [runRequest(session.kernel(triad), n, { threads, min_time_s })],
            meta: { kernel: triad, n, threads },
          })),
        );
        const exerciseRuns = [exercise.vector, exercise.matrix].map(({ kernel, n, block = 0 }) => ({
          requests: [runRequest(session.kernel(kernel), n, { block, threads: 1, min_time_s })],
          meta: { kernel, n, threads: 1, exercise: true },
        }));
        return { items: [...peakRuns, ...fmaRuns, ...triadRuns, ...exerciseRuns] };
      },
      describe: ({ kernel, n, threads }) => `${kernelTitle(session, kernel)} at N = ${binaryCount(n)} on ${threadsText(threads)}`,
      series: (entries) => triadSeries(entries, triad),
      conclude({ entries, prediction }) {
        const roofs = limits(
          entries.map((e) => e.result),
          session.catalog,
        );
        return {
          verdict: exerciseVerdict(entries, roofs, prediction, exercise),
          notes: probeNotes(entries, roofs, triadLengths(session).at(-1), triad),
        };
      },
    });
    return page.section;
  },
};
