// The instructor's page with the real grader and compiler, end to end, the
// one grade test that compiles: a submission whose file claims far more than
// its kernel does is regraded here, and the table shows what was measured,
// the claim flagged; and the records the real grader writes (fast, slow,
// mistaken) are what a submission file carries and reads back. The other
// grade tests fake the grader (grade-page.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withLesson } from './lab-page.mjs';
import { MACHINE, fakeProgress, gradeRecord } from './grade-fixtures.mjs';
import { sourcesFor } from './exercise-sources.mjs';
import { buildSubmission, exerciseKernels, parseSubmission } from '../../web/grade/submission-format.js';

const RELU = 'f32_relu_student_wasmsimd';

test('a regrade compiles, checks and times a submission here; its claim of 1000× is flagged', { timeout: 300000 }, () =>
  withLesson(
    'grade',
    async ({ page, section }) => {
      const catalog = await page.evaluate(() => self.kernelLabTest.session.catalog);
      const kernel = catalog.kernels.find((k) => k.name === RELU);
      const text = buildSubmission({
        student: 'Ada',
        catalog,
        progress: fakeProgress({
          work: {
            [RELU]: {
              text: sourcesFor(RELU).correct.source,
              flags: { opt: 'O2', simd: true, autovec: true },
              grade: gradeRecord(kernel, { ratio: 1000 }),
            },
          },
        }),
        machine: MACHINE,
        created: '2026-12-02T09:30:00.000Z',
      });
      await section.locator('#grade-import').setInputFiles({ name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await section.locator('[data-action="regrade"]').click();
      await page.waitForFunction(() => document.querySelector('[data-lesson-view="grade"]').dataset.busy === 'false', null, {
        timeout: 240000,
      });
      const cell = (id) => section.locator(`table[data-class] tbody [data-col="${id}"]`);
      assert.equal(
        await section.locator('[data-grade-outcome]').isVisible(),
        false,
        await section.locator('[data-grade-outcome]').textContent(),
      );
      assert.equal((await cell(`${RELU}.state`).textContent()).trim(), 'correct and fast enough');
      const ratio = Number(await cell(`${RELU}.speedup`).getAttribute('data-value'));
      assert.ok(ratio >= kernel.exercise.bar.ratio && ratio < 1000 / 1.5, `measured ${ratio}× here`);
      assert.equal(
        (await cell(`${RELU}.claimed`).textContent()).trim(),
        `correct and fast enough, 1000×; ⚠ far from the regraded ${ratio.toPrecision(3)}×`,
      );
      for (const other of exerciseKernels(catalog).filter((k) => k.name !== RELU)) {
        assert.equal((await cell(`${other.name}.state`).textContent()).trim(), 'not started', `${other.name}: no source, nothing compiled`);
      }

      // What the grader writes, a submission carries: each record in a file of its own reads back whole.
      const sources = sourcesFor(RELU);
      const records = await page.evaluate(
        async ([name, texts]) => {
          const { session } = self.kernelLabTest;
          const { gradeExercise } = await import('/grade/grade-exercise.js');
          const { compilerHandle } = await import('/ui/compiler-handle.js');
          const { client } = await compilerHandle();
          const flags = { opt: 'O2', simd: true, autovec: true };
          const graded = [];
          for (const source of texts)
            graded.push(
              (await gradeExercise({ session, compiler: client, exercise: session.kernel(name), source, flags, label: 'test' })).record,
            );
          return graded;
        },
        [RELU, [sources.correct.source, sources.slow.source, sources.mistaken.source]],
      );
      assert.deepEqual(
        records.map((r) => r.state),
        ['fast', 'correct', 'compiles'],
      );
      for (const record of records) {
        const work = { [RELU]: { text: sources.correct.source, flags: record.compile.flags, grade: record } };
        const file = buildSubmission({ student: 'Ada', catalog, progress: fakeProgress({ work }), machine: MACHINE, created: record.at });
        const parsed = parseSubmission(file, catalog);
        assert.equal(parsed.ok, true, `${record.state}: ${parsed.error}`);
        assert.deepEqual(parsed.submission.exercises.find((e) => e.name === RELU).grade, record);
      }
    },
    { path: '/?test-hooks#/grade' },
  ),
);
