// The instructor's #/grade page, with a fake grader in place of
// grade-exercise.js (and of the compiler it is handed), so the whole class
// regrades in a second: importing files fills the table; a bad file among
// good ones is refused by name and field while the others load; a timing
// edited in a file is regraded to the measured figure and the claim flagged;
// the CSV holds what the table shows; the leaderboard ranks by the regraded
// ratio; Cancel stops a regrade. And the report page's Export submission.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { openLesson } from './lab-page.mjs';
import { parseCsv } from './csv.mjs';
import { submissionText } from './grade-fixtures.mjs';
import { exerciseKernels, parseSubmission } from '../../web/grade/submission-format.js';

// The grader measures what the source says: `// measured ratio=1.2` in the
// source is the ratio it reports, a source with `wrong` fails the check.
// self.fakeGrader = {delay_ms, calls: [{exercise, source, flags, label}]}.
const FAKE_GRADER = `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function gradeExercise({ exercise, source, flags, label, onProgress, cancelled }) {
  const fake = self.fakeGrader;
  fake.calls.push({ exercise: exercise.name, source, flags, label });
  for (let waited = 0; waited < fake.delay_ms; waited += 10) {
    if (cancelled()) return { record: { exercise: exercise.name, state: 'compiles', check: { status: 'cancelled', shapes: 0 } } };
    onProgress(waited / fake.delay_ms, 'timing');
    await sleep(10);
  }
  const ratio = Number(/measured ratio=([\\d.]+)/.exec(source)[1]);
  const { reference, ratio: needed, shape } = exercise.exercise.bar;
  const timing = (median) => ({ median_s: median, ci95_s: [median, median], rate: 1e-3 / median });
  const passed = !source.includes('wrong');
  const record = {
    exercise: exercise.name,
    state: !passed ? 'compiles' : ratio >= needed ? 'fast' : 'correct',
    at: new Date().toISOString(),
    compile: { status: 'ok', version: 'fake clang', flags },
    check: { status: passed ? 'passed' : 'wrong', shapes: 3 },
    bar: passed ? { reference, ratio_needed: needed, shape, unit: 'GFLOP/s', ratio, rounds: [ratio], passed: ratio >= needed,
      student: timing(0.01 / ratio), reference_timing: timing(0.01) } : null,
    simd: null,
  };
  return { record, kernel: null };
}`;

const FAKE_COMPILER = `
export class CompilerClient {
  load() { return Promise.resolve({ version: 'fake clang', fromCache: true, seconds: 0 }); }
  cancel() { self.fakeGrader.compilerCancels += 1; }
}`;

let lab;
let grade;
let catalog;
let exercises;

const serve = (body) => (route) => route.fulfill({ contentType: 'text/javascript', body });

before(async () => {
  lab = await openLesson('grade', {
    path: '/?test-hooks#/grade',
    prepare: async (page) => {
      await page.route('**/grade/grade-exercise.js', serve(FAKE_GRADER));
      await page.route('**/compiler/compiler-client.js', serve(FAKE_COMPILER));
    },
  });
  grade = lab.section;
  catalog = await lab.page.evaluate(() => self.kernelLabTest.session.catalog);
  exercises = exerciseKernels(catalog);
  await setGrader({ delay_ms: 0 });
});
after(async () => {
  assert.deepEqual(lab?.problems ?? [], [], 'console errors or uncaught exceptions');
  await lab?.close();
});

const setGrader = (options) => lab.page.evaluate((o) => (self.fakeGrader = { calls: [], compilerCancels: 0, ...o }), options);
const graderCalls = () => lab.page.evaluate(() => self.fakeGrader.calls);

// A student whose every exercise measures `measured` here, and whose file claims `claimed`.
const student = (name, measured, claimed = measured) =>
  submissionText(catalog, {
    student: name,
    ratio: claimed,
    source: (k) => `// ${k.name} by ${name}: measured ratio=${measured}\n`,
    predictions: {
      loops: { first: { value: '3', at: '2026-12-01T09:00:00.000Z', verdict: { text: 'It ran 3.1× as fast.', tone: 'right' } }, later: [] },
    },
  });

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function importFiles(files) {
  const before = await grade.locator('[data-loaded]').textContent();
  await grade.locator('[data-import]').setInputFiles(files);
  await lab.page.waitForFunction(
    (text) => document.querySelector('[data-loaded]').textContent !== text || !document.querySelector('[data-refused]').hidden,
    before,
  );
}

