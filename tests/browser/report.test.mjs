// The lab report in the page: runs timed in two lessons appear under their
// lessons, live; the JSON export imports back identically (every ratio 1);
// the CSV export has a header and a line per run; a bad file changes nothing;
// the print view shows the figures without navigation or buttons.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { parseReport } from '../../web/report/report-format.js';
import { CSV_HEADER } from '../../web/report/report-csv.js';
import { openLesson, fill, runAndWait } from './lab-page.mjs';

let lab;
let report;

const texts = async (locator) => (await locator.allTextContents()).map((t) => t.trim());
const cells = (scope, col) => texts(scope.locator(`table[data-results] tbody td[data-col="${col}"]`));

async function runLesson(id, values) {
  await lab.page.locator(`a[data-lesson="${id}"]`).click();
  const section = lab.page.locator(`section[data-lesson-view="${id}"]`);
  await fill(section, values);
  await runAndWait(section);
  return section;
}

async function downloaded(action) {
  const [download] = await Promise.all([lab.page.waitForEvent('download'), report.locator(`[data-action="${action}"]`).click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

// Imports `text` as the file `name` and waits until the page has read it.
async function importFile(name, text) {
  await report.locator('[data-import]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await lab.page.waitForFunction((file) => {
    const alert = document.querySelector('[data-lesson-view="report"] [role="alert"][data-error]');
    const compare = document.querySelector('[data-compare]');
    return (!alert.hidden && alert.textContent.startsWith(file)) || (alert.hidden && !compare.hidden);
  }, name);
}

const alertText = async () =>
  (await report.locator('[role="alert"][data-error]').isVisible())
    ? (await report.locator('[role="alert"][data-error]').textContent()).trim()
    : '';

before(async () => {
  lab = await openLesson('report');
  report = lab.section;
  assert.equal(await report.locator('[data-report-empty]').isVisible(), true, 'an empty report says so');
  assert.equal(await report.locator('[data-action="export-json"]').isDisabled(), true);
  await runLesson('fusion', { experiment: 'gelu', gelu_sizes: '1000,4099', min_time_s: 0.05 });
  await runLesson('threads', { sizes: '33', min_time_s: 0.05 });
  await lab.page.locator('a[data-lesson="report"]').click();
  await report.waitFor({ state: 'visible' });
});
after(async () => {
  assert.deepEqual(lab?.problems ?? [], [], 'console errors or uncaught exceptions');
  await lab?.close();
});

test('the report lists every run under its lesson, in teaching order, with the lesson’s own figures', async () => {
  const page = lab.page;
  assert.equal(await page.title(), 'Lab report · Kernel Lab');
  assert.equal(await page.locator('a[data-lesson="report"]').getAttribute('aria-current'), 'page');
  assert.equal(await report.locator('[data-report-empty]').isVisible(), false);
  assert.deepEqual(await report.locator('[data-report-lesson]').evaluateAll((cards) => cards.map((c) => c.dataset.reportLesson)), [
    'threads',
    'fusion',
  ]);

  for (const id of ['threads', 'fusion']) {
    const lesson = page.locator(`section[data-lesson-view="${id}"]`);
    const group = report.locator(`[data-report-lesson="${id}"]`);
    assert.match(await group.locator('h2').textContent(), id === 'threads' ? /^Lesson 4 · Threads$/ : /^Lesson 5 · Fusion$/);
    for (const col of ['kernel', 'threads', 'median', 'ci', 'gflops', 'check']) {
      assert.deepEqual(await cells(group, col), await cells(lesson, col), `${id}: ${col}`);
    }
  }
  const fusion = report.locator('[data-report-lesson="fusion"]');
  assert.deepEqual(await cells(fusion, 'shape'), ['N = 1000', 'N = 1000', 'N = 4099', 'N = 4099']);
  const threads = report.locator('[data-report-lesson="threads"]');
  for (const shape of await cells(threads, 'shape')) assert.equal(shape, '33 × 33 × 33');
  for (const samples of await cells(report, 'samples')) assert.ok(Number(samples) >= 10, samples);
  for (const check of await cells(report, 'check')) assert.match(check, /^passed/);

  const runs = (await cells(report, 'kernel')).length;
  assert.ok(runs >= 5, `${runs} runs`);
  assert.match(
    await report.locator('[data-summary-counts]').textContent(),
    new RegExp(`^${runs} timed runs of 3 kernels in 2 lessons: 4 · Threads, 5 · Fusion\\.$`),
  );
  assert.deepEqual(await report.locator('[data-best] tr[data-operation]').evaluateAll((rows) => rows.map((r) => r.dataset.operation)), [
    'f32_gelu',
    'f32_matmul',
  ]);
  const machine = await report.locator('[data-machine]').textContent();
  assert.match(machine, /Buildkernel_lab: wasm SIMD128, threads/);
  assert.match(machine, /Clockperformance\.now.*resolution [\d.]+ µs/);
  assert.match(machine, /Cross-origin isolatedyes/);
});

test('the JSON export imports back identically: every run matches itself, at a ratio of 1', async () => {
  const { name, text } = await downloaded('export-json');
  assert.match(name, /^kernel-lab-report-.*\.json$/);
  const exported = JSON.parse(text);
  assert.equal(exported.format, 'kernel-lab-report');
  assert.equal(exported.version, 1);
  const runs = (await cells(report, 'kernel')).length;
  assert.equal(exported.measurements.length, runs);
  assert.deepEqual(parseReport(text).measurements, exported.measurements, 'what the page reads back is what it wrote');

  // A bad file before any comparison: a message, and no comparison.
  await importFile('notes.json', 'these are not numbers');
  assert.match(await alertText(), /^notes\.json cannot be compared: This file is not JSON/);
  assert.equal(await report.locator('[data-compare]').isVisible(), false);

  await importFile('mine.json', text);
  assert.equal(await alertText(), '', 'a good file clears the message');
  const compare = report.locator('[data-compare]');
  assert.equal(await compare.isVisible(), true);
  const matched = compare.locator('[data-compare-matched]');
  assert.equal(await matched.locator('tbody tr').count(), runs);
  assert.deepEqual(await cells(matched, 'ratio'), Array(runs).fill('1.00×'));
  assert.deepEqual(await cells(matched, 'there'), await cells(matched, 'here'));
  const sorted = (list) => [...list].sort();
  assert.deepEqual(sorted(await cells(matched, 'kernel')), sorted(await cells(report.locator('[data-report-runs]'), 'kernel')));
  assert.match(await compare.locator('[data-compare-summary]').textContent(), /this machine ran 1\.00× as fast as the other/);
  assert.match(await compare.locator('[data-only-here]').textContent(), /\(0\)None\./);
  assert.match(await compare.locator('[data-only-there]').textContent(), /\(0\)None\./);
  const facts = async (attr) => (await texts(report.locator(`[${attr}] dd`))).slice(0, -1); // all but the date
  assert.deepEqual(await facts('data-other-machine'), await facts('data-machine'));

  // Exporting again gives the same runs: importing changed nothing of this machine's.
  assert.deepEqual(JSON.parse((await downloaded('export-json')).text).measurements, exported.measurements);
});

test('a bad file shows why and leaves the comparison as it was', async () => {
  const { text } = await downloaded('export-json');
  const good = JSON.parse(text);
  const compare = report.locator('[data-compare]');
  const before = await compare.innerHTML();
  const broken = (change) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };
  const BAD = [
    ['other.json', JSON.stringify({ format: 'spreadsheet' }), /not a Kernel Lab report/],
    [
      'newer.json',
      broken((r) => {
        r.version = 2;
      }),
      /version 2; this page reads version 1: it was written by a newer Kernel Lab/,
    ],
    [
      'negative.json',
      broken((r) => {
        r.measurements[0].result.timing.median_s = -0.5;
      }),
      /measurements\[0\]\.result\.timing\.median_s must be a number above 0/,
    ],
    [
      'fast.json',
      broken((r) => {
        r.measurements[1].result.gflops = 1e6;
      }),
      /measurements\[1\]\.result\.gflops must equal its count divided by the median time/,
    ],
    [
      'nomachine.json',
      broken((r) => {
        delete r.machine;
      }),
      /^nomachine\.json cannot be compared: machine must be an object \(it is missing\)/,
    ],
  ];
  for (const [name, content, message] of BAD) {
    await importFile(name, content);
    assert.match(await alertText(), message, name);
    assert.equal(await compare.innerHTML(), before, `${name} changed the comparison`);
  }

  // A file dropped on the page is read the same way.
  await lab.page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    document
      .querySelector('[data-lesson-view="report"]')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, 'not json');
  await lab.page.waitForFunction(() =>
    document.querySelector('[data-lesson-view="report"] [data-error]').textContent.startsWith('dropped.json'),
  );
  assert.match(await alertText(), /^dropped\.json cannot be compared: This file is not JSON/);
  assert.equal(await compare.innerHTML(), before);
});

