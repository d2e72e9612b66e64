// Each exercise's performance bar, measured in headless Chromium on this
// machine: the solutions the tests use (tests/cpp/exercises/solutions/),
// correct and, where there is one, correct but slow, graded in the page
// exactly as a student's kernel is (web/grade/grade-exercise.js): compiled,
// checked, and timed against the bar's reference in interleaved rounds. The
// figures behind each bar's ratio in cpp/lab/exercise_specs.cpp.
//
//   node bench/exercise-bars.mjs [exercise…]
import { openLab } from '../web/tools/headless.mjs';
import { DEFAULT_FLAGS } from '../web/compiler/clang-command.js';
import { PAGE_EXERCISES, sourcesFor } from '../tests/browser/exercise-sources.mjs';

const wanted = process.argv.slice(2);
const exercises = wanted.length ? PAGE_EXERCISES.filter((name) => wanted.includes(name)) : PAGE_EXERCISES;

const lab = await openLab({ path: '/?test-hooks' });
try {
  await lab.page.waitForFunction(() => globalThis.kernelLabTest?.session, null, { timeout: 120000 });
  const cpu = await lab.page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`Exercise bars, ${new Date().toISOString()}, ${cpu} hardware threads, ${lab.version}`);
  for (const exercise of exercises) {
    const sources = sourcesFor(exercise);
    for (const kind of ['correct', 'slow']) {
      if (!sources[kind]) continue;
      const record = await lab.page.evaluate(
        async ([name, source, flags, label]) => {
          const { session } = globalThis.kernelLabTest;
          const { gradeExercise } = await import('/grade/grade-exercise.js');
          const { compilerHandle } = await import('/ui/compiler-handle.js');
          const { client } = await compilerHandle();
          const { record } = await gradeExercise({ session, compiler: client, exercise: session.kernel(name), source, flags, label });
          return record;
        },
        [exercise, sources[kind].source, DEFAULT_FLAGS, kind],
      );
      const bar = record.bar;
      const figures = bar?.ratio
        ? `${bar.reference} ${bar.reference_timing.rate.toFixed(2)} ${bar.unit}, ${kind} ${bar.student.rate.toFixed(2)} ${bar.unit}: ` +
          `${bar.ratio.toFixed(2)}× (rounds ${bar.rounds.map((r) => r.toFixed(2)).join(', ')}), bar ${bar.ratio_needed}×`
        : (bar?.message ?? record.check?.message ?? record.compile?.message);
      const simd = record.simd ? `, v128 in hot loop: ${record.simd.v128}` : '';
      console.log(`${exercise} ${kind}: ${record.state}; ${figures}${simd}`);
    }
  }
} finally {
  await lab.close();
}
