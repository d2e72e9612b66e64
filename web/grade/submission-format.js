// A student's submission, version 1: the file a student exports from the lab
// report and hands to an instructor, whose #/grade page regrades it on the
// instructor's machine. It holds what the student wrote and what their page
// measured; the grade page recompiles and retimes every source and shows the
// file's figures only as the student's claim. Pure: no DOM, so node:test
// checks it directly.
//
// {
//   format: 'kernel-lab-submission', version: 1,
//   created: ISO 8601 date of the export,
//   student: the name as the student typed it (1 to 200 characters, one line),
//   machine: the machine and browser it was made on (report-format.js's describeMachine),
//   exercises: [{                   one per exercise kernel of the catalog, in catalog order
//     name: the exercise stub's catalog name, lesson: its lesson,
//     source: the C++ the student wrote, or null if they never wrote any,
//     compiler: {version: the compiler that last graded it, or null; flags: {opt, simd, autovec}},
//     hints_opened: how many of the exercise's hints the student opened,
//     grade: the latest GradeRecord (grade/grade-exercise.js), or null: the state,
//       the compile, the check, the bar's ratio with both timings' median,
//       95% interval and rate, and the SIMD requirement, as measured there,
//     prediction: {first: attempt or null, later: [attempt]} for the exercise's
//       lesson, an attempt being {value, at, verdict: {text, tone} or null},
//   }],
// }
//
// parseSubmission() accepts exactly this and refuses anything else with
// {ok: false, field, error}: field is the path of the value at fault
// (`exercises[2].source`), and error says what it should be.
import { DEFAULT_FLAGS, OPT_LEVELS } from '../compiler/clang-command.js';
import { SOURCE_LIMIT_BYTES } from '../compiler/compile-limits.js';
import { FieldError, boolean, date, fail, isObject, list, number, object, oneOf, shown, string } from '../report/json-checks.js';
import { validateMachine } from '../report/report-format.js';
import { STATES, gradeState } from './grade-state.js';
import { median } from '../measure/ab-stats.js';

export const SUBMISSION_FORMAT = 'kernel-lab-submission';
export const SUBMISSION_VERSION = 1;

// A name is a line of a form, not a text.
export const MAX_NAME_LENGTH = 200;
// Verdicts and messages are sentences the page wrote; a prediction is a number or a few words.
const MAX_TEXT_LENGTH = 4000;
const MAX_PREDICTION_LENGTH = 200;
const MAX_LATER_PREDICTIONS = 200;
// The check runs a few dozen shapes, and the bar a few rounds; a thousand is no grade this lab wrote.
const MAX_CHECK_SHAPES = 1000;
const MAX_ROUNDS = 1000;
// No kernel of the lab takes an hour per call.
const MAX_SECONDS = 3600;

const VERDICT_TONES = ['right', 'wrong', 'neutral'];

// The kernels a student writes and a submission carries, in catalog order.
export const exerciseKernels = (catalog) => catalog.kernels.filter((k) => k.student && !k.runtime && k.exercise);

const attempt = (a) => ({ value: a.value, at: a.at, verdict: a.verdict ?? null });

function predictionOf(record) {
  if (!record) return null;
  return { first: record.first ? attempt(record.first) : null, later: (record.later ?? []).map(attempt) };
}

// progress: the ProgressStore (code, exerciseRecord, predictionRecord);
// machine: describeMachine()'s; created: an ISO date. Returns the file's text.
export function buildSubmission({ student, catalog, progress, machine, created }) {
  const exercises = exerciseKernels(catalog).map((kernel) => {
    const code = progress.code(kernel.name);
    // Until the student opens an exercise, the store may hold nothing of it.
    const record = progress.exerciseRecord?.(kernel.name);
    const grade = record?.grade ?? null;
    return {
      name: kernel.name,
      lesson: kernel.lesson,
      source: code?.text ?? null,
      compiler: { version: grade?.compile?.version ?? null, flags: code?.flags ?? grade?.compile?.flags ?? DEFAULT_FLAGS },
      hints_opened: record?.hints_opened ?? 0,
      grade,
      prediction: predictionOf(progress.predictionRecord?.(kernel.lesson)),
    };
  });
  const submission = { format: SUBMISSION_FORMAT, version: SUBMISSION_VERSION, created, student, machine, exercises };
  return `${JSON.stringify(submission, null, 1)}\n`;
}