test('the CSV export has a header and one line per run, quoted where needed', async () => {
  const { name, text } = await downloaded('export-csv');
  assert.match(name, /^kernel-lab-report-.*\.csv$/);
  const lines = text.split('\r\n');
  assert.equal(lines.pop(), '', 'the last line ends too');
  assert.equal(lines[0], CSV_HEADER.join(','));
  const kernels = await cells(report.locator('[data-report-runs]'), 'kernel');
  assert.equal(lines.length, 1 + kernels.length);
  const column = (name) => lines.slice(1).map((line) => line.split(',')[CSV_HEADER.indexOf(name)]);
  assert.deepEqual(new Set(column('kernel')), new Set(['f32_gelu_unfused_wasmsimd', 'f32_gelu_fused_wasmsimd', 'f32_matmul_4x8_wasmsimd']));
  for (const value of column('median_s')) assert.ok(Number(value) > 0, value);
  for (const value of column('check_passed')) assert.equal(value, 'true');
});

test('the print view shows the figures without navigation or buttons, and tables uncut', async () => {
  const page = lab.page;
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('nav.lesson-nav').isVisible(), false);
    for (const button of await report.locator('button, .button').all()) assert.equal(await button.isVisible(), false);
    assert.equal(await report.locator('[data-report-lesson="fusion"] table[data-results]').isVisible(), true);
    assert.equal(await report.locator('[data-compare] table[data-results]').first().isVisible(), true);
    assert.equal(
      await report
        .locator('.table-scroll')
        .first()
        .evaluate((e) => getComputedStyle(e).overflowX),
      'visible',
    );
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  assert.equal(await page.locator('nav.lesson-nav').isVisible(), true);
});

test('Stop comparing hides the comparison; new runs appear in the report as they are timed', async () => {
  await report.locator('[data-action="stop-comparing"]').click();
  assert.equal(await report.locator('[data-compare]').isVisible(), false);
  const before = (await cells(report, 'kernel')).length;
  await runLesson('fusion', { experiment: 'gelu', gelu_sizes: '7', min_time_s: 0.05 });
  assert.equal((await cells(report, 'kernel')).length, before + 2);
  assert.deepEqual((await cells(report.locator('[data-report-lesson="fusion"]'), 'shape')).slice(-2), ['N = 7', 'N = 7']);
});
