// The grading's pure parts, without a browser: the four states, the SIMD
// verdict, and the bar's interleaved timing against a fake lab whose times
// are known, so the ratio, the order of the runs and the refusals are exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradeState, simdVerdict, stateLabel, STATES } from '../../web/grade/grade-state.js';
import { barRequest, timeAgainstReference, BAR_ROUNDS } from '../../web/grade/bar-timing.js';

const passed = { status: 'passed', shapes: 16 };
const ok = { status: 'ok' };

test('an exercise is in one of four states, each a step further than the last', () => {
  assert.deepEqual(STATES, ['not_started', 'compiles', 'correct', 'fast']);
  assert.equal(gradeState({ compile: null }), 'not_started');
  assert.equal(gradeState({ compile: { status: 'compile' } }), 'not_started');
  assert.equal(gradeState({ compile: ok, check: { status: 'wrong' } }), 'compiles');
  assert.equal(gradeState({ compile: ok, check: { status: 'not_implemented' } }), 'compiles');
  assert.equal(gradeState({ compile: ok, check: passed, bar: { passed: false } }), 'correct');
  assert.equal(gradeState({ compile: ok, check: passed, bar: { passed: null } }), 'correct', 'a bar not measured is not cleared');
  assert.equal(gradeState({ compile: ok, check: passed, bar: { passed: true }, simd: { passed: false } }), 'correct');
  assert.equal(gradeState({ compile: ok, check: passed, bar: { passed: true }, simd: null }), 'fast');
  assert.equal(stateLabel('fast'), 'correct and fast enough');
  assert.equal(stateLabel(undefined), 'not started');
});

test('the SIMD verdict counts v128 instructions only where the exercise asks for them', () => {
  assert.equal(simdVerdict(false, { simd: 0 }), null);
  assert.deepEqual(simdVerdict(true, { simd: 0 }), { needed: true, v128: 0, passed: false });
  assert.deepEqual(simdVerdict(true, { simd: 7 }), { needed: true, v128: 7, passed: true });
  assert.deepEqual(simdVerdict(true, undefined), { needed: true, v128: 0, passed: false });
});

// A lab whose kernels take fixed times: the student's `studentS`, the reference's `referenceS`.
function fakeLab({ studentS, referenceS, failAt = -1 }) {
  const calls = [];
  return {
    calls,
    run: async (request) => {
      calls.push(request.kernel);
      if (calls.length - 1 === failAt) return { status: 'failed', error: 'trapped (unreachable)' };
      const median_s = request.kernel === 'mine' ? studentS : referenceS;
      return {
        status: 'ok',
        kernel: request.kernel,
        gflops: 1 / median_s,
        gbps: 2 / median_s,
        check: { passed: true },
        timing: { median_s, ci_low_s: median_s * 0.9, ci_high_s: median_s * 1.1 },
      };
    },
  };
}
const STUDENT = { name: 'mine', tunables: ['threads'] };
const REFERENCE = { name: 'theirs', tunables: [] };
const SHAPE = { m: 256, n: 256, k: 256, block: 0, threads: 0 };

test('the bar times reference, student, student, reference in each round, and takes the ratio of times', async () => {
  const lab = fakeLab({ studentS: 0.002, referenceS: 0.006 });
  const timed = await timeAgainstReference(lab, { student: STUDENT, reference: REFERENCE, shape: SHAPE, unit: 'GFLOP/s', maxThreads: 4 });
  assert.equal(timed.status, 'ok');
  assert.equal(lab.calls.length, 4 * BAR_ROUNDS);
  assert.deepEqual(lab.calls.slice(0, 4), ['theirs', 'mine', 'mine', 'theirs']);
  assert.ok(Math.abs(timed.ratio - 3) < 1e-9, `ratio ${timed.ratio}`);
  assert.equal(timed.student.rate, 500);
  assert.deepEqual(timed.student.ci95_s, [0.002 * 0.9, 0.002 * 1.1]);
});

test('a bar request sends threads 0 as every thread, and only to a kernel that takes threads', () => {
  assert.equal(barRequest(STUDENT, SHAPE, { maxThreads: 8 }).threads, 8);
  assert.equal(barRequest(REFERENCE, SHAPE, { maxThreads: 8 }).threads, undefined);
  assert.equal(barRequest(STUDENT, SHAPE, { maxThreads: 8 }).n, 256);
  assert.deepEqual(
    Object.keys(barRequest(STUDENT, { m: 3, n: 5, k: 7, block: 0, threads: 1 }, { maxThreads: 8 })).filter((key) => 'mnk'.includes(key)),
    ['m', 'n', 'k'],
  );
  assert.equal(barRequest(STUDENT, SHAPE, { maxThreads: 8 }).unlogged, true);
});

test('a run that fails or a cancel stops the bar and says which', async () => {
  const failing = await timeAgainstReference(fakeLab({ studentS: 1, referenceS: 1, failAt: 2 }), {
    student: STUDENT,
    reference: REFERENCE,
    shape: SHAPE,
    unit: 'GB/s',
    maxThreads: 1,
  });
  assert.deepEqual(failing, { status: 'failed', error: 'trapped (unreachable)' });
  let asked = 0;
  const cancelled = await timeAgainstReference(fakeLab({ studentS: 1, referenceS: 1 }), {
    student: STUDENT,
    reference: REFERENCE,
    shape: SHAPE,
    unit: 'GB/s',
    maxThreads: 1,
    cancelled: () => ++asked > 3,
  });
  assert.equal(cancelled.status, 'cancelled');
});