// The file names it is written under: the student's name, as far as a file name allows.
export function submissionFileName(student, created) {
  const name =
    student
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'student';
  return `kernel-lab-submission-${name}-${created.replace(/[:.]/g, '-')}.json`;
}

// Refuses any key the format does not have, so an edited file cannot smuggle in a field.
function onlyKeys(path, value, keys) {
  const extra = Object.keys(value).find((key) => !keys.includes(key));
  if (extra !== undefined)
    fail(path ? `${path}.${extra}` : extra, `is not a field of a submission (one of ${keys.join(', ')})`, value[extra]);
}

function text(path, v, { max = MAX_TEXT_LENGTH, nonEmpty = false } = {}) {
  if (typeof v !== 'string') fail(path, 'must be a string', v);
  if (nonEmpty && v.trim() === '') fail(path, 'must not be blank', v);
  if (v.length > max) fail(path, `must be at most ${max} characters long`, `${v.length} characters`);
}

function studentName(path, v) {
  text(path, v, { max: MAX_NAME_LENGTH, nonEmpty: true });
  // A text field gives one line; a line break or a control character was put there by hand.
  if (/\p{Cc}/u.test(v)) fail(path, 'must be one line, with no control characters', v);
}

function validateFlags(path, flags) {
  object(path, flags);
  onlyKeys(path, flags, ['opt', 'simd', 'autovec']);
  oneOf(`${path}.opt`, flags.opt, OPT_LEVELS);
  boolean(`${path}.simd`, flags.simd);
  boolean(`${path}.autovec`, flags.autovec);
}

function validateSource(path, source) {
  if (source === null) return;
  if (typeof source !== 'string') fail(path, 'must be the C++ source as a string, or null', source);
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > SOURCE_LIMIT_BYTES)
    fail(path, `must be at most ${SOURCE_LIMIT_BYTES / 1024} KiB, the compiler's limit`, `${(bytes / 1024).toFixed(1)} KiB`);
}

function validateVerdict(path, verdict) {
  if (verdict === null) return;
  object(path, verdict);
  text(`${path}.text`, verdict.text);
  oneOf(`${path}.tone`, verdict.tone, VERDICT_TONES);
}

function validateAttempt(path, a) {
  object(path, a);
  onlyKeys(path, a, ['value', 'at', 'verdict']);
  text(`${path}.value`, a.value, { max: MAX_PREDICTION_LENGTH });
  date(`${path}.at`, a.at);
  validateVerdict(`${path}.verdict`, a.verdict);
}

function validatePrediction(path, prediction) {
  if (prediction === null) return;
  object(path, prediction);
  onlyKeys(path, prediction, ['first', 'later']);
  if (prediction.first !== null) validateAttempt(`${path}.first`, prediction.first);
  list(`${path}.later`, prediction.later, { max: MAX_LATER_PREDICTIONS }).forEach((a, i) => validateAttempt(`${path}.later[${i}]`, a));
}

// One side of the bar as the grader reports it: its median within its 95% interval.
function validateTiming(path, timing) {
  object(path, timing);
  number(`${path}.median_s`, timing.median_s, { above: 0, max: MAX_SECONDS });
  const interval = list(`${path}.ci95_s`, timing.ci95_s);
  if (interval.length !== 2) fail(`${path}.ci95_s`, 'must be [low, high]', interval);
  interval.forEach((s, i) => number(`${path}.ci95_s[${i}]`, s, { above: 0, max: MAX_SECONDS }));
  if (interval[0] > timing.median_s || timing.median_s > interval[1])
    fail(`${path}.ci95_s`, 'must hold the median: low ≤ median_s ≤ high', [interval[0], timing.median_s, interval[1]]);
  number(`${path}.rate`, timing.rate, { above: 0 });
  if (timing.runs !== undefined) number(`${path}.runs`, timing.runs, { min: 1, max: 2 * MAX_ROUNDS, whole: true });
}

