// In every engine, the Measuring lesson's notes hold at the clock grain the
// browser gives, fine in an isolated page and coarse in one that is not: each
// sample lasts at least 100 ticks, so a tick is at most 1% of it, and the
// coarser clock gets the larger batch. The grains are the ones the lesson and
// the README quote; a browser that changes them fails here, so the text is
// corrected with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enginesUnderTest, fill, runAndWait, texts, visibleText, withLesson } from './engine-page.mjs';

const RUN = { kernel: 'f32_matmul_ijk', n: 32, min_time_s: 0.2 };
// Per engine: the grain in an isolated page, and in one that is not.
const GRAINS = { chromium: ['5.00 µs', '100 µs'], firefox: ['20.0 µs', '1.00 ms'] };

// The run's batch, its ticks per sample and a tick's share, as the notes give them.
async function measure(lab) {
  await fill(lab, RUN);
  await runAndWait(lab);
  const notes = (await texts(lab, '[data-notes] li')).join('\n');
  const sample = /batch of ([\d,]+) calls?, about .+ or ([\d,]+) clock ticks, so one tick is ([\d.]+)% of a sample/.exec(notes);
  assert.ok(sample, notes);
  const grain = await visibleText(lab, `section[data-lesson-view="measuring"] [data-grain]`);
  assert.match(notes, new RegExp(`The clock's grain was ${grain.replace('.', '\\.')}, so the warm-up chose a batch that lasts at least`));
  const [batch, ticks, share] = sample.slice(1).map((s) => Number(s.replaceAll(',', '')));
  return { batch, ticks, share, grain, notes };
}

for (const engine of enginesUnderTest()) {
  test(`${engine}: a tick stays at most 1% of a sample at a fine and a coarse grain, and the coarse one batches more`, async () => {
    let fine;
    let coarse;
    await withLesson(engine, 'measuring', async (lab) => {
      fine = await measure(lab);
    });
    await withLesson(
      engine,
      'measuring',
      async (lab) => {
        coarse = await measure(lab);
      },
      { isolate: false, serviceWorkers: 'block' },
    );
    for (const run of [fine, coarse]) {
      assert.ok(run.ticks >= 100, run.notes);
      assert.ok(run.share <= 1, run.notes);
    }
    assert.deepEqual([fine.grain, coarse.grain], GRAINS[engine]);
    assert.ok(coarse.batch > fine.batch, `${coarse.batch} calls at ${coarse.grain}, ${fine.batch} at ${fine.grain}`);
  });
}
