// Each lesson runs at a small size and shows measured numbers with a passed check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait } from './lab-page.mjs';

async function checkRows(section, expectedAtLeast) {
  const table = await rows(section);
  const count = await table.count();
  assert.ok(count >= expectedAtLeast, `expected >= ${expectedAtLeast} rows, got ${count}`);
  let measured = 0;
  for (let i = 0; i < count; i++) {
    const check = (await table.nth(i).locator('td[data-col="check"]').textContent()).trim();
    if (/not implemented/i.test(check)) continue; // the student's stubs
    assert.match(check, /passed/);
    const gflops = Number((await table.nth(i).locator('td[data-col="gflops"]').textContent()).trim());
    assert.ok(gflops > 0 && Number.isFinite(gflops), `GFLOP/s ${gflops}`);
    measured++;
  }
  return measured;
}

test('Measuring: a run shows statistics, a histogram and a verdict', async () => {
  await withLesson('measuring', async (lab) => {
    await fill(lab.section, { n: 32, min_time_s: 0.2 });
    await runAndWait(lab.section);
    assert.ok((await checkRows(lab.section, 1)) >= 1);
    assert.ok((await lab.section.locator('[data-chart] canvas').count()) >= 1);
    assert.notEqual((await lab.section.locator('[data-verdict]').textContent()).trim(), '');
  });
});

test('Loops: every loop order runs and the student stub says not implemented', async () => {
  await withLesson('loops', async (lab) => {
    await fill(lab.section, { sizes: '17,32', min_time_s: 0.05 });
    await runAndWait(lab.section);
    const measured = await checkRows(lab.section, 12);
    assert.equal(measured, 12); // six orders at two sizes
    const stub = lab.section.locator('td[data-col="check"]', { hasText: /not implemented/i });
    assert.ok((await stub.count()) >= 1);
    assert.notEqual((await lab.section.locator('[data-verdict]').textContent()).trim(), '');
  });
});

test('Blocking: a block sweep runs and blocks larger than N are skipped', async () => {
  await withLesson('blocking', async (lab) => {
    await fill(lab.section, { sizes: '33', blocks: '8,16,64', min_time_s: 0.05 });
    await runAndWait(lab.section);
    assert.ok((await checkRows(lab.section, 2)) >= 2);
    const blocks = await lab.section.locator('td[data-col="block"]').allTextContents();
    assert.ok(!blocks.map((b) => b.trim()).includes('64'), `block 64 > N=33 should be skipped: ${blocks}`);
  });
});