// The ratio is the median of the rounds' ratios (bar-timing.js), and passes
// when it reaches the bar: a file that says otherwise was edited by hand. A
// bar this build could not time has neither ratio nor timings.
function validateBar(path, bar) {
  object(path, bar);
  string(`${path}.reference`, bar.reference);
  number(`${path}.ratio_needed`, bar.ratio_needed, { above: 0 });
  const shape = object(`${path}.shape`, bar.shape);
  for (const [name, value] of Object.entries(shape)) number(`${path}.shape.${name}`, value, { min: 0, max: 2 ** 31, whole: true });
  string(`${path}.unit`, bar.unit);
  for (const name of ['message', 'status']) if (bar[name] !== undefined) text(`${path}.${name}`, bar[name]);
  if (bar.ratio === null) {
    if (bar.passed !== null) fail(`${path}.passed`, 'must be null for a bar that was not timed', bar.passed);
    return;
  }
  number(`${path}.ratio`, bar.ratio, { above: 0 });
  boolean(`${path}.passed`, bar.passed);
  validateTiming(`${path}.student`, bar.student);
  validateTiming(`${path}.reference_timing`, bar.reference_timing);
  if (bar.rounds !== undefined) {
    list(`${path}.rounds`, bar.rounds, { max: MAX_ROUNDS }).forEach((r, i) => number(`${path}.rounds[${i}]`, r, { above: 0 }));
    const measured = median(bar.rounds);
    if (!(Math.abs(bar.ratio - measured) <= 1e-9 * measured))
      fail(`${path}.ratio`, `must be the median of its rounds (${shown(measured)})`, bar.ratio);
  }
  // At the bar itself, the two ways of computing the ratio may round to either side.
  const atTheBar = Math.abs(bar.ratio - bar.ratio_needed) <= 1e-9 * bar.ratio_needed;
  if (!atTheBar && bar.passed !== bar.ratio >= bar.ratio_needed)
    fail(`${path}.passed`, `must say whether the ratio reaches ${bar.ratio_needed}`, bar.passed);
}

function validateSimd(path, simd) {
  object(path, simd);
  boolean(`${path}.needed`, simd.needed);
  number(`${path}.v128`, simd.v128, { min: 0, whole: true });
  boolean(`${path}.passed`, simd.passed);
  // It passes when the hot loop holds any SIMD instruction (grade-state.js).
  if (simd.passed !== simd.v128 > 0)
    fail(`${path}.passed`, `must say whether the hot loop holds SIMD (${simd.v128} instructions)`, simd.passed);
}

// The state follows from the steps, as the grader derives it (grade-state.js).
function validateState(path, grade) {
  const state = gradeState(grade);
  if (grade.state !== state) fail(`${path}.state`, `must be "${state}", what its compile, check, bar and SIMD count make it`, grade.state);
}

