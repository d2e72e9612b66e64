// How long the instructor's page takes to regrade a class, measured in
// headless Chromium on this machine: N submissions of one exercise, each a
// correct solution (the tests' own, tests/cpp/exercises/solutions/) with a
// comment that makes every source different, imported into #/grade and
// regraded there: compiled, checked and timed against the bar's reference.
// The compiler is loaded first, since a class is graded once it is.
//
//   node bench/regrade-figures.mjs [exercise] [count]
import { openLesson } from '../tests/browser/lab-page.mjs';
import { MACHINE, fakeProgress } from '../tests/browser/grade-fixtures.mjs';
import { sourcesFor } from '../tests/browser/exercise-sources.mjs';
import { buildSubmission } from '../web/grade/submission-format.js';
import { DEFAULT_FLAGS } from '../web/compiler/clang-command.js';

const exercise = process.argv[2] ?? 'f32_relu_student_wasmsimd';
const count = Number(process.argv[3] ?? 30);
const lab = await openLesson('grade', { path: '/?test-hooks#/grade' });
try {
  const { page, section } = lab;
  const catalog = await page.evaluate(() => globalThis.kernelLabTest.session.catalog);
  const correct = sourcesFor(exercise).correct.source;
  const files = Array.from({ length: count }, (_, i) => {
    const progress = fakeProgress({
      work: { [exercise]: { text: `// by student ${i + 1}\n${correct}`, flags: DEFAULT_FLAGS, grade: null } },
    });
    const created = new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString();
    const submission = buildSubmission({ student: `Student ${i + 1}`, catalog, machine: MACHINE, created, progress });
    return { name: `student-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(submission) };
  });
  await page.evaluate(async () => {
    const { compilerHandle } = await import('/ui/compiler-handle.js');
    await compilerHandle();
  });
  await section.locator('#grade-import').setInputFiles(files);
  const started = Date.now();
  await section.locator('[data-action="regrade"]').click();
  await page.waitForFunction(() => globalThis.document.querySelector('[data-lesson-view="grade"]').dataset.busy === 'false', null, {
    timeout: 3600000,
  });
  const wall = (Date.now() - started) / 1000;
  const states = await section.locator(`table[data-class] tbody [data-col="${exercise}.state"]`).allTextContents();
  const ratios = await section
    .locator(`table[data-class] tbody [data-col="${exercise}.speedup"]`)
    .evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  console.log(
    `Regraded ${count} submissions of ${exercise} in ${wall.toFixed(1)} s (${(wall / count).toFixed(1)} s each); ` +
      `states: ${[...new Set(states)].join(', ')}; ratios ${Math.min(...ratios).toFixed(2)}× to ${Math.max(...ratios).toFixed(2)}×`,
  );
} finally {
  await lab.close();
}
