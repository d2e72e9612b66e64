// The worker's module crashes mid-run, by a trap and by running out of memory
// (through the test hook LabClient.crashForTest, reached with ?test-hooks):
// the lesson and the status line say what happened, the rows and the
// measurements from before stay, and the next run works in the same page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorText, fill, rows, runAndWait, withLesson } from './lab-page.mjs';

const tableText = (section) => section.locator('table[data-results] tbody').innerText();
const measurements = (page) => page.evaluate(() => self.kernelLabTest.session.measurements.map((m) => m.result.timing.median_s));
const statusLine = (page) => page.locator('[data-lab-status]');

for (const [kind, message] of [
  ['trap', /crashed \(unreachable\)/],
  ['out_of_memory', /ran out of memory \(Aborted\(OOM\)\)/],
]) {
  test(`a ${kind} mid-run: the page says so, keeps its results, and runs again`, async () => {
    await withLesson(
      'loops',
      async ({ page, section }) => {
        await fill(section, { sizes: '16', min_time_s: 0.05 });
        await runAndWait(section);
        const rowsBefore = await (await rows(section)).count();
        const textBefore = await tableText(section);
        const measuredBefore = await measurements(page);
        assert.ok(rowsBefore >= 6 && measuredBefore.length >= 6);

        // A run long enough to be inside when the crash comes.
        await fill(section, { sizes: '128', min_time_s: 5 });
        await section.locator('button[data-action="run"]').click();
        await page.waitForFunction(() => document.querySelector('progress[data-progress]:not([hidden])')?.value > 0);
        await page.evaluate((k) => self.kernelLabTest.lab.crashForTest(k), kind);
        await page.waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 20000 });

        assert.match(await errorText(section), message);
        assert.match(await errorText(section), /results measured before are kept/);
        assert.match(await section.locator('[data-verdict]').innerText(), /stopped before it finished/);
        assert.equal(await tableText(section), textBefore, 'the earlier rows are kept, and no row was added');
        assert.deepEqual(await measurements(page), measuredBefore, 'the session keeps its measurements');
        await page.waitForFunction(() => document.querySelector('[data-lab-status]').dataset.state === 'recovered', null, {
          timeout: 20000,
        });
        assert.match(await statusLine(page).innerText(), message);
        assert.match(await statusLine(page).innerText(), /^Ready again\./);

        await fill(section, { sizes: '16', min_time_s: 0.05 });
        await runAndWait(section);
        assert.equal(await errorText(section), '');
        assert.equal(await (await rows(section)).count(), 2 * rowsBefore);
        assert.ok((await tableText(section)).startsWith(textBefore));
        assert.equal((await measurements(page)).length, 2 * measuredBefore.length);
      },
      { path: '/?test-hooks#/loops' },
    );
  });
}

test('a crash while idle is recovered before the next run', async () => {
  await withLesson(
    'loops',
    async ({ page, section }) => {
      await page.evaluate(() => self.kernelLabTest.lab.crashForTest('trap'));
      await fill(section, { sizes: '8', min_time_s: 0.05 });
      await runAndWait(section);
      assert.equal(await errorText(section), '');
      assert.ok((await (await rows(section)).count()) >= 6);
      assert.match(await statusLine(page).innerText(), /crashed \(unreachable\)/);
    },
    { path: '/?test-hooks#/loops' },
  );
});
