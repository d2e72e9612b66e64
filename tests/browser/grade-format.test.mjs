// The submission file without a browser: what buildSubmission writes,
// parseSubmission reads back whole; every kind of bad or edited file is
// refused with the path of the field at fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSubmission, parseSubmission, submissionFileName, MAX_NAME_LENGTH } from '../../web/grade/submission-format.js';
import { SOURCE_LIMIT_BYTES } from '../../web/compiler/compile-limits.js';
import { DEFAULT_FLAGS } from '../../web/compiler/clang-command.js';
import { MACHINE, fakeProgress, gradeRecord, submissionText } from './grade-fixtures.mjs';

const exercise = (name, lesson, { ratio = 0.5, needsSimd = false, reference = 'f32_matmul_ikj' } = {}) => ({
  name,
  lesson,
  student: true,
  runtime: false,
  exercise: {
    goal: 'Write it.',
    hints: ['one', 'two', 'three'],
    bar: { reference, ratio, shape: { m: 64, n: 64, k: 64, block: 0, threads: 1 }, why: 'measured' },
    needs_simd: needsSimd,
  },
});

// Two exercises, a lab kernel, and a kernel registered at run time, which is no exercise.
const CATALOG = {
  kernels: [
    exercise('f32_matmul_student_loops', 'loops'),
    { name: 'f32_matmul_ikj', lesson: 'loops', student: false, runtime: false },
    exercise('f32_relu_student_wasmsimd', 'vectorization', { ratio: 2, needsSimd: true, reference: 'f32_relu_scalar' }),
    { ...exercise('f32_relu_student_wasmsimd', 'vectorization'), name: 'f32_relu_student_wasmsimd_page1', runtime: true },
  ],
};

const PREDICTIONS = {
  loops: {
    first: { value: '3', at: '2026-12-01T09:00:00.000Z', verdict: { text: 'Right: it ran 3.2× as fast.', tone: 'right' } },
    later: [{ value: '4', at: '2026-12-01T09:10:00.000Z' }],
  },
};

const good = () => JSON.parse(submissionText(CATALOG, { predictions: PREDICTIONS }));

test('what buildSubmission writes, parseSubmission reads back unchanged', () => {
  const text = submissionText(CATALOG, { student: '  Zoë O’Brien-Ng ', predictions: PREDICTIONS });
  const parsed = parseSubmission(text, CATALOG);
  assert.equal(parsed.ok, true, parsed.error);
  const { submission } = parsed;
  assert.deepEqual(submission, JSON.parse(text));
  assert.equal(submission.student, '  Zoë O’Brien-Ng ', 'the name exactly as typed');
  assert.deepEqual(submission.machine, MACHINE);
  assert.deepEqual(
    submission.exercises.map((e) => e.name),
    ['f32_matmul_student_loops', 'f32_relu_student_wasmsimd'],
    'every exercise of the catalog, in its order, and no kernel registered at run time',
  );
  const [loops, relu] = submission.exercises;
  assert.equal(loops.source, '// f32_matmul_student_loops\n');
  assert.deepEqual(loops.compiler, { version: 'clang 22.0.0 (yowasp)', flags: { opt: 'O2', simd: true, autovec: true } });
  assert.equal(loops.hints_opened, 1);
  assert.deepEqual(loops.grade, gradeRecord(CATALOG.kernels[0], { ratio: 1.5 }));
  assert.deepEqual(loops.prediction, {
    first: PREDICTIONS.loops.first,
    later: [{ value: '4', at: '2026-12-01T09:10:00.000Z', verdict: null }],
  });
  assert.deepEqual(relu.prediction, { first: null, later: [] }, 'a lesson without a prediction');
  assert.equal(relu.grade.simd.needed, true);
});

test('an exercise never written is in the file with no source, no compiler and no grade', () => {
  const text = buildSubmission({
    student: 'Ada',
    catalog: CATALOG,
    progress: fakeProgress(),
    machine: MACHINE,
    created: '2026-12-02T09:30:00.000Z',
  });
  const parsed = parseSubmission(text, CATALOG);
  assert.equal(parsed.ok, true, parsed.error);
  for (const entry of parsed.submission.exercises) {
    assert.equal(entry.source, null);
    assert.deepEqual(entry.compiler, { version: null, flags: DEFAULT_FLAGS });
    assert.equal(entry.grade, null);
    assert.equal(entry.hints_opened, 0);
  }
});

