// The first prediction of each question is kept: the one in force when a Run
// first gives a verdict. From then on the card shows it read-only beside the
// verdicts, later guesses are judged and kept as later tries, the records
// survive a reload, and Reset progress forgets them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, reload, runAndWait, withLesson } from './lab-page.mjs';
import { labReady } from '../../web/tools/headless.mjs';

const record = (page, lesson, question) =>
  page.evaluate(([l, q]) => self.kernelLabTest.session.progress.predictionRecord(l, q ?? undefined), [lesson, question ?? null]);

async function card(section) {
  const first = section.getByRole('textbox', { name: 'Your first prediction, kept' });
  return {
    firsts: await section.locator('[data-first-prediction]').count(),
    first: (await first.count()) ? { value: await first.inputValue(), readonly: await first.getAttribute('readonly') } : null,
    later: await section.locator('[data-later-try] .later-value').allTextContents(),
    guessEnabled: await section.locator('[data-prediction]').isEnabled(),
  };
}

test('the first prediction is locked at the first verdict, later guesses are kept as later tries, both survive a reload, and Reset forgets them', async () => {
  await withLesson(
    'loops',
    async (lab) => {
      const { page, section } = lab;
      const label = async (value) => (await section.locator(`[data-prediction] option[value="${value}"]`).textContent()).trim();
      await fill(section, { sizes: '16', min_time_s: 0.05 });

      await section.locator('[data-prediction]').selectOption('f32_matmul_ikj');
      await runAndWait(section);
      const ikj = await label('f32_matmul_ikj');
      assert.deepEqual(await card(section), { firsts: 1, first: { value: ikj, readonly: '' }, later: [], guessEnabled: true });
      assert.match(await section.locator('[data-first-prediction]').innerText(), /Its verdict is the one below/);

      await section.locator('[data-prediction]').selectOption('f32_matmul_jki');
      await runAndWait(section);
      const jki = await label('f32_matmul_jki');
      assert.deepEqual(await card(section), { firsts: 1, first: { value: ikj, readonly: '' }, later: [jki], guessEnabled: true });
      const kept = await record(page, 'loops');
      assert.equal(kept.first.value, 'f32_matmul_ikj', 'a later Run does not replace the first prediction');
      assert.deepEqual(
        kept.later.map((t) => t.value),
        ['f32_matmul_jki'],
      );
      for (const t of [kept.first, ...kept.later]) {
        assert.ok(['right', 'wrong', 'neutral'].includes(t.verdict.tone) && t.verdict.text.length > 0, 'each try keeps its verdict');
        assert.ok(Date.parse(t.at) <= Date.now());
      }
      assert.ok(kept.first.at < kept.later[0].at);

      await page.evaluate(() => self.kernelLabTest.session.progress.flush());
      await reload(lab, '/?test-hooks#/loops');
      assert.deepEqual(await card(section), { firsts: 1, first: { value: ikj, readonly: '' }, later: [jki], guessEnabled: true });
      assert.deepEqual(await record(page, 'loops'), kept);

      page.once('dialog', (dialog) => dialog.accept());
      await Promise.all([page.waitForEvent('load'), page.locator('button[data-action="reset-progress"]').click()]);
      await page.waitForFunction(labReady);
      assert.equal((await card(section)).firsts, 0);
      assert.deepEqual(await record(page, 'loops'), { later: [] });
    },
    { path: '/?test-hooks#/loops' },
  );
});

test('a first Run made before any prediction locks "none", and a guess typed after it is a later try', async () => {
  await withLesson(
    'loops',
    async ({ page, section }) => {
      await fill(section, { sizes: '16', min_time_s: 0.05 });
      await runAndWait(section);
      assert.deepEqual((await card(section)).first, { value: 'none: the first Run came before a prediction', readonly: '' });
      assert.equal((await record(page, 'loops')).first.value, '');
      await section.locator('[data-prediction]').selectOption('f32_matmul_ikj');
      await runAndWait(section);
      const kept = await record(page, 'loops');
      assert.equal(kept.first.value, '', 'a guess made after the results were seen is no first prediction');
      assert.deepEqual(
        kept.later.map((t) => t.value),
        ['f32_matmul_ikj'],
      );
    },
    { path: '/?test-hooks#/loops' },
  );
});

test('a lesson that asks several questions (threads) keeps a first prediction for each', async (t) => {
  await withLesson(
    'threads',
    async (lab) => {
      const { page, section } = lab;
      const experiment = section.locator('[name="experiment"]');
      if (await experiment.isDisabled()) {
        t.skip('this machine offers 1 thread only, so the lesson asks one question');
        return;
      }
      await fill(section, { sizes: '64', min_time_s: 0.05 });
      await section.locator('[data-prediction]').fill('1.5');
      await runAndWait(section);
      assert.deepEqual((await card(section)).first, { value: '1.5', readonly: '' });

      await experiment.selectOption('small');
      assert.equal((await card(section)).firsts, 0, "the sweep's first prediction is not the small sizes' one");
      await fill(section, { small_sizes: '16' });
      await section.locator('[data-prediction]').fill('64');
      await runAndWait(section);
      assert.deepEqual((await card(section)).first, { value: '64', readonly: '' });

      await experiment.selectOption('sweep');
      assert.deepEqual((await card(section)).first, { value: '1.5', readonly: '' });
      assert.equal((await record(page, 'threads')).first.value, '1.5', 'without a question: the one the lesson asks first');
      assert.equal((await record(page, 'threads', 'small')).first.value, '64');
      assert.deepEqual(Object.keys(await page.evaluate(() => self.kernelLabTest.session.progress.predictionRecords('threads'))).sort(), [
        'small',
        'sweep',
      ]);
    },
    { path: '/?test-hooks#/threads' },
  );
});