function validateGrade(path, grade, name) {
  if (grade === null) return;
  object(path, grade);
  if (grade.exercise !== name) fail(`${path}.exercise`, `must be "${name}", the exercise it grades`, grade.exercise);
  oneOf(`${path}.state`, grade.state, STATES);
  date(`${path}.at`, grade.at);
  if (grade.compile !== null) {
    object(`${path}.compile`, grade.compile);
    string(`${path}.compile.status`, grade.compile.status);
    if (grade.compile.version !== null) text(`${path}.compile.version`, grade.compile.version);
    validateFlags(`${path}.compile.flags`, grade.compile.flags);
    if (grade.compile.message !== undefined) text(`${path}.compile.message`, grade.compile.message);
  }
  if (grade.check !== null) {
    object(`${path}.check`, grade.check);
    string(`${path}.check.status`, grade.check.status);
    number(`${path}.check.shapes`, grade.check.shapes, { min: 0, max: MAX_CHECK_SHAPES, whole: true });
    if (grade.check.message !== undefined) text(`${path}.check.message`, grade.check.message);
  }
  if (grade.bar !== null) validateBar(`${path}.bar`, grade.bar);
  if (grade.simd !== null) validateSimd(`${path}.simd`, grade.simd);
  validateState(path, grade);
}

const EXERCISE_KEYS = ['name', 'lesson', 'source', 'compiler', 'hints_opened', 'grade', 'prediction'];

function validateExercise(path, entry, kernel) {
  onlyKeys(path, entry, EXERCISE_KEYS);
  if (entry.lesson !== kernel.lesson) fail(`${path}.lesson`, `must be "${kernel.lesson}", the lesson of ${kernel.name}`, entry.lesson);
  validateSource(`${path}.source`, entry.source);
  object(`${path}.compiler`, entry.compiler);
  onlyKeys(`${path}.compiler`, entry.compiler, ['version', 'flags']);
  if (entry.compiler.version !== null) text(`${path}.compiler.version`, entry.compiler.version, { nonEmpty: true });
  validateFlags(`${path}.compiler.flags`, entry.compiler.flags);
  const hints = kernel.exercise.hints.length;
  number(`${path}.hints_opened`, entry.hints_opened, { min: 0, max: hints, whole: true });
  validateGrade(`${path}.grade`, entry.grade, kernel.name);
  validatePrediction(`${path}.prediction`, entry.prediction);
}

function validateExercises(path, exercises, catalog) {
  const kernels = exerciseKernels(catalog);
  list(path, exercises, { max: kernels.length });
  const seen = new Set();
  exercises.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    object(at, entry);
    const kernel = kernels.find((k) => k.name === entry.name);
    if (!kernel) fail(`${at}.name`, `must be an exercise of this lab (${kernels.map((k) => k.name).join(', ')})`, entry.name);
    if (seen.has(entry.name)) fail(`${at}.name`, 'must not repeat an exercise listed before it', entry.name);
    seen.add(entry.name);
    validateExercise(at, entry, kernel);
  });
}

function validate(text, catalog) {
  let submission;
  try {
    submission = JSON.parse(text);
  } catch (error) {
    throw new FieldError(`This file is not JSON: ${error.message}`, 'format');
  }
  if (!isObject(submission) || submission.format !== SUBMISSION_FORMAT) {
    const format = isObject(submission) ? submission.format : submission;
    throw new FieldError(
      `This file is not a Kernel Lab submission: its "format" is ${shown(format)}, not "${SUBMISSION_FORMAT}".`,
      'format',
    );
  }
  if (submission.version !== SUBMISSION_VERSION) {
    const newer = typeof submission.version === 'number' && submission.version > SUBMISSION_VERSION;
    throw new FieldError(
      `This submission is version ${shown(submission.version)}; this page reads version ${SUBMISSION_VERSION}` +
        `${newer ? ': it was written by a newer Kernel Lab' : ''}.`,
      'version',
    );
  }
  onlyKeys('', submission, ['format', 'version', 'created', 'student', 'machine', 'exercises']);
  date('created', submission.created);
  studentName('student', submission.student);
  validateMachine('machine', submission.machine);
  validateExercises('exercises', submission.exercises, catalog);
  return submission;
}

// {ok: true, submission} or {ok: false, field, error}; catalog: this page's,
// which names the exercises a submission may hold.
export function parseSubmission(json, catalog) {
  try {
    return { ok: true, submission: validate(json, catalog) };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    return { ok: false, field: error.field, error: error.message };
  }
}