async function regradeAndWait() {
  await grade.locator('[data-action="regrade"]').click();
  await lab.page.waitForFunction(() => document.querySelector('[data-lesson-view="grade"]').dataset.busy === 'false');
}

const texts = async (locator) => (await locator.allTextContents()).map((t) => t.trim());
const column = (id) => texts(grade.locator(`table[data-class] tbody [data-col="${id}"]`));
const loops = 'f32_matmul_student_loops';

test('the page is listed in the navigation as a page, and the report links to it', async () => {
  assert.equal(await lab.page.title(), 'Grade submissions · Kernel Lab');
  assert.equal(await lab.page.locator('li.nav-page a[data-lesson="grade"]').count(), 1);
  assert.equal(await lab.page.locator('section[data-lesson-view="report"] a[href="#/grade"]').count(), 1);
  assert.match(await grade.locator('[data-class-table]').textContent(), /Import submission files/);
  assert.equal(await grade.locator('[data-action="regrade"]').isDisabled(), true);
});

test('a bad file among good ones is refused by name and field; the good ones load', async () => {
  const tampered = JSON.parse(student('Mallory', 1));
  tampered.exercises[0].grade.bar.ratio *= 3; // its rounds left as they were
  await importFiles([
    file('ada.json', student('Ada', 1.2)),
    file('mallory.json', JSON.stringify(tampered)),
    file('grace.json', student('Grace', 0.9)),
    file('notes.txt', 'not json at all'),
  ]);
  assert.deepEqual(await column('student'), ['Ada', 'Grace']);
  assert.deepEqual(await column('file'), ['ada.json', 'grace.json']);
  const refused = grade.locator('[data-refused] li');
  assert.deepEqual(await refused.evaluateAll((items) => items.map((li) => [li.dataset.refusedFile, li.dataset.refusedField])), [
    ['mallory.json', 'exercises[0].grade.bar.ratio'],
    ['notes.txt', 'format'],
  ]);
  assert.match(
    await refused.first().textContent(),
    /^mallory\.json failed on exercises\[0\]\.grade\.bar\.ratio: must be the median of its rounds/,
  );
  assert.match(await grade.locator('[data-loaded]').textContent(), /^2 submissions loaded\.$/);
  assert.deepEqual(await column(`${loops}.state`), ['not regraded', 'not regraded']);
  assert.deepEqual(await column(`${loops}.prediction`), ['3 (right)', '3 (right)']);

  // The same file again is refused too, and leaves the class as it was.
  await importFiles([file('ada-again.json', student('Ada', 1.2))]);
  assert.match(await refused.first().textContent(), /^ada-again\.json: it is the same file as ada\.json, already loaded\.$/);
  assert.deepEqual(await column('student'), ['Ada', 'Grace']);
});