test('the file is named after the student, as far as a file name allows', () => {
  assert.equal(
    submissionFileName(' Zoë / O’Brien ', '2026-12-02T09:30:00.000Z'),
    'kernel-lab-submission-Zoë-O-Brien-2026-12-02T09-30-00-000Z.json',
  );
  assert.equal(submissionFileName('../..', '2026-12-02T09:30:00.000Z'), 'kernel-lab-submission-student-2026-12-02T09-30-00-000Z.json');
});

// [what, change(submission) or a text, the field the refusal names]
const loops = (s) => s.exercises[0];
const bar = (s) => s.exercises[0].grade.bar;
const BROKEN = [
  ['not JSON', () => '{"format": "kernel-lab-submission",', 'format'],
  ['a lab report, not a submission', (s) => Object.assign(s, { format: 'kernel-lab-report' }), 'format'],
  ['a version from a newer lab', (s) => Object.assign(s, { version: 2 }), 'version'],
  ['a field the format lacks', (s) => Object.assign(s, { score: 100 }), 'score'],
  ['a creation date that is no date', (s) => Object.assign(s, { created: 'yesterday' }), 'created'],
  ['no student name', (s) => delete s.student, 'student'],
  ['a blank student name', (s) => Object.assign(s, { student: '   ' }), 'student'],
  ['a student name far too long', (s) => Object.assign(s, { student: 'A'.repeat(MAX_NAME_LENGTH + 1) }), 'student'],
  ['a student name over two lines', (s) => Object.assign(s, { student: 'Ada\nLovelace' }), 'student'],
  ['a machine with no clock', (s) => delete s.machine.clock, 'machine.clock'],
  ['exercises that are no list', (s) => Object.assign(s, { exercises: {} }), 'exercises'],
  ['more exercises than the lab has', (s) => s.exercises.push(...structuredClone(s.exercises)), 'exercises'],
  ['an exercise the lab does not have', (s) => Object.assign(loops(s), { name: 'f32_matmul_ikj' }), 'exercises[0].name'],
  ['the same exercise twice', (s) => Object.assign(s.exercises[1], structuredClone(loops(s))), 'exercises[1].name'],
  ['an exercise filed under another lesson', (s) => Object.assign(loops(s), { lesson: 'blocking' }), 'exercises[0].lesson'],
  [
    'a source over the compiler’s limit',
    (s) => Object.assign(loops(s), { source: 'x'.repeat(SOURCE_LIMIT_BYTES + 1) }),
    'exercises[0].source',
  ],
  ['a source that is a number', (s) => Object.assign(loops(s), { source: 42 }), 'exercises[0].source'],
  [
    'an optimization level clang is never given',
    (s) => Object.assign(loops(s).compiler.flags, { opt: 'Ofast' }),
    'exercises[0].compiler.flags.opt',
  ],
  ['a flag that is a string', (s) => Object.assign(loops(s).compiler.flags, { simd: 'yes' }), 'exercises[0].compiler.flags.simd'],
  ['more hints opened than there are', (s) => Object.assign(loops(s), { hints_opened: 4 }), 'exercises[0].hints_opened'],
  ['a fractional count of hints', (s) => Object.assign(loops(s), { hints_opened: 1.5 }), 'exercises[0].hints_opened'],
  [
    'a grade of another exercise',
    (s) => Object.assign(loops(s).grade, { exercise: 'f32_relu_student_wasmsimd' }),
    'exercises[0].grade.exercise',
  ],
  ['a grade state that does not exist', (s) => Object.assign(loops(s).grade, { state: 'excellent' }), 'exercises[0].grade.state'],
  [
    '“fast” claimed though the bar was missed',
    (s) => Object.assign(loops(s).grade, { state: 'fast' }) && Object.assign(bar(s), { ratio_needed: 2, passed: false }),
    'exercises[0].grade.state',
  ],
  [
    '“correct” claimed though the check failed',
    (s) => Object.assign(loops(s).grade.check, { status: 'wrong' }),
    'exercises[0].grade.state',
  ],
  ['a ratio edited without its rounds', (s) => Object.assign(bar(s), { ratio: 9 }), 'exercises[0].grade.bar.ratio'],
  ['a bar not timed yet passed', (s) => Object.assign(bar(s), { ratio: null, passed: true }), 'exercises[0].grade.bar.passed'],
  ['a round that is zero', (s) => bar(s).rounds.push(0), 'exercises[0].grade.bar.rounds[3]'],
  ['a bar passed below its ratio', (s) => Object.assign(bar(s), { ratio_needed: 2 }), 'exercises[0].grade.bar.passed'],
  [
    'an infinite median (1e999 in the file)',
    () => submissionText(CATALOG).replace(/"median_s": [0-9.e-]+/, '"median_s": 1e999'),
    'exercises[0].grade.bar.student.median_s',
  ],
  ['a negative median', (s) => Object.assign(bar(s).student, { median_s: -1 }), 'exercises[0].grade.bar.student.median_s'],
  [
    'a median outside its own interval',
    (s) => Object.assign(bar(s).reference_timing, { ci95_s: [1, 2] }),
    'exercises[0].grade.bar.reference_timing.ci95_s',
  ],
  ['an interval of three ends', (s) => bar(s).student.ci95_s.push(1), 'exercises[0].grade.bar.student.ci95_s'],
  ['a rate given as a string', (s) => Object.assign(bar(s).student, { rate: '12.5' }), 'exercises[0].grade.bar.student.rate'],
  ['a check of a million shapes', (s) => Object.assign(loops(s).grade.check, { shapes: 1e6 }), 'exercises[0].grade.check.shapes'],
  ['a SIMD count that is negative', (s) => Object.assign(s.exercises[1].grade.simd, { v128: -3 }), 'exercises[1].grade.simd.v128'],
  ['SIMD passed with no SIMD instruction', (s) => Object.assign(s.exercises[1].grade.simd, { v128: 0 }), 'exercises[1].grade.simd.passed'],
  [
    'a prediction verdict in an unknown tone',
    (s) => Object.assign(loops(s).prediction.first.verdict, { tone: 'great' }),
    'exercises[0].prediction.first.verdict.tone',
  ],
  ['a later prediction with no date', (s) => delete loops(s).prediction.later[0].at, 'exercises[0].prediction.later[0].at'],
  [
    'a prediction that is an essay',
    (s) => Object.assign(loops(s).prediction.first, { value: 'x'.repeat(1000) }),
    'exercises[0].prediction.first.value',
  ],
];

