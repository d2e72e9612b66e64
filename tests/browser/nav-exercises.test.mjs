// Each lesson's exercises in the navigation, marked from the latest grade the
// progress store keeps: at once when a grade is kept, again after a reload,
// and back to "not started" after Reset progress. A state saved before the
// store kept predictions, hints and grades still loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reload, withLesson } from './lab-page.mjs';
import { labReady } from '../../web/tools/headless.mjs';

const KEY = 'kernel-lab-progress';
const PATH = '/?test-hooks#/loops';

// The catalog's exercises the student writes, in catalog order: {name, lesson}.
const exercisesOf = (page) =>
  page.evaluate(() =>
    self.kernelLabTest.session.catalog.kernels
      .filter((k) => k.role === 'exercise' && k.student && !k.runtime)
      .map(({ name, lesson }) => ({ name, lesson })),
  );

const marks = (page) =>
  page.locator('[data-nav-exercise]').evaluateAll((all) =>
    all.map((m) => ({
      name: m.dataset.navExercise,
      lesson: m.closest('a[data-lesson]').dataset.lesson,
      state: m.dataset.state,
      title: m.title,
      words: m.querySelector('.visually-hidden').textContent,
    })),
  );

const states = async (page) => Object.fromEntries((await marks(page)).map((m) => [m.name, m.state]));

const store = (page, method, ...args) =>
  page.evaluate(
    ([m, a]) => {
      try {
        return { value: self.kernelLabTest.session.progress[m](...a) ?? null };
      } catch (error) {
        return { error: `${error.name}: ${error.message}` };
      }
    },
    [method, args],
  );

test('keepGrade marks the exercise in the navigation at once and after a reload; Reset progress clears the marks', async () => {
  await withLesson(
    'loops',
    async (lab) => {
      const { page } = lab;
      const exercises = await exercisesOf(page);
      assert.ok(exercises.length >= 3, 'the catalog has exercises to mark');
      const shown = await marks(page);
      const byName = (a, b) => a.name.localeCompare(b.name);
      assert.deepEqual(
        shown.map(({ name, lesson }) => ({ name, lesson })).sort(byName),
        [...exercises].sort(byName),
        "one mark per exercise, in its own lesson's link",
      );
      for (const m of shown) {
        assert.equal(m.state, 'not_started');
        assert.match(m.words, /^, exercise “.+”: not started$/);
        assert.match(m.title, /^Exercise “.+”: not started$/);
      }

      const [a, b, c] = exercises.map((e) => e.name);
      await page.evaluate(() => {
        self.exerciseEvents = [];
        self.kernelLabTest.session.progress.addEventListener('exercise', (e) => self.exerciseEvents.push(e.detail));
      });
      const grade = { state: 'correct', checked_at: '2025-01-01T00:00:00.000Z', shapes: [1, 2] };
      assert.deepEqual(await store(page, 'keepGrade', a, grade), { value: null });
      assert.deepEqual(await store(page, 'keepGrade', b, { state: 'compiles' }), { value: null });
      assert.deepEqual(await store(page, 'keepGrade', c, { state: 'fast' }), { value: null });
      const graded = { ...(await states(page)), [a]: 'correct', [b]: 'compiles', [c]: 'fast' };
      assert.deepEqual(await states(page), graded, 'each mark changes as its grade is kept');
      const markOfA = (await marks(page)).find((m) => m.name === a);
      assert.match(markOfA.words, /: correct$/);
      assert.match(markOfA.title, /: correct$/);
      assert.deepEqual(await page.evaluate(() => self.exerciseEvents.map((d) => [d.name, d.record.grade.state])), [
        [a, 'correct'],
        [b, 'compiles'],
        [c, 'fast'],
      ]);

      // Bad input is refused with a reason and changes nothing.
      assert.match((await store(page, 'keepGrade', a, { state: 'done' })).error, /TypeError: keepGrade: grade\.state is one of/);
      assert.match((await store(page, 'keepGrade', 'no_such_exercise', grade)).error, /no exercise named "no_such_exercise"/);
      assert.match((await store(page, 'keepHintsOpened', a, -1)).error, /whole number/);
      assert.deepEqual(await states(page), graded);

      // Hints opened only grow.
      await store(page, 'keepHintsOpened', a, 2);
      await store(page, 'keepHintsOpened', a, 1);
      assert.deepEqual((await store(page, 'exerciseRecord', a)).value, { hints_opened: 2, grade });
      assert.deepEqual((await store(page, 'exerciseRecord', b)).value, { hints_opened: 0, grade: { state: 'compiles' } });

      await store(page, 'flush');
      await reload(lab, PATH);
      assert.deepEqual(await states(page), graded, 'the marks come back after a reload');
      assert.deepEqual((await store(page, 'exerciseRecord', a)).value, { hints_opened: 2, grade });

      page.once('dialog', (dialog) => dialog.accept());
      await Promise.all([page.waitForEvent('load'), page.locator('button[data-action="reset-progress"]').click()]);
      await page.waitForFunction(labReady);
      assert.ok(Object.values(await states(page)).every((s) => s === 'not_started'));
      assert.deepEqual(await store(page, 'exerciseRecord', a), { value: null });
    },
    { path: PATH },
  );
});

test('a state saved before predictions, hints and grades were kept loads, and takes them from then on', async () => {
  await withLesson(
    'loops',
    async (lab) => {
      const { page, section } = lab;
      // Written as the next page starts, after this one has written what it still had pending.
      await page.addInitScript((key) => {
        const next = location.protocol.startsWith('http') && sessionStorage.getItem('next-progress');
        if (!next) return;
        localStorage.setItem(key, next);
        sessionStorage.removeItem('next-progress');
      }, KEY);
      const visited = '2024-05-01T10:00:00.000Z';
      const old = {
        format: 'kernel-lab-progress',
        version: 1,
        lessons: { loops: { visited, ran: visited, prediction: 'f32_matmul_ikj' } },
        code: {},
        builds: {},
      };
      await page.evaluate((state) => sessionStorage.setItem('next-progress', JSON.stringify(state)), old);
      await reload(lab, PATH);

      assert.equal(await section.locator('[data-prediction]').inputValue(), 'f32_matmul_ikj');
      assert.equal(await section.locator('[data-first-prediction]').count(), 0, 'no first prediction: no Run judged one');
      assert.equal(await page.locator('a[data-lesson="loops"] [data-nav-done]').count(), 1);
      assert.ok(Object.values(await states(page)).every((s) => s === 'not_started'));
      assert.deepEqual((await store(page, 'predictionRecord', 'loops')).value, { later: [] });

      const [{ name }] = await exercisesOf(page);
      await store(page, 'keepGrade', name, { state: 'correct' });
      assert.equal((await states(page))[name], 'correct');
    },
    { path: PATH },
  );
});
