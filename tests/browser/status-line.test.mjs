// The status line says what the lab is, in words only: no "null" or
// "undefined" slips in from a child that is not there (it read
// "Readynull · SIMD128 + 2 threads…" once), after loading, after a run, and
// after the worker crashed and was restarted ("Ready again.").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, runAndWait, withLesson } from './lab-page.mjs';

const statusText = (page) => page.locator('[data-lab-status]').textContent();

function assertClean(text, when) {
  assert.doesNotMatch(text, /null|undefined/, `${when}: ${text}`);
}

test('the status line has no "null" or "undefined", after loading, a run and a crash', async () => {
  await withLesson(
    'loops',
    async ({ page, section }) => {
      const loaded = await statusText(page);
      assertClean(loaded, 'after loading');
      assert.match(loaded, /^Ready · /);

      await fill(section, { sizes: '8', min_time_s: 0.05 });
      await runAndWait(section);
      assertClean(await statusText(page), 'after a run');

      await page.evaluate(() => self.kernelLabTest.lab.crashForTest('trap'));
      await page.waitForFunction(() => document.querySelector('[data-lab-status]').dataset.state === 'recovered', null, { timeout: 20000 });
      const recovered = await statusText(page);
      assertClean(recovered, 'after the worker was restarted');
      assert.match(recovered, /^Ready again\./);
    },
    { path: '/?test-hooks#/loops' },
  );
});