test(`${BROKEN.length} kinds of bad or edited file are refused, each naming its field`, () => {
  assert.ok(BROKEN.length >= 20);
  assert.equal(new Set(BROKEN.map(([what]) => what)).size, BROKEN.length);
  for (const [what, breakIt, field] of BROKEN) {
    const copy = good();
    const broken = breakIt(copy);
    const text = typeof broken === 'string' ? broken : JSON.stringify(copy);
    const parsed = parseSubmission(text, CATALOG);
    assert.equal(parsed.ok, false, `${what}: accepted`);
    assert.equal(parsed.field, field, `${what}: ${parsed.error}`);
    assert.equal(typeof parsed.error, 'string');
    if (field !== 'format' && field !== 'version')
      assert.ok(parsed.error.startsWith(field), `${what}: the message names ${field}: ${parsed.error}`);
  }
});

test('a ratio at the bar passes or not as its grader rounded it', () => {
  for (const passed of [true, false]) {
    const copy = good();
    const bar = copy.exercises[0].grade.bar;
    Object.assign(bar, { ratio_needed: bar.ratio * (1 + 1e-12), passed });
    copy.exercises[0].grade.state = passed ? 'fast' : 'correct';
    const parsed = parseSubmission(JSON.stringify(copy), CATALOG);
    assert.equal(parsed.ok, true, parsed.error);
  }
});

test('the refusals say what the value should be', () => {
  const copy = good();
  copy.exercises[0].source = 'x'.repeat(SOURCE_LIMIT_BYTES + 1);
  assert.match(parseSubmission(JSON.stringify(copy), CATALOG).error, /at most 64 KiB, the compiler's limit \(it is "64\.0 KiB"\)/);
  const newer = good();
  newer.version = 2;
  assert.match(parseSubmission(JSON.stringify(newer), CATALOG).error, /written by a newer Kernel Lab/);
});
