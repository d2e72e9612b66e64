// Submissions for the grade tests, built by the very buildSubmission a
// student's report page runs: a GradeRecord as grade-exercise.js writes one,
// and a progress store that hands back what a student did.
import { describeMachine } from '../../web/report/report-format.js';
import { buildSubmission, exerciseKernels } from '../../web/grade/submission-format.js';

export const MACHINE = describeMachine({
  catalog: {
    build: { simd: true, simd_name: 'wasm SIMD128', max_threads: 2 },
    clock: { name: 'performance.now()', resolution_s: 5e-6 },
    memory_bytes: 479199232,
  },
  build: { module: 'kernel_lab', threads: true },
  hardwareConcurrency: 2,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  crossOriginIsolated: true,
});

const timing = (median, work) => ({ median_s: median, ci95_s: [median * 0.97, median * 1.05], rate: (work / median) * 1e-9, runs: 6 });

// A record of a kernel that compiled, passed its check and was timed at
// `ratio` times its reference's rate in three rounds; state follows from the bar.
export function gradeRecord(kernel, { ratio = 1.5, state, checkStatus = 'passed' } = {}) {
  const { reference, ratio: needed, shape } = kernel.exercise.bar;
  const work = 2 * shape.m * shape.n * shape.k;
  const referenceMedian = 0.004;
  const timed = checkStatus === 'passed';
  const simd = kernel.exercise.needs_simd ? { needed: true, v128: 12, passed: true } : null;
  const student = timing(referenceMedian / ratio, work);
  const referenceTiming = timing(referenceMedian, work);
  const rounds = [ratio * 0.98, ratio, ratio * 1.01];
  const passed = timed && ratio >= needed;
  return {
    exercise: kernel.name,
    state: state ?? (!timed ? 'compiles' : passed ? 'fast' : 'correct'),
    at: '2026-12-01T10:00:00.000Z',
    compile: { status: 'ok', version: 'clang 22.0.0 (yowasp)', flags: { opt: 'O2', simd: true, autovec: true } },
    check: { status: checkStatus, shapes: 14 },
    bar: timed
      ? {
          reference,
          ratio_needed: needed,
          shape,
          unit: 'GFLOP/s',
          ratio,
          rounds,
          passed,
          student,
          reference_timing: referenceTiming,
        }
      : null,
    simd,
  };
}

// work: {[exercise]: {text, flags, grade, hints}}; predictions: {[lesson]: record}.
export function fakeProgress({ work = {}, predictions = {} } = {}) {
  return {
    code: (name) => (work[name]?.text ? { text: work[name].text, flags: work[name].flags } : null),
    exerciseRecord: (name) => (work[name] ? { hints_opened: work[name].hints ?? 0, grade: work[name].grade } : undefined),
    predictionRecord: (lesson) => predictions[lesson] ?? { later: [] },
  };
}

// A submission's text: every exercise written with `source(kernel)` and graded at `ratio`.
export function submissionText(catalog, { student = 'Ada Lovelace', ratio = 1.5, source = (k) => `// ${k.name}\n`, predictions } = {}) {
  const work = {};
  for (const kernel of exerciseKernels(catalog)) {
    work[kernel.name] = {
      text: source(kernel),
      flags: { opt: 'O2', simd: true, autovec: true },
      grade: gradeRecord(kernel, { ratio }),
      hints: 1,
    };
  }
  return buildSubmission({
    student,
    catalog,
    progress: fakeProgress({ work, predictions }),
    machine: MACHINE,
    created: '2026-12-02T09:30:00.000Z',
  });
}
