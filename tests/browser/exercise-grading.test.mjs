// Every exercise graded in the page as a student's kernel is, through the
// real compiler and lab (web/grade/grade-exercise.js), with the solutions the
// native tests check (tests/cpp/exercises/solutions/): the correct one is
// correct and fast enough; the mistaken one only compiles; the correct but
// slow one (scalar where SIMD is asked, one thread doing all the work) is
// correct but misses its bar, with the measured ratio in its record. Then
// one code panel through its controls: the brief, the hints one at a time,
// and the state and figures it shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openLab } from '../../web/tools/headless.mjs';
import { DEFAULT_FLAGS } from '../../web/compiler/clang-command.js';
import { PAGE_EXERCISES, sourcesFor } from './exercise-sources.mjs';
import { withLesson } from './lab-page.mjs';

let lab;
before(async () => {
  lab = await openLab({ path: '/?test-hooks' });
  await lab.page.waitForFunction(() => globalThis.kernelLabTest?.session, null, { timeout: 120000 });
});
after(async () => {
  await lab?.close();
});

const grade = (exercise, source) =>
  lab.page.evaluate(
    async ([name, text, flags]) => {
      const { session } = globalThis.kernelLabTest;
      const { gradeExercise } = await import('/grade/grade-exercise.js');
      const { compilerHandle } = await import('/ui/compiler-handle.js');
      const { client } = await compilerHandle();
      return (await gradeExercise({ session, compiler: client, exercise: session.kernel(name), source: text, flags, label: 'test' }))
        .record;
    },
    [exercise, source, DEFAULT_FLAGS],
  );

for (const exercise of PAGE_EXERCISES) {
  test(`${exercise}: correct is fast enough, mistaken only compiles, slow misses the bar`, { timeout: 600000 }, async () => {
    const sources = sourcesFor(exercise);
    const correct = await grade(exercise, sources.correct.source);
    assert.equal(correct.state, 'fast', JSON.stringify(correct.bar ?? correct.check ?? correct.compile));
    assert.ok(correct.bar.ratio >= correct.bar.ratio_needed);
    assert.equal(correct.bar.rounds.length, 3);

    const mistaken = await grade(exercise, sources.mistaken.source);
    assert.equal(mistaken.state, 'compiles');
    assert.match(mistaken.check.message, /Wrong result at/);

    if (!sources.slow) return;
    const slow = await grade(exercise, sources.slow.source);
    assert.equal(slow.state, 'correct', JSON.stringify(slow.bar));
    assert.ok(slow.bar.passed === false || slow.simd?.passed === false);
    if (slow.bar.ratio !== null) assert.ok(slow.bar.ratio > 0);
  });
}

test('a code panel shows the brief, opens hints one at a time, and shows each state with its figures', { timeout: 600000 }, () =>
  withLesson(
    'vectorization',
    async ({ page, section }) => {
      const name = 'f32_relu_student_wasmsimd';
      const panel = section.locator(`[data-code-panel="${name}"]`);
      const state = panel.locator('[data-exercise-state]');
      assert.equal(await state.getAttribute('data-exercise-state'), 'not_started');
      assert.match(await panel.locator('[data-bar]').textContent(), /at least 3× the speed of ReLU scalar at N = 65536.*v128/);
      const hints = panel.locator('[data-hints] li');
      assert.equal(await hints.count(), 0);
      await panel.locator('[data-action="next-hint"]').click();
      assert.equal(await hints.count(), 1);
      await panel.locator('[data-action="next-hint"]').click();
      await panel.locator('[data-action="next-hint"]').click();
      assert.equal(await hints.count(), 3);
      assert.equal(await panel.locator('[data-action="next-hint"]').isHidden(), true);

      await panel.locator('[data-action="toggle-code"]').click();
      await panel.locator('.cm-content').waitFor();
      const compile = async (source) => {
        await panel.locator('.cm-content').evaluate((content, next) => {
          const { view } = content.cmTile.root;
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
        }, source);
        await panel.locator('[data-action="compile"]').click();
        await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 300000 });
        return state.getAttribute('data-exercise-state');
      };
      const sources = sourcesFor(name);
      assert.equal(await compile(sources.mistaken.source), 'compiles');
      assert.equal(await compile(sources.slow.source), 'correct');
      assert.match(await panel.locator('[data-simd-line]').textContent(), /no SIMD128/);
      assert.match(await panel.locator('[data-bar-line]').textContent(), /yours ran \d[\d.]*× as fast, and the bar is 3×: missed by/);
      assert.equal(await compile(sources.correct.source), 'fast');
      assert.match(await panel.locator('[data-bar-line]').textContent(), /cleared/);
    },
    { path: `/?test-hooks#/vectorization` },
  ),
);
