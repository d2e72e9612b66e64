// The code panel's own behaviour, with a stand-in compiler and registration
// (code-panel-fakes.mjs): it starts folded, opens on the exercise's very
// file, keeps the text across a reload, resets after asking, downloads under
// the file's name, marks its file's diagnostics on their lines, puts a
// compiled kernel's rows in the lesson's table, and says what went wrong when
// a kernel fails, keeping every row measured before; Cancel stops it at any
// step. Every lesson with a C++ exercise has one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { labReady, openLab } from '../../web/tools/headless.mjs';
import { fakeCompiler, fakeRegistration } from './code-panel-fakes.mjs';

const EXERCISE = 'f32_relu_student_wasmsimd';
const FILE = `${EXERCISE}.cpp`;
// Every lesson from Loops to the Capstone, but the Roofline, has at least one exercise.
const EXERCISE_LESSONS = ['loops', 'blocking', 'vectorization', 'threads', 'fusion', 'quantization', 'precision', 'capstone'];
// axe's source, evaluated by the test driver (the page's CSP refuses inline scripts), as a11y.test.mjs does.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let lab;
let panel;
let section;

async function openPage() {
  await lab.page.waitForFunction(labReady, null, { timeout: 30000 });
  await fakeRegistration(lab.page);
  section = lab.page.locator('section[data-lesson-view="vectorization"]');
  panel = section.locator(`[data-code-panel="${EXERCISE}"]`);
}

async function openPanel() {
  await panel.locator('[data-action="toggle-code"]').click();
  await panel.locator('.cm-content').waitFor();
}

// The editor's state, read and changed through its EditorView, which CodeMirror
// keeps on its content element (as its own EditorView.findFromDOM finds it:
// the bundle does not hand the class to the page).
const editorText = () => panel.locator('.cm-content').evaluate((content) => content.cmTile.root.view.state.doc.toString());
const cursorLine = () =>
  panel.locator('.cm-content').evaluate((content) => {
    const { state } = content.cmTile.root.view;
    return state.doc.lineAt(state.selection.main.head).number;
  });
const stubText = () => lab.page.evaluate((file) => fetch(`gen/src/cpp/exercises/${file}`).then((r) => r.text()), FILE);

// Replaces the editor's text as typing would, through the editor itself.
async function setEditorText(text) {
  await panel.locator('.cm-content').evaluate((content, next) => {
    const { view } = content.cmTile.root;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
  }, text);
}

async function compileAndWait(timeout = 120000) {
  await panel.locator('[data-action="compile"]').click();
  await lab.page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout });
}

const outcome = async () =>
  (await panel.locator('[data-code-outcome]').isVisible()) ? panel.locator('[data-code-outcome]').textContent() : '';
const rowCount = () => section.locator('table[data-results] tbody tr').count();

before(async () => {
  lab = await openLab({ path: '/?test-hooks#/vectorization', prepare: fakeCompiler });
  await openPage();
});
after(async () => {
  await lab?.close();
});

test('every lesson from Loops to the Capstone has one folded code panel per exercise', async () => {
  for (const lesson of EXERCISE_LESSONS) {
    const exercises = await lab.page.evaluate(
      (id) => globalThis.kernelLabTest.session.kernels((k) => k.lesson === id && k.role === 'exercise' && !k.runtime).length,
      lesson,
    );
    assert.ok(exercises >= 1, `${lesson} has an exercise`);
    const panels = lab.page.locator(`section[data-lesson-view="${lesson}"] [data-code-panel]`);
    await panels.first().waitFor({ state: 'attached' }); // the panels come in after the lesson
    assert.equal(await panels.count(), exercises, lesson);
    for (const toggle of await panels.locator('[data-action="toggle-code"]').all())
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  }
  assert.equal(await lab.page.locator('section[data-lesson-view="measuring"] [data-code-panel]').count(), 0);
  // Nothing of the editor or the compiler is loaded before a panel opens.
  const loaded = await lab.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(!loaded.some((url) => /gen\/editor\.js|compiler-client/.test(url)), loaded.join('\n'));
});

test('opening the panel shows the exercise file, unchanged, and the compiler download', async () => {
  await openPanel();
  assert.equal(await editorText(), await stubText());
  await lab.page.waitForFunction(
    (el) => /Compiler ready/.test(el.textContent),
    await panel.locator('[data-compiler-status]').elementHandle(),
  );
  assert.match(await panel.locator('[data-compiler-status]').textContent(), /Later visits reuse the copy your browser keeps/);
  // A SIMD exercise: the auto-vectorizer stays off, its checkbox too.
  assert.match(await panel.locator('[data-command]').textContent(), new RegExp(`-O2 -msimd128 -fno-vectorize -fno-slp-vectorize ${FILE}`));
  assert.equal(await panel.locator('[data-flag="autovec"]').isDisabled(), true);
});