test('a regrade measures every exercise here; an edited timing shows the measured figure, its claim flagged', async () => {
  // Eve measures 0.6 here, and edited her file to claim 2.4: consistently, so the file is accepted.
  const eve = JSON.parse(student('Eve', 0.6, 2.4));
  const loopsEntry = eve.exercises.find((e) => e.name === loops);
  const honest = JSON.parse(student('Eve', 0.6)).exercises.find((e) => e.name === loops);
  assert.notEqual(loopsEntry.grade.bar.student.median_s, honest.grade.bar.student.median_s, 'the file’s timing was edited');
  await importFiles([file('eve.json', JSON.stringify(eve))]);
  assert.deepEqual(await column('student'), ['Ada', 'Grace', 'Eve']);

  await setGrader({ delay_ms: 0 });
  await regradeAndWait();
  const calls = await graderCalls();
  assert.equal(calls.length, 3 * exercises.length, 'every exercise of every submission, once');
  assert.deepEqual(calls[0], {
    exercise: exercises[0].name,
    source: `// ${exercises[0].name} by Ada: measured ratio=1.2\n`,
    flags: { opt: 'O2', simd: true, autovec: true },
    label: `Ada, ${exercises[0].title}`,
  });
  assert.match(await grade.locator('[data-grade-line]').textContent(), /^Regraded 3 submissions in [\d.]+ m?s\.$/);

  assert.deepEqual(await column(`${loops}.speedup`), ['1.20×', '0.900×', '0.600×']);
  assert.deepEqual(await column(`${loops}.state`), ['correct and fast enough', 'correct and fast enough', 'correct and fast enough']);
  const claims = grade.locator(`table[data-class] tbody [data-col="${loops}.claimed"]`);
  assert.deepEqual(await texts(claims), [
    'correct and fast enough, 1.20×',
    'correct and fast enough, 0.900×',
    'correct and fast enough, 2.40×; ⚠ far from the regraded 0.600×',
  ]);
  assert.deepEqual(await claims.evaluateAll((cells) => cells.map((c) => c.hasAttribute('data-flagged'))), [false, false, true]);
  const int8 = 'i8_matmul_student'; // its bar is 1.5×: every ratio measured here is below it, while Eve’s file claims 2.4
  assert.deepEqual(await column(`${int8}.state`), ['correct', 'correct', 'correct']);
  assert.match(
    (await column(`${int8}.claimed`))[2],
    /^correct and fast enough, 2\.40×; ⚠ regraded correct; ⚠ far from the regraded 0\.600×$/,
  );

  await grade.locator('[data-leaderboard-exercise]').selectOption(loops);
  assert.deepEqual(await texts(grade.locator('[data-leaderboard] tbody th')), ['Ada', 'Grace', 'Eve']);
  assert.deepEqual(await texts(grade.locator('[data-leaderboard] tbody td.num:nth-child(3)')), ['1.20×', '0.900×', '0.600×']);
});

test('the CSV export holds what the table shows, ratios at full precision', async () => {
  const [download] = await Promise.all([lab.page.waitForEvent('download'), grade.locator('[data-action="export-class-csv"]').click()]);
  assert.match(download.suggestedFilename(), /^kernel-lab-class-.*\.csv$/);
  const [header, ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
  const table = await grade
    .locator('table[data-class] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Object.fromEntries([...tr.children].map((cell) => [cell.dataset.col, { value: cell.dataset.value, text: cell.textContent }])),
      ),
    );
  assert.deepEqual(header, [
    'student',
    'file',
    ...exercises.flatMap((k) => ['state', 'speedup', 'claimed', 'prediction'].map((c) => `${k.name}.${c}`)),
  ]);
  assert.equal(rows.length, table.length);
  rows.forEach((fields, i) =>
    header.forEach((id, j) => {
      const cell = table[i][id];
      assert.equal(fields[j], cell.value, `row ${i + 1}, ${id}`);
      if (id.endsWith('.speedup')) assert.equal(`${Number(fields[j]).toPrecision(3)}×`, cell.text, `row ${i + 1}, ${id}`);
      else if (fields[j] !== '') assert.equal(fields[j], cell.text, `row ${i + 1}, ${id}`);
    }),
  );
});

// axe's source, evaluated by the test driver (the page's CSP refuses inline scripts).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('with a filled table: usable at phone width and with the keyboard, and axe finds nothing serious', async () => {
  const page = lab.page;
  await page.evaluate(AXE);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document.querySelector('[data-lesson-view="grade"]'))).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    );
    assert.deepEqual(violations, [], `${width}px`);
  }
  // At phone width the page keeps its width; the class table scrolls inside its card, from the keyboard too.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  const box = grade.locator('[data-class-table] .table-scroll');
  assert.ok(await box.evaluate((b) => b.scrollWidth > b.clientWidth));
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => b.scrollLeft > 0, await box.elementHandle());
  await page.setViewportSize({ width: 1280, height: 900 });

  // Tab from the file chooser reaches Regrade, which Enter starts.
  await grade.locator('#grade-import').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'regrade');
  await setGrader({ delay_ms: 0 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => self.fakeGrader.calls.length > 0 && document.querySelector('[data-lesson-view="grade"]').dataset.busy === 'false',
  );
  assert.equal((await graderCalls()).length, 3 * exercises.length);
});

