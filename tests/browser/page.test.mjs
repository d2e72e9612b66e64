// The page loads cleanly, isolated, and lists exactly the catalog's lessons and kernels.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openLesson } from './lab-page.mjs';

let lab;
before(async () => {
  lab = await openLesson('measuring');
});
after(async () => {
  await lab?.close();
});

test('the page loads with no console errors and is cross-origin isolated', async () => {
  assert.equal(await lab.page.evaluate(() => self.crossOriginIsolated), true);
  assert.deepEqual(lab.problems, []);
});

test('the status shows the measured clock resolution', async () => {
  const status = await lab.page.locator('[data-lab-status]').textContent();
  assert.match(status, /performance\.now/);
  assert.match(status, /µs|us|ms/);
});

test('every lesson of the catalog has a view and a nav link', async () => {
  const lessons = await lab.page.evaluate(async () => {
    const { LabClient } = await import('/lab-client.js');
    const client = new LabClient();
    const catalog = await client.start();
    return [...new Set(catalog.kernels.map((k) => k.lesson))];
  });
  for (const lesson of lessons) {
    assert.equal(await lab.page.locator(`a[data-lesson="${lesson}"]`).count(), 1, lesson);
    assert.equal(await lab.page.locator(`section[data-lesson-view="${lesson}"]`).count(), 1, lesson);
  }
});

test('each lesson shows the compiled C++ source of its kernels', async () => {
  const catalog = await lab.page.evaluate(async () => {
    const { LabClient } = await import('/lab-client.js');
    return new LabClient().start();
  });
  for (const kernel of catalog.kernels) {
    await lab.page.locator(`a[data-lesson="${kernel.lesson}"]`).click();
    const pre = lab.page.locator(`section[data-lesson-view="${kernel.lesson}"] pre[data-source="${kernel.source}"]`);
    await pre.waitFor({ state: 'attached', timeout: 10000 });
    await lab.page.waitForFunction((el) => el.textContent.includes('('), await pre.elementHandle());
    // A file compiled twice (scalar and autovec) names its function through LAB_C_VARIANT(stem).
    const stem = kernel.name.replace(/_(scalar|autovec)$/, '');
    // A relaxed-SIMD kernel's file is a module of its own: its function is the module's entry.
    const defines = kernel.variant === 'relaxed_simd' ? 'LAB_RELAXED_ENTRY\\(' : `${kernel.name}\\(|LAB_C_VARIANT\\(${stem}\\)\\(`;
    assert.match(await pre.textContent(), new RegExp(defines), kernel.name);
  }
});
