// Every exercise through the real compiler and the lab's real registration:
// a correct kernel compiles, passes every check shape and is timed in its
// lesson (or the panel says why its lesson's table has no row for it); a wrong one is named by its first bad element; a syntax error is
// marked on its line; malloc is refused at link time; a write outside the
// output is caught and named; an endless loop is cancelled within a second;
// a trap is survived, and the next kernel runs. The sources are the stub files
// with their bodies replaced (exercise-sources.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withLesson, fill } from './lab-page.mjs';
import { PAGE_EXERCISES, sourcesFor } from './exercise-sources.mjs';

// Per exercise: its lesson, and the lesson's fastest values for the timed rows.
const LESSONS = {
  f32_matmul_student_loops: { lesson: 'loops', values: { sizes: '64', min_time_s: '0.05' } },
  f32_matmul_student_blocked: { lesson: 'blocking', values: { sizes: '64', blocks: '16', min_time_s: '0.05' } },
  f32_relu_student_wasmsimd: { lesson: 'vectorization', values: { relu_sizes: '4096', min_time_s: '0.05' } },
  f32_quantize_i8_student: { lesson: 'quantization', values: { lengths: '4096', min_time_s: '0.05' } },
  f32_matmul_student_threads: { lesson: 'threads', values: { sizes: '64', min_time_s: '0.05' } },
  i8_matmul_student: { lesson: 'quantization', values: { sizes: '64', lengths: '4096', min_time_s: '0.05' } },
  f32_round_bf16_student: { lesson: 'precision', values: { lengths: '65536', min_time_s: '0.05' }, rows: false },
  f32_matmul_student_4x8: { lesson: 'vectorization', values: { matmul_sizes: '64', min_time_s: '0.05' } },
  f32_gelu_student: { lesson: 'fusion', values: { gelu_sizes: '4096', min_time_s: '0.05' } },
  f32_matmul_bias_gelu_student: { lesson: 'capstone', values: { batch: '8', d_model: '64', d_ff: '64', min_time_s: '0.05' }, rows: false },
};

test('every exercise that compiles in the page is tested here', () => {
  assert.deepEqual(Object.keys(LESSONS).sort(), [...PAGE_EXERCISES].sort());
});

// The failures every exercise meets the same way (a syntax error, malloc, a
// trap, an endless loop) run on the first exercises only; each exercise gets
// its own right answer, its own wrong element named, and a write past its own
// output, which differ with what its entry receives.
const EVERY_FAILURE = new Set([
  'f32_matmul_student_loops',
  'f32_matmul_student_blocked',
  'f32_relu_student_wasmsimd',
  'f32_quantize_i8_student',
]);

for (const [name, { lesson, values, rows = true }] of Object.entries(LESSONS)) {
  const sources = sourcesFor(name);
  const every = EVERY_FAILURE.has(name);
  test(
    `${name}: ${every ? 'every way a kernel can go' : 'right, wrong and past its output'}, through the real compiler and lab`,
    { timeout: 600000 },
    () =>
      withLesson(
        lesson,
        async ({ page, section }) => {
          await fill(section, values);
          const panel = section.locator(`[data-code-panel="${name}"]`);
          await panel.locator('[data-action="toggle-code"]').click();
          await panel.locator('.cm-content').waitFor();
          const setText = (text) =>
            panel.locator('.cm-content').evaluate((content, next) => {
              const { view } = content.cmTile.root;
              view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
            }, text);
          const compile = async ({ source }) => {
            await setText(source);
            await panel.locator('[data-action="compile"]').click();
            await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 300000 });
            const alert = panel.locator('[data-code-outcome]');
            return (await alert.isVisible()) ? alert.textContent() : '';
          };
          const mine = () => section.locator('table[data-results] tbody tr', { hasText: 'Yours' }).count();

          assert.equal(await compile(sources.correct), '');
          const summary = await panel.locator('[data-code-summary]').textContent();
          if (rows) {
            assert.match(summary, /right at each of the \d+ sizes/);
            assert.ok((await mine()) >= 1, 'a timed row of the student’s kernel');
          } else {
            assert.match(summary, /This lesson’s Run times other operations than yours/);
          }
          const before = await mine();

          assert.match(
            await compile(sources.wrong),
            new RegExp(`Wrong result at .*: element \\w+\\[\\d+\\](\\[\\d+\\])?: expected .*, got ${sources.wrong.got}\\b`),
          );
          assert.match(await compile(sources.overrun), /failed at .*wrote past the end of \w+: element \d/);
          if (!every) return;

          assert.match(await compile(sources.syntax), /did not compile/);
          assert.equal(
            await panel.locator('[data-diagnostics] button[data-line]').first().getAttribute('data-line'),
            String(sources.syntax.line),
          );
          assert.match(await compile(sources.malloc), /could not be linked: .*malloc/);
          assert.match(await compile(sources.trap), /failed at .*trapped \(unreachable\)/);

          await setText(sources.endless.source);
          await panel.locator('[data-action="compile"]').click();
          await page.waitForFunction((el) => /Checking/.test(el.textContent), await panel.locator('[data-code-line]').elementHandle(), {
            timeout: 60000,
          });
          const started = Date.now();
          await panel.locator('[data-action="cancel-compile"]').click();
          await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 10000 });
          assert.ok(Date.now() - started < 1000, `Cancel took ${Date.now() - started} ms`);

          // After all of that the lab still works, and nothing measured was lost.
          assert.equal(await compile(sources.correct), '');
          assert.ok((await mine()) > before);
        },
        { path: `/?test-hooks#/${lesson}` },
      ),
  );
}
