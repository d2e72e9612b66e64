// The code panel's figures, measured in headless Chromium on this machine:
// for each exercise, a correct kernel (the test suite's, tests/browser/
// exercise-sources.mjs) compiled in the page, checked and timed beside the
// lesson's reference kernels; the time from opening the first code panel to
// its first compiled result, in a fresh browser profile and after a reload in
// the same profile (compiler cached); and each exercise's warm compile.
//
//   node bench/code-panel-figures.mjs
import { openLab } from '../web/tools/headless.mjs';
import { DEFAULT_FLAGS } from '../web/compiler/clang-command.js';
import { PAGE_EXERCISES, sourcesFor } from '../tests/browser/exercise-sources.mjs';

// The values each lesson's timed rows run at, by the lesson's form fields.
const VALUES = {
  loops: { sizes: '256', min_time_s: '0.3' },
  blocking: { sizes: '256', blocks: '32', min_time_s: '0.3' },
  vectorization: { relu_sizes: '1048576', min_time_s: '0.3' },
  quantization: { lengths: '1048576', min_time_s: '0.3' },
};

async function openPanel(page, exercise) {
  const lesson = await page.evaluate((name) => globalThis.kernelLabTest.session.kernel(name).lesson, exercise);
  const values = VALUES[lesson];
  await page.evaluate((id) => (globalThis.location.hash = `#/${id}`), lesson);
  const section = page.locator(`[data-lesson-view="${lesson}"]`);
  await section.waitFor();
  for (const [name, value] of Object.entries(values)) {
    const input = section.locator(`[name="${name}"]`);
    if (await input.count()) await input.fill(value);
  }
  const panel = section.locator(`[data-code-panel="${exercise}"]`);
  const opened = await page.evaluate(() => performance.now());
  await panel.locator('[data-action="toggle-code"]').click();
  await panel.locator('.cm-content').waitFor();
  return { panel, opened };
}

// Compiles the correct source; resolves the compile's seconds, the time since
// `opened` (ms), and the rows the panel timed: [{kernel, title, shape, gflops, gbps}].
async function compileCorrect(page, panel, exercise, opened) {
  const before = await page.evaluate(() => globalThis.kernelLabTest.session.measurements.length);
  await panel.locator('.cm-content').evaluate((content, text) => {
    const { view } = content.cmTile.root;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, sourcesFor(exercise).correct.source);
  await panel.locator('[data-action="compile"]').click();
  await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 600000 });
  return page.evaluate(
    ([before, opened]) => {
      const { session } = globalThis.kernelLabTest;
      const compiled = session.kernels((k) => k.page).at(-1);
      // Timed runs only: the untimed check runs at each check shape are left out.
      const timed = session.measurements.slice(before).filter(({ request }) => !request.single_shot);
      const rows = timed.map(({ result }) => ({
        kernel: result.kernel,
        title: session.kernel(result.kernel)?.title,
        shape: result.shape,
        gflops: result.gflops,
        gbps: result.gbps,
      }));
      return { compiled: compiled?.name, sinceOpen: performance.now() - opened, rows };
    },
    [before, opened],
  );
}

const lab = await openLab({ path: '/?test-hooks#/loops' });
await lab.page.locator('body[data-lab-ready]').waitFor({ timeout: 120000 });
const report = { first: null, second: null, exercises: [] };
for (const exercise of PAGE_EXERCISES) {
  const { panel, opened } = await openPanel(lab.page, exercise);
  const result = await compileCorrect(lab.page, panel, exercise, opened);
  if (!report.first) report.first = result.sinceOpen;
  report.exercises.push({ exercise, ...result });
}
// Warm compiles: the same source again through the page's one compiler, loaded and warm.
for (const entry of report.exercises) {
  entry.warmCompileS = await lab.page.evaluate(
    async ([name, source, flags]) => {
      const { compilerHandle } = await import('/ui/compiler-handle.js');
      const { client } = await compilerHandle();
      const { session } = globalThis.kernelLabTest;
      const result = await client.compile({ exercise: session.kernel(name), pageCompile: session.catalog.page_compile, source, flags });
      return result.seconds;
    },
    [entry.exercise, sourcesFor(entry.exercise).correct.source, DEFAULT_FLAGS],
  );
}
// A reload in the same browser profile: the compiler comes from Cache Storage.
await lab.page.reload();
await lab.page.locator('body[data-lab-ready]').waitFor({ timeout: 120000 });
{
  const { panel, opened } = await openPanel(lab.page, PAGE_EXERCISES[0]);
  report.second = (await compileCorrect(lab.page, panel, PAGE_EXERCISES[0], opened)).sinceOpen;
}
await lab.close();

const rate = (row) => (row.gflops > 0 && row.shape.m > 1 ? `${row.gflops.toFixed(2)} GFLOP/s` : `${row.gbps.toFixed(2)} GB/s`);
console.log(`open a code panel → first compiled, checked and timed result: ${(report.first / 1000).toFixed(1)} s in a fresh profile`);
console.log(`the same after a reload in the same profile (compiler cached): ${(report.second / 1000).toFixed(1)} s`);
for (const { exercise, rows, warmCompileS } of report.exercises) {
  console.log(`\n${exercise}: warm compile at -O2 ${warmCompileS.toFixed(2)} s; timed in the same run:`);
  for (const row of rows) console.log(`  ${row.title.padEnd(40)} ${JSON.stringify(row.shape)}  ${rate(row)}`);
}
