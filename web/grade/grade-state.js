// Where an exercise stands, from what its grading found: one of four states,
// each a step further than the last. Pure, so node:test checks it directly.
//
//   not_started  nothing compiled yet (a compile that failed leaves it here)
//   compiles     it compiled, but is wrong at one of its check shapes (or not written)
//   correct      right at every check shape, but below the performance bar,
//                or without the SIMD instructions the exercise asks for
//   fast         right, and at or above the bar (and SIMD where asked)

export const STATES = ['not_started', 'compiles', 'correct', 'fast'];

const LABELS = {
  not_started: 'not started',
  compiles: 'compiles',
  correct: 'correct',
  fast: 'correct and fast enough',
};

export const stateLabel = (state) => LABELS[state] ?? 'not started';

// compile, check, bar, simd: the parts of a GradeRecord (grade-exercise.js);
// a bar whose `passed` is null could not be measured here (no threads), so it
// cannot make the kernel fast enough.
export function gradeState({ compile, check, bar, simd }) {
  if (compile?.status !== 'ok') return 'not_started';
  if (check?.status !== 'passed') return 'compiles';
  if (bar?.passed !== true || simd?.passed === false) return 'correct';
  return 'fast';
}

// The hot loop's SIMD count against what the exercise asks: null when it asks nothing.
export function simdVerdict(needed, counts) {
  if (!needed) return null;
  const v128 = counts?.simd ?? 0;
  return { needed: true, v128, passed: v128 > 0 };
}
