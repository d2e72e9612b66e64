// In every engine: the report names the browser and the clock grain, its JSON
// export holds every run, and importing that file compares each run with
// itself at a ratio of 1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../web/report/report-format.js';
import { enginesUnderTest, fill, runAndWait, showLesson, texts, visibleText, withLesson } from './engine-page.mjs';

// Keeps the text of every file the page saves (web/ui/download.js makes a
// blob URL of it), so the test reads exactly the bytes the page wrote,
// whatever the engine does with a download.
function keepDownloads() {
  globalThis.savedFiles = [];
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    globalThis.savedFiles.push(blob.text());
    return make(blob);
  };
}

const savedFile = (lab) => lab.tab.evaluate(async () => globalThis.savedFiles.shift());

// The machine facts of a report view, as {term: definition}.
const facts = (lab, attr) =>
  lab.tab.evaluate((selector) => {
    const terms = [...document.querySelectorAll(`${selector} dt`)].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]);
    return Object.fromEntries(terms);
  }, `[${attr}]`);

for (const engine of enginesUnderTest()) {
  test(`${engine}: the report names the engine and its clock, exports JSON, and imports it back at a ratio of 1`, () =>
    withLesson(engine, 'loops', async (lab) => {
      await fill(lab, { sizes: '17', min_time_s: 0.05 });
      await runAndWait(lab);
      await showLesson(lab, 'report');
      const here = await facts(lab, 'data-machine');
      assert.match(here.Browser, { chromium: /^Headless Chrome \d+ \(V8/, firefox: /^Firefox \d+ \(SpiderMonkey/ }[engine]);
      assert.match(here.Clock, /measured resolution \d+(\.\d+)? (µs|ms)$/);
      const runs = (await texts(lab, '[data-report-runs] td[data-col="kernel"]')).length;
      assert.ok(runs >= 6, `${runs} runs in the report`);

      await lab.tab.evaluate(keepDownloads);
      await lab.tab.click('[data-action="export-json"]');
      const text = await savedFile(lab);
      const report = parseReport(text);
      assert.equal(report.measurements.length, runs);
      assert.equal(report.machine.user_agent, await lab.tab.evaluate(() => navigator.userAgent));

      await lab.tab.setFile('section[data-lesson-view="report"] [data-import]', { name: 'mine.json', text });
      await lab.tab.waitFor(() => document.querySelector('[data-compare]').checkVisibility());
      assert.equal(await visibleText(lab, 'section[data-lesson-view="report"] [role="alert"][data-error]'), '');
      const ratios = await texts(lab, '[data-compare-matched] td[data-col="ratio"]');
      assert.deepEqual(ratios, Array(runs).fill('1.00×'));
      const there = await facts(lab, 'data-other-machine');
      assert.deepEqual({ ...there, Date: '' }, { ...here, Date: '' });
    }));
}