test('Cancel stops a regrade between steps, and keeps what was regraded before it', async () => {
  await setGrader({ delay_ms: 400 });
  await grade.locator('[data-action="regrade"]').click();
  await lab.page.waitForFunction(() => self.fakeGrader.calls.length === 2);
  assert.match(
    await grade.locator('[data-grade-line]').textContent(),
    new RegExp(`^Student 1 of 3 \\(Ada\\), exercise 2 of ${exercises.length}: 2 · Blocking: your blocked`),
  );
  await grade.locator('[data-action="cancel-regrade"]').click();
  await lab.page.waitForFunction(() => document.querySelector('[data-lesson-view="grade"]').dataset.busy === 'false', null, {
    timeout: 2000,
  });
  assert.equal((await graderCalls()).length, 2, 'no exercise was graded after Cancel');
  assert.match(await grade.locator('[data-grade-outcome]').textContent(), /^Regrade cancelled\./);
  assert.deepEqual((await column(`${exercises[0].name}.state`))[0], 'correct and fast enough');
  assert.deepEqual(await column(`${exercises[1].name}.state`), ['not regraded', 'not regraded', 'not regraded']);
  assert.equal(await grade.locator('[data-action="regrade"]').isEnabled(), true);
  assert.equal(await grade.locator('[data-action="cancel-regrade"]').isDisabled(), true);
});

test('the report page exports a submission under the name typed, and refuses an empty name', async () => {
  await lab.page.evaluate(() => {
    // What a student did, through the progress store's interface.
    const { progress } = self.kernelLabTest.session;
    progress.exerciseRecord = (name) => (name === 'f32_matmul_student_loops' ? { hints_opened: 2 } : undefined);
    progress.predictionRecord = (lesson) =>
      lesson === 'loops' ? { first: { value: '2', at: '2026-12-01T09:00:00.000Z' }, later: [] } : { later: [] };
    progress.keepCode('f32_matmul_student_loops', { text: '// mine\n', flags: { opt: 'O3', simd: false, autovec: true } });
  });
  await lab.page.locator('a[data-lesson="report"]').click();
  const card = lab.page.locator('[data-submission-export]');
  await card.locator('[data-action="export-submission"]').click();
  assert.match(await card.locator('[data-submission-error]').textContent(), /^Type your name first/);
  assert.equal(await card.locator('#submission-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await lab.page.evaluate(() => document.activeElement.id), 'submission-name');

  await card.locator('#submission-name').fill(' Ada  Lovelace ');
  const [download] = await Promise.all([lab.page.waitForEvent('download'), card.locator('[data-action="export-submission"]').click()]);
  assert.equal(await card.locator('[data-submission-error]').isVisible(), false);
  assert.match(download.suggestedFilename(), /^kernel-lab-submission-Ada-Lovelace-.*\.json$/);
  const parsed = parseSubmission(await readFile(await download.path(), 'utf8'), catalog);
  assert.equal(parsed.ok, true, parsed.error);
  const { submission } = parsed;
  assert.equal(submission.student, ' Ada  Lovelace ');
  assert.equal(submission.machine.build.module, 'kernel_lab');
  assert.deepEqual(
    submission.exercises.map((e) => e.name),
    exercises.map((k) => k.name),
  );
  const [mine, ...rest] = submission.exercises;
  assert.equal(mine.source, '// mine\n');
  assert.deepEqual(mine.compiler, { version: null, flags: { opt: 'O3', simd: false, autovec: true } });
  assert.equal(mine.hints_opened, 2);
  assert.deepEqual(mine.prediction, { first: { value: '2', at: '2026-12-01T09:00:00.000Z', verdict: null }, later: [] });
  for (const entry of rest) assert.equal(entry.source, null);
});