test('a compile error is marked on its line and listed under the editor; a header’s, only listed', async () => {
  const stub = await stubText();
  await setEditorText(`${stub}\nint x = BROKEN;\n`);
  const line = stub.split('\n').length + 1;
  await compileAndWait();
  assert.match(await outcome(), /did not compile: 1 error, marked on its line/);
  const place = panel.locator('[data-diagnostics] button[data-line]');
  assert.equal(await place.getAttribute('data-line'), String(line));
  assert.match(await panel.locator('[data-diagnostics]').textContent(), /undeclared identifier 'BROKEN'/);
  // The header's error is listed by its file's name, not as a line of the student's.
  assert.match(
    await panel.locator('[data-diagnostics] li', { hasText: 'top level declarator' }).textContent(),
    /^student_kernels\.h, line 3:1/,
  );
  // The gutter marks the student's line alone, not line 3.
  const marked = await panel
    .locator('.cm-gutter-lint .cm-gutterElement')
    .evaluateAll((elements) => elements.filter((e) => e.querySelector('.cm-lint-marker-error')).map((e) => e.getBoundingClientRect().top));
  const lineTop = await panel
    .locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${line}$`) })
    .evaluate((e) => e.getBoundingClientRect().top);
  assert.deepEqual(marked, [lineTop]);
  // The listed place moves the cursor there.
  await place.click();
  assert.equal(await cursorLine(), line);
});

test('a call the module cannot make is refused, with why', async () => {
  await setEditorText(`${await stubText()}\nvoid* grab() { return malloc(4); }\n`);
  await compileAndWait();
  assert.match(await outcome(), /could not be linked: undefined symbol: malloc.*may not allocate memory/s);
});

test('a compiled kernel is checked, then timed into the lesson’s table, once per set of flags', async () => {
  await setEditorText(await stubText());
  await section.locator('input[name="relu_sizes"]').fill('4096');
  await section.locator('input[name="min_time_s"]').fill('0.05');
  const before = await rowCount();
  await compileAndWait();
  assert.equal(await outcome(), '');
  assert.match(await panel.locator('[data-code-summary]').textContent(), /right at each of the 3 sizes.*N = 4096: yours/s);
  const mine = section.locator('table[data-results] tbody tr', { hasText: 'Yours, -O2 SIMD' });
  assert.equal(await mine.count(), 1);
  assert.ok((await rowCount()) > before + 1, 'the reference kernels were timed beside it');
  // The same source with other flags: a second row, and the compiler was given them.
  await panel.locator('[data-flag="opt"]').selectOption('O0');
  await compileAndWait();
  assert.equal(await section.locator('table[data-results] tbody tr', { hasText: 'Yours, -O0 SIMD no auto-vectorization' }).count(), 1);
  assert.deepEqual(await lab.page.evaluate(() => self.fakeCompiles.at(-1).flags), { opt: 'O0', simd: true, autovec: false });
  assert.match(await panel.locator('[data-command]').textContent(), /-O0 -msimd128 -fno-vectorize -fno-slp-vectorize/);
  // The check's calls are no measurements. A page kernel's timed runs are
  // this visit's measurements but are not saved, since its name means another
  // kernel on the next visit: the fake ran the reference kernel in its place,
  // so that run is handed to the session again under the page kernel's name.
  const logged = await lab.page.evaluate((name) => {
    const { session } = self.kernelLabTest;
    const checks = session.measurements.filter((m) => m.request.check_only).length;
    const saved = () => session.progress.build().measurements.length;
    const before = saved();
    const last = session.measurements.at(-1);
    const detail = { ...last, request: { ...last.request, kernel: name } };
    session.dispatchEvent(new CustomEvent('measurement', { detail }));
    return { checks, timed: session.measurements.length, saved: before, savedAfter: saved() };
  }, `${EXERCISE}_page_2`);
  assert.equal(logged.checks, 0);
  assert.ok(logged.timed > 0 && logged.saved > 0, JSON.stringify(logged));
  assert.equal(logged.savedAfter, logged.saved);
  // Its instructions appear in the lesson's instruction view, beside the lab's kernels.
  const listing = section.locator(`.instructions [data-instructions="${EXERCISE}_page_2"]`);
  await listing.waitFor();
  assert.match(await listing.textContent(), /f32x4\.pmax/);
});

test('a wrong result names the first failing size and element, and keeps every row', async () => {
  const before = await rowCount();
  await lab.page.evaluate(() => (self.fakeRun = 'wrong'));
  await compileAndWait();
  assert.match(
    await outcome(),
    /Wrong result at N = 1 \(size 1 of the 3 sizes its test checks\): element y\[3\]: expected 0\.5, got -0\.5/,
  );
  assert.equal(await rowCount(), before);
});

test('a write outside the output is reported with its buffer and offset, and keeps every row', async () => {
  const before = await rowCount();
  await lab.page.evaluate(() => (self.fakeRun = 'failed'));
  await compileAndWait();
  assert.match(await outcome(), /failed at N = 1 .*buffer y, 4 bytes at offset 28.*every result measured before is kept/);
  assert.equal(await rowCount(), before);
});

test('Cancel stops a kernel that never returns within a second', async () => {
  await lab.page.evaluate(() => (self.fakeRun = 'endless'));
  await panel.locator('[data-action="compile"]').click();
  await lab.page.waitForFunction((el) => /Checking/.test(el.textContent), await panel.locator('[data-code-line]').elementHandle());
  const started = Date.now();
  await panel.locator('[data-action="cancel-compile"]').click();
  await lab.page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 5000 });
  assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  assert.match(await outcome(), /Cancelled while checking/);
  await lab.page.evaluate(() => (self.fakeRun = null));
  // The lesson's own Run works again.
  assert.equal(await section.locator('button[data-action="run"]').isEnabled(), true);
});

test('Cancel between two check calls, with nothing in the lab to stop, stops the check', async () => {
  const before = await rowCount();
  await lab.page.evaluate(() => (self.fakeRun = 'pause'));
  await panel.locator('[data-action="compile"]').click();
  await lab.page.waitForFunction(() => self.fakeResume);
  await panel.locator('[data-action="cancel-compile"]').click();
  await lab.page.evaluate(() => self.fakeResume());
  await lab.page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 5000 });
  assert.match(await outcome(), /Cancelled while checking at N = 7 \(size 2 of the 3/);
  assert.equal(await rowCount(), before);
});

test('Tab indents in the editor; Escape then Tab leaves it for the next control', async () => {
  await setEditorText('x');
  await panel.locator('.cm-content').focus();
  await lab.page.keyboard.press('End');
  await lab.page.keyboard.press('Tab');
  assert.equal(await editorText(), '  x');
  await lab.page.keyboard.press('Escape');
  await lab.page.keyboard.press('Tab');
  assert.equal(await lab.page.evaluate(() => document.activeElement.dataset.flag), 'opt');
});

test('Download saves the text under the file’s own name', async () => {
  await setEditorText('// mine\n');
  const [download] = await Promise.all([lab.page.waitForEvent('download'), panel.locator('[data-action="download"]').click()]);
  assert.equal(download.suggestedFilename(), FILE);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString(), '// mine\n');
});

test('the text and flags survive a reload', async () => {
  await setEditorText('// kept across visits\n');
  await panel.locator('[data-flag="opt"]').selectOption('O3');
  await lab.page.waitForTimeout(400); // progress is written a moment after the change
  await lab.page.reload();
  await openPage();
  await openPanel();
  assert.equal(await editorText(), '// kept across visits\n');
  assert.equal(await panel.locator('[data-flag="opt"]').inputValue(), 'O3');
});

test('Cancel during the compiler’s first download stops waiting for it; the download goes on', async () => {
  await lab.page.reload();
  await openPage();
  // Braces: evaluate would wait for a promise the arrow returned.
  await lab.page.evaluate(() => {
    self.fakeLoadGate = new Promise((resolve) => (self.fakeLoadDone = resolve));
  });
  await openPanel();
  await panel.locator('[data-action="compile"]').click();
  await panel.locator('[data-action="cancel-compile"]').click();
  await lab.page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 5000 });
  assert.match(await outcome(), /Compile cancelled/);
  assert.equal(await lab.page.evaluate(() => self.fakeCompiles), undefined);
  await lab.page.evaluate(() => self.fakeLoadDone());
  await lab.page.waitForFunction(
    (el) => /Compiler ready/.test(el.textContent),
    await panel.locator('[data-compiler-status]').elementHandle(),
  );
});

test('Reset asks first, and brings back the stub only when confirmed', async () => {
  lab.page.once('dialog', (dialog) => dialog.dismiss());
  await panel.locator('[data-action="reset-code"]').click();
  assert.equal(await editorText(), '// kept across visits\n');
  let asked = '';
  lab.page.once('dialog', (dialog) => {
    asked = dialog.message();
    dialog.accept();
  });
  await panel.locator('[data-action="reset-code"]').click();
  assert.match(asked, new RegExp(`stub of ${FILE}`));
  assert.equal(await editorText(), await stubText());
  assert.deepEqual(lab.problems, [], 'console errors or uncaught exceptions');
});

test('the open panel, with diagnostics and a result, passes axe and fits a phone', async () => {
  const { page } = lab;
  await compileAndWait();
  await setEditorText(`${await stubText()}\nint x = BROKEN;\n`);
  await compileAndWait();
  await page.evaluate(AXE);
  for (const size of [
    { width: 1280, height: 900 },
    { width: 375, height: 800 },
  ]) {
    await page.setViewportSize(size);
    const found = await page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
    );
    assert.deepEqual(found, [], `${size.width}px`);
    // The charts follow the new width a frame or two later.
    await page.waitForFunction((width) => document.documentElement.scrollWidth <= width, size.width, { timeout: 5000 });
  }
});
