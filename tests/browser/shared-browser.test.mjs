// A test file's labs share one Chromium (shareBrowsers, turned on by
// lab-page.mjs), yet each must start from nothing, as a student's first visit
// does: its own context, so nothing one lab stored reaches the next. Cookies
// show it, since they ignore the port that gives each lab its own origin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLab } from '../../web/tools/headless.mjs';
import './lab-page.mjs';

const cookies = (lab) => lab.page.evaluate(() => document.cookie);

test('labs opened one after another share a browser, not what they stored', async () => {
  const first = await openLab();
  let second;
  try {
    await first.page.evaluate(() => {
      document.cookie = 'left-by=first-lab';
    });
    assert.equal(await cookies(first), 'left-by=first-lab');
    second = await openLab();
    assert.equal(second.browser, first.browser, 'one Chromium for both');
    assert.equal(await cookies(second), '');
  } finally {
    await second?.close();
    await first.close();
  }
  const third = await openLab();
  try {
    assert.equal(third.browser.isConnected(), true, 'closing a lab closed only its context');
    assert.equal(await cookies(third), '');
  } finally {
    await third.close();
  }
});

test('a lab that asks for other Chromium flags gets a browser of its own', async () => {
  const plain = await openLab();
  try {
    const flagged = await openLab({ args: ['--js-flags=--no-liftoff'] });
    try {
      assert.notEqual(flagged.browser, plain.browser);
    } finally {
      await flagged.close();
    }
  } finally {
    await plain.close();
  }
});
