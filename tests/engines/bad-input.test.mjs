// In every engine: each bad value gets the C++ validation message and runs
// nothing, a good run after it works and clears the message, and bad input
// after good results keeps them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enginesUnderTest, errorText, fill, rowCount, runAndWait, withLesson } from './engine-page.mjs';

const BAD = [
  [{ sizes: '', blocks: '8' }, /must be a number/],
  [{ sizes: 'abc', blocks: '8' }, /must be a number/],
  [{ sizes: '-5', blocks: '8' }, /at least 1/],
  [{ sizes: '0', blocks: '8' }, /at least 1/],
  [{ sizes: '2.5', blocks: '1' }, /whole number/],
  [{ sizes: '1e9', blocks: '8' }, /too large|MiB/],
  [{ sizes: '100000', blocks: '8' }, /largest square size that fits is N = [\d,]+/],
  [{ sizes: '64', blocks: '0' }, /at least 1/],
  [{ sizes: '64', blocks: 'NaN' }, /must be a number/],
  [{ sizes: '64', blocks: '16', min_time_s: '0' }, /Minimum time/],
  [{ sizes: '64', blocks: '16', min_time_s: 'x' }, /Minimum time/],
];

for (const engine of enginesUnderTest()) {
  test(`${engine}: each bad value gets its message and changes nothing`, () =>
    withLesson(engine, 'blocking', async (lab) => {
      for (const [values, message] of BAD) {
        await fill(lab, { min_time_s: 0.05, ...values });
        await runAndWait(lab);
        assert.match(await errorText(lab), message, JSON.stringify(values));
        assert.equal(await rowCount(lab), 0, JSON.stringify(values));
      }
      await fill(lab, { sizes: '24', blocks: '8', min_time_s: 0.05 });
      await runAndWait(lab);
      assert.equal(await errorText(lab), '', 'a good run clears the message');
      const timed = await rowCount(lab);
      assert.ok(timed >= 1);
      await fill(lab, { sizes: '-1' });
      await runAndWait(lab);
      assert.match(await errorText(lab), /at least 1/);
      assert.equal(await rowCount(lab), timed, 'the results are kept');
    }));
}
