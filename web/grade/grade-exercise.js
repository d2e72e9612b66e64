// Grades one exercise on this machine: compile the student's source in the
// page (with the auto-vectorizer off where the exercise asks for SIMD), load
// the module into the lab, check it at every shape its native test uses, look
// for SIMD in its hot loop where the exercise asks for it,
// and time it against the exercise's reference kernel for the performance
// bar. The code panel grades what a student just wrote with it; the
// instructor's page regrades every submission with it, trusting nothing the
// submission claims.
//
// Resolves {record, kernel, compiled, checked}: record is a plain-JSON
// GradeRecord, kept with the progress and exported in a submission:
//   {exercise, state (grade-state.js), at: iso,
//    compile: {status: 'ok' | 'compile' | 'link' | 'too-large' | 'timeout' | 'load' | 'cancelled' | 'refused', version, flags, message?},
//    check: {status: 'passed' | 'wrong' | 'failed' | 'not_implemented' | 'cancelled' | …, shapes, message?} | null,
//    simd: {needed, v128, passed} | null,
//    bar: {reference, ratio_needed, shape, unit, ratio, passed, rounds,
//          student: {median_s, ci95_s, rate, runs}, reference_timing: {…}, message?} | null}
// kernel is the runtime kernel the lab registered (null before that step),
// compiled the compiler's answer, checked what checkAtEveryShape resolved.
import { checkAtEveryShape } from '../ui/student-check.js';
import { checkMessage, compileMessage } from '../ui/student-outcome.js';
import { studentListing } from '../ui/student-listing.js';
import { gradeState, simdVerdict } from './grade-state.js';
import { timeAgainstReference } from './bar-timing.js';

// session: the page's Session; compiler: a CompilerClient; exercise: the
// stub's catalog kernel; label: the title of the kernel's rows. Hooks:
// onProgress(fraction, text); cancelled() is asked between steps;
// onCompiled(compiled) and onRegistered(kernel, listing) let the code panel
// show diagnostics and instructions as soon as they exist.
export async function gradeExercise({
  session,
  compiler,
  exercise,
  source,
  flags,
  label,
  onProgress = () => {},
  cancelled = () => false,
  onCompiled = () => {},
  onRegistered = () => {},
}) {
  const record = {
    exercise: exercise.name,
    state: 'not_started',
    at: new Date().toISOString(),
    compile: null,
    check: null,
    simd: null,
    bar: null,
  };
  const done = (extra = {}) => {
    record.state = gradeState(record);
    return { record, kernel: null, compiled: null, checked: null, ...extra };
  };

  // Where the point is SIMD, the compiler's vectorizer may not write the
  // SIMD for the student: a plain loop would pass the SIMD check otherwise.
  const graded = exercise.exercise?.needs_simd ? { ...flags, autovec: false } : flags;
  onProgress(0.05, `Compiling ${exercise.source.split('/').at(-1)}…`);
  const compiled = await compiler.compile({ exercise, pageCompile: session.catalog.page_compile, source, flags: graded });
  record.compile = { status: compiled.status === 'ok' ? 'ok' : compiled.kind, version: compiled.version ?? null, flags: graded };
  if (compiled.status !== 'ok') record.compile.message = compileMessage(compiled);
  onCompiled(compiled);
  if (compiled.status !== 'ok') return done({ compiled });
  if (cancelled()) return done({ compiled, cancelled: true });

  onProgress(0.1, 'Loading the module into the lab…');
  const registered = await session.lab.registerStudentKernel({ exercise: exercise.name, wasm: compiled.wasm, label });
  if (registered.status !== 'ok') {
    record.compile = { ...record.compile, status: 'refused', message: `The lab refused the module: ${registered.error}` };
    return done({ compiled });
  }
  const { kernel } = registered;
  const listing = studentListing(compiled.instructions ?? '', exercise.name);
  onRegistered(kernel, listing);

  const operation = session.operation(kernel.operation);
  const checked = await checkAtEveryShape(session.lab, kernel, {
    onShape: (index, count) => onProgress(0.1 + (0.4 * index) / count, `Checking size ${index + 1} of ${count}…`),
    cancelled,
    maxThreads: session.catalog.build.max_threads,
  });
  record.check = { status: checked.status, shapes: checked.count };
  if (checked.status !== 'passed') {
    record.check.message = checkMessage(checked, operation);
    return done({ compiled, kernel, checked });
  }

  record.simd = simdVerdict(exercise.exercise?.needs_simd, listing.counts);
  const spec = exercise.exercise?.bar;
  if (spec) record.bar = await measureBar({ session, kernel, spec, operation, onProgress, cancelled });
  // Wrong at the bar's shape, which the check shapes did not cover (more threads, say): wrong.
  if (record.bar?.status === 'wrong')
    record.check = { ...record.check, status: 'wrong', message: `Wrong result at the bar's shape: ${record.bar.message}` };
  return done({ compiled, kernel, checked });
}

async function measureBar({ session, kernel, spec, operation, onProgress, cancelled }) {
  const unit = operation?.shape === 'vector' ? 'GB/s' : 'GFLOP/s';
  // Every thread: as many as the pool has and the browser reports cores for.
  const maxThreads = Math.min(globalThis.navigator?.hardwareConcurrency || 1, session.catalog.build.max_threads);
  const bar = { reference: spec.reference, ratio_needed: spec.ratio, shape: spec.shape, unit, ratio: null, passed: null };
  if (spec.shape.threads === 0 && maxThreads < 2) {
    bar.message = 'The bar compares work split over threads, and this page’s build runs one thread: it was not measured.';
    return bar;
  }
  const reference = session.kernel(spec.reference);
  const timed = await timeAgainstReference(session.lab, {
    student: kernel,
    reference,
    shape: spec.shape,
    unit,
    maxThreads,
    cancelled,
    onRun: (index, count) => onProgress(0.5 + (0.5 * index) / count, `Timing yours against ${reference.title} (${index + 1} of ${count})…`),
  });
  if (timed.status !== 'ok') {
    bar.message = { cancelled: 'The timing was cancelled.', wrong: timed.error }[timed.status] ?? `The timing stopped: ${timed.error}`;
    bar.status = timed.status;
    return bar;
  }
  return {
    ...bar,
    ratio: timed.ratio,
    rounds: timed.rounds,
    passed: timed.ratio >= spec.ratio,
    student: timed.student,
    reference_timing: timed.reference,
  };
}
