// Page helpers for the tests that run in every browser engine: they speak only
// the engine-neutral tab (web/tools/engines/index.mjs), so one test drives
// Chromium through Playwright and Firefox through Puppeteer alike.
//
// LAB_ENGINES=firefox (a comma-separated list) limits the engines a run uses;
// by default it is all of them.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { chooseBuild } from '../../web/build-choice.js';
import { labReady, openLab } from '../../web/tools/headless.mjs';
import { answerWithin } from '../../web/tools/engines/answer-within.mjs';
import { ENGINES, shareBrowsers } from '../../web/tools/engines/index.mjs';

// Every lab a test file opens shares one Chromium, each in its own context.
after(shareBrowsers());

export const enginesUnderTest = () => (process.env.LAB_ENGINES ?? Object.keys(ENGINES).join(',')).split(',');

// The build notice a page that is not cross-origin isolated shows, as its text
// reads: the reason's backticks become <code>, which textContent drops.
export const notIsolatedNotice = () => chooseBuild({ simd: true, isolated: false }).reason.replaceAll('`', '');

// What the page was doing when it did not become ready, for the failure's message.
const STATE = () => ({
  url: location.href,
  status: document.querySelector('[data-lab-status]')?.textContent,
  notice: document.querySelector('[data-build-notice]')?.textContent,
  isolated: self.crossOriginIsolated,
  controlled: Boolean(navigator.serviceWorker?.controller),
});

// Opens the lab at path (by default the lesson's own) and waits until the
// lesson is shown. lab.lesson: the lesson the section helpers below act in.
export async function openLesson(engine, lesson, options = {}) {
  const lab = await openLab({ engine, path: `/#/${lesson}`, ...options });
  try {
    await lab.tab.waitFor(labReady, null, 60000).catch(async (error) => {
      const state = await answerWithin(lab.tab.evaluate(STATE), 5000, 'no answer').catch((e) => `unreadable (${e.message})`);
      throw new Error(`${error.message}; the page: ${JSON.stringify(state)}; its console errors: ${JSON.stringify(lab.problems)}`);
    });
    await showLesson(lab, lesson);
  } catch (error) {
    await lab.close();
    throw error;
  }
  return lab;
}

// Opens a lesson, runs body(lab), checks the page logged no error, and always closes it.
export async function withLesson(engine, lesson, body, options = {}) {
  const lab = await openLesson(engine, lesson, options);
  try {
    await body(lab);
    assert.deepEqual(lab.problems, [], 'console errors or uncaught exceptions');
  } finally {
    await lab.close();
  }
}

// Moves to a lesson through its link in the navigation, as a student does.
export async function showLesson(lab, lesson) {
  if (!(await lab.tab.evaluate((id) => location.hash === `#/${id}`, lesson))) await lab.tab.click(`a[data-lesson="${lesson}"]`);
  await lab.tab.waitFor((id) => document.querySelector(`section[data-lesson-view="${id}"]`)?.checkVisibility(), lesson);
  lab.lesson = lesson;
}

// A selector inside the current lesson's section.
export const inLesson = (lab, selector = '') => `section[data-lesson-view="${lab.lesson}"] ${selector}`;

export async function fill(lab, values) {
  for (const [name, value] of Object.entries(values)) await lab.tab.fill(inLesson(lab, `[name="${name}"]`), value);
}

// Clicks Run and waits until the lesson is idle again. A disabled Run (another
// run holds the lab) would start nothing, and the wait would see the old page.
export async function runAndWait(lab, timeout = 120000) {
  const run = inLesson(lab, 'button[data-action="run"]');
  assert.equal(await lab.tab.evaluate((s) => document.querySelector(s).disabled, run), false, 'Run is enabled');
  await lab.tab.click(run);
  await lab.tab.waitFor((section) => document.querySelector(section).dataset.running === 'false', inLesson(lab), timeout);
}

// The trimmed text of every element the selector finds in the current lesson.
export const texts = (lab, selector) =>
  lab.tab.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim()), inLesson(lab, selector));

// The text of the first visible element the selector finds on the page, or ''.
export const visibleText = (lab, selector) =>
  lab.tab.evaluate((s) => {
    const found = [...document.querySelectorAll(s)].find((e) => e.checkVisibility());
    return found ? found.textContent.trim() : '';
  }, selector);

// The lesson's error message, or '' when it shows none.
export const errorText = (lab) => visibleText(lab, inLesson(lab, '[role="alert"][data-error]'));

export const rowCount = async (lab) => (await texts(lab, 'table[data-results] tbody tr')).length;
