// Bad input gets the C++ validation message, changes nothing, and the page keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { errorText, fill, openLesson, rows, runAndWait } from './lab-page.mjs';

let lab;
before(async () => {
  lab = await openLesson('blocking');
});
after(async () => {
  await lab?.close();
});

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

test('each bad value shows a clear message and runs nothing', async () => {
  for (const [values, message] of BAD) {
    await fill(lab.section, { min_time_s: 0.05, ...values });
    await runAndWait(lab.section);
    assert.match(await errorText(lab.section), message, JSON.stringify(values));
    assert.equal(await (await rows(lab.section)).count(), 0, JSON.stringify(values));
  }
});

test('after bad input, a good run works and clears the error', async () => {
  await fill(lab.section, { sizes: '24', blocks: '8', min_time_s: 0.05 });
  await runAndWait(lab.section);
  assert.equal(await errorText(lab.section), '');
  assert.ok((await (await rows(lab.section)).count()) >= 1);
  assert.deepEqual(lab.problems, []);
});

test('a bad value after good results keeps the results', async () => {
  const before = await (await rows(lab.section)).count();
  await fill(lab.section, { sizes: '-1' });
  await runAndWait(lab.section);
  assert.match(await errorText(lab.section), /at least 1/);
  assert.equal(await (await rows(lab.section)).count(), before);
});
