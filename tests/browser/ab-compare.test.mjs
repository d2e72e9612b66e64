// The interleaved A/B comparison panels (web/ui/ab-compare-panel.js) in the
// real page: the Measuring lesson's two comparisons end to end, Cancel, a run
// that crashes, and a lesson's own comparison feeding its verdict. Few, short
// rounds (the panel's own fields), so the tests stay quick; no verdict is
// asserted where noise could flip it, only structure and that the words
// match the numbers shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, runAndWait, withLesson } from './lab-page.mjs';

const ROUNDS = 6;
const idle = async (panel) =>
  panel.page().waitForFunction((el) => el.dataset.running === 'false', await panel.elementHandle(), { timeout: 60000 });

async function compare(panel, { rounds = ROUNDS, minTime = 0.005 } = {}) {
  const id = await panel.getAttribute('data-ab');
  await panel.locator(`input[name="${id}-rounds"]`).fill(String(rounds));
  await panel.locator(`input[name="${id}-min-time"]`).fill(String(minTime));
  await panel.locator('button[data-action="run-ab"]').click();
  await idle(panel);
}

const times = (text) => [...text.matchAll(/(\d+(?:\.\d+)?)×/g)].map((m) => Number(m[1]));

// The panel's numbers agree with each other: the rounds listed, their median,
// the interval's ends among them, and the verdict the interval implies.
async function assertConsistent(panel) {
  assert.equal(await panel.locator('[data-ab-error]').isHidden(), true, await panel.locator('[data-ab-error]').innerText());
  const rounds = times(await panel.locator('[data-ab-rounds]').innerText());
  assert.equal(rounds.length, ROUNDS, await panel.innerText());
  const [median, low, high] = times(await panel.locator('[data-ab-ratio]').innerText());
  const sorted = [...rounds].sort((a, b) => a - b);
  const expected = (sorted[ROUNDS / 2 - 1] + sorted[ROUNDS / 2]) / 2;
  assert.ok(Math.abs(median - expected) / expected < 0.01, `median ${median} of ${sorted}`);
  assert.match(await panel.locator('[data-ab-ratio]').innerText(), new RegExp(`interval of ${ROUNDS} rounds`));
  const interval = await panel.locator('[data-ab-interval]').innerText();
  // Six rounds: the sign test's pair is the smallest and largest (k = 1).
  assert.match(interval, /from the 1st smallest of the 6 rounds’ ratios .* to the 1st largest/);
  const [kLow, kHigh] = times(interval);
  assert.ok(Math.abs(kLow - sorted[0]) < 0.006 && Math.abs(kHigh - sorted.at(-1)) < 0.006, `${interval} against ${sorted}`);
  assert.ok(low <= kLow + 0.006 && high >= kHigh - 0.006, `the interval shown is the pair, or wider for drift: ${await panel.innerText()}`);
  const verdict = await panel.locator('[data-ab-verdict]').innerText();
  const drift = await panel.locator('[data-ab-drift]').innerText();
  assert.match(drift, /Drift reference .* GFLOP\/s/);
  // The ends are shown to two decimals, so an interval from 1.002× reads "1.00×"
  // and says faster: the words are checked against the ends as shown.
  if (/no verdict/.test(verdict)) assert.match(verdict, /more than the 25% a verdict can stand/);
  else if (/: faster\./.test(verdict)) assert.ok(low >= 1, verdict);
  else if (/: slower\./.test(verdict)) assert.ok(high <= 1, verdict);
  else {
    assert.match(verdict, /: no difference this machine can show\./);
    assert.ok(low <= 1 && high >= 1, verdict);
  }
  return { low, high, verdict };
}

test('the Measuring lesson compares a real difference and an A/A test, with words that match the numbers', async () => {
  await withLesson('measuring', async ({ section }) => {
    const real = section.locator('[data-ab="measuring-ab-real"]');
    const same = section.locator('[data-ab="measuring-ab-same"]');
    assert.match(await real.locator('.ab-sides').innerText(), /A: ReLU SIMD128\s+B: ReLU scalar/);
    assert.match(await same.locator('.ab-sides').innerText(), /A: ReLU SIMD128 \(A\)\s+B: ReLU SIMD128 \(B\)/);
    await compare(real);
    await assertConsistent(real);
    await compare(same);
    await assertConsistent(same);
    const notes = await section.locator('[data-ab-notes]').innerText();
    assert.match(notes, /ReLU SIMD128 against ReLU scalar/);
    assert.match(notes, /The A\/A test gave/);
    assert.equal(await real.locator('canvas').count(), 1, 'the rounds are drawn');
  });
});

test('Cancel stops a comparison, says so, and the page runs again', async () => {
  await withLesson('measuring', async ({ page, section }) => {
    const panel = section.locator('[data-ab="measuring-ab-real"]');
    await panel.locator('input[name="measuring-ab-real-rounds"]').fill('20');
    await panel.locator('input[name="measuring-ab-real-min-time"]').fill('0.2');
    await panel.locator('button[data-action="run-ab"]').click();
    await page.waitForFunction((el) => el.querySelector('progress').value > 0, await panel.elementHandle());
    assert.ok(await section.locator('button[data-action="run"]').isDisabled(), 'the lesson waits while the comparison runs');
    await panel.locator('button[data-action="cancel-ab"]').click();
    await idle(panel);
    assert.match(await panel.locator('[data-ab-error]').innerText(), /Cancelled/);
    assert.equal(await panel.locator('[data-ab-verdict]').isHidden(), true);
    assert.ok(await section.locator('button[data-action="run"]').isEnabled());
    await fill(section, { n: 24, min_time_s: 0.05 });
    await runAndWait(section);
    assert.equal(await section.locator('table[data-results] tbody tr').count(), 1);
    await compare(panel);
    await assertConsistent(panel);
    assert.equal(await panel.locator('[data-ab-error]').isHidden(), true, 'the next comparison clears the message');
  });
});

test('a run that crashes mid-comparison is reported in the panel', async () => {
  await withLesson(
    'measuring',
    async ({ page, section }) => {
      const panel = section.locator('[data-ab="measuring-ab-same"]');
      await panel.locator('input[name="measuring-ab-same-min-time"]').fill('0.3');
      await panel.locator('button[data-action="run-ab"]').click();
      await page.waitForFunction((el) => el.querySelector('progress').value > 0, await panel.elementHandle());
      await page.evaluate(() => self.kernelLabTest.lab.crashForTest('trap'));
      await idle(panel);
      assert.match(await panel.locator('[data-ab-error]').innerText(), /The comparison stopped: .*crashed/);
      assert.equal(await panel.locator('[data-ab-verdict]').isHidden(), true);
    },
    { path: '/?test-hooks#/measuring' },
  );
});

test('a lesson’s own A/B comparison runs and its verdict gives the result', async () => {
  await withLesson('vectorization', async ({ section }) => {
    const panel = section.locator('[data-ab="vectorization-ab"]');
    await compare(panel);
    await assertConsistent(panel);
    await fill(section, { relu_sizes: '4096', min_time_s: 0.05 });
    await runAndWait(section);
    assert.match(await section.locator('[data-verdict]').innerText(), /Interleaved A\/B: .* ran .* as fast as/);
  });
});
