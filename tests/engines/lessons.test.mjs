// In every engine, every lesson runs at a small size, in one page as a
// student would go through them, with every check passed, no error message
// and no console error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lessons } from '../../web/lessons/index.js';
import { enginesUnderTest, errorText, fill, openLesson, runAndWait, showLesson, texts } from './engine-page.mjs';
import { SMALL } from './small-runs.mjs';

test('the small runs cover every lesson, in teaching order', () => {
  assert.deepEqual(
    Object.keys(SMALL),
    lessons.map((lesson) => lesson.id),
  );
});

for (const engine of enginesUnderTest()) {
  describe(engine, () => {
    let lab;
    before(async () => {
      lab = await openLesson(engine, 'measuring');
    });
    after(() => lab?.close());

    for (const [lesson, values] of Object.entries(SMALL)) {
      test(`${engine}: ${lesson} runs at a small size and every check passes`, async () => {
        await showLesson(lab, lesson);
        await fill(lab, values);
        await runAndWait(lab);
        assert.equal(await errorText(lab), '');
        const checks = (await texts(lab, 'td[data-col="check"]')).filter((check) => !/not implemented/i.test(check));
        assert.ok(checks.length >= 1, 'at least one checked result');
        for (const check of checks) assert.match(check, /passed/);
        assert.notEqual((await texts(lab, '[data-verdict]')).join(''), '', 'a verdict');
        if (lesson === 'roofline') {
          // Both engines run relaxed SIMD: the card compares the two ceilings, and no kernel is above its roof.
          assert.match((await texts(lab, '[data-relaxed-measured]'))[0], /^Measured on 1 thread here: the FMA ceiling/);
          assert.deepEqual(await texts(lab, '[data-above-ceiling]:not([hidden])'), []);
        }
        assert.deepEqual(lab.problems, [], 'console errors or uncaught exceptions');
      });
    }
  });
}
