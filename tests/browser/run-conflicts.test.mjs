// Runs that could collide: Cancel inside one long kernel call, two quick Run
// clicks, a Run in another lesson or panel while one goes, and a form edited
// while its run goes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorText, fill, rows, runAndWait, withLesson } from './lab-page.mjs';

const running = (section) => section.evaluate((el) => el.dataset.running === 'true');

test('Cancel stops one long kernel call, and the next run works', async () => {
  await withLesson('measuring', async ({ page, section }) => {
    // The cold single shot of the naive loop at N = 1536: seconds in one call, no sample to stop between.
    await fill(section, { kernel: 'f32_matmul_ijk', n: 1536, min_time_s: 0.05 });
    await section.locator('button[data-action="run"]').click();
    await page.waitForFunction(() => document.querySelector('progress[data-progress]:not([hidden])'));
    await page.waitForTimeout(500);
    const started = Date.now();
    await section.locator('button[data-action="cancel"]').click();
    await page.waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 5000 });
    assert.ok(Date.now() - started < 5000);
    assert.equal(await (await rows(section)).count(), 0);
    assert.match(await section.locator('[data-verdict]').innerText(), /stopped before it finished/);

    await fill(section, { n: 24 });
    await runAndWait(section);
    assert.equal(await errorText(section), '');
    assert.equal(await (await rows(section)).count(), 1);
  });
});

test('two quick Run clicks make one run; another lesson and the ladder are refused meanwhile; the form is locked', async () => {
  await withLesson('loops', async ({ page, section }) => {
    await fill(section, { sizes: '16,96', min_time_s: 0.3 });
    const run = section.locator('button[data-action="run"]');
    await run.evaluate((button) => {
      button.click();
      button.click();
    });
    assert.ok(await running(section));
    assert.ok(await section.locator('input[name="sizes"]').isDisabled(), 'the form shows the values being run');

    await page.evaluate(() => {
      location.hash = '#/blocking';
    });
    const other = page.locator('section[data-lesson-view="blocking"]');
    assert.ok(await other.locator('button[data-action="run"]').isDisabled());
    assert.match(await other.locator('.run-controls .run-line').innerText(), /Loop order lesson is running/);

    await page.evaluate(() => {
      location.hash = '#/roofline';
    });
    const ladder = page.locator('[data-panel="ladder"]');
    await ladder.locator('button[data-action="run-ladder"]').click();
    assert.match(await ladder.locator('[data-panel-error]').innerText(), /Loop order lesson is running/);
    assert.equal(await ladder.locator('table[data-ladder]').count(), 0);

    await page.evaluate(() => {
      location.hash = '#/loops';
    });
    await page.waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 60000 });
    // One sweep's rows, in its order: every kernel at 16, then every kernel at 96.
    const sizes = await section.locator('table[data-results] td[data-col="n"]').allInnerTexts();
    const kernels = sizes.length / 2;
    assert.deepEqual(sizes, [...Array(kernels).fill('16'), ...Array(kernels).fill('96')]);
    assert.ok(await section.locator('input[name="sizes"]').isEnabled());
  });
});

test('the ladder names the N its rows were measured at', async () => {
  await withLesson('roofline', async ({ section }) => {
    const ladder = section.locator('[data-panel="ladder"]');
    await ladder.locator('input[name="ladder_n"]').fill('24');
    await ladder.locator('input[name="ladder_min_time"]').fill('0.05');
    await ladder.locator('button[data-action="run-ladder"]').click();
    await ladder.locator('table[data-ladder]').waitFor();
    assert.ok(await ladder.locator('input[name="ladder_n"]').isDisabled());
    await section.page().waitForFunction((el) => el.dataset.running === 'false', await ladder.elementHandle(), { timeout: 60000 });
    await ladder.locator('input[name="ladder_n"]').fill('40');
    assert.equal(await ladder.locator('[data-ladder-n]').innerText(), 'Every step at N = 24');
  });
});
