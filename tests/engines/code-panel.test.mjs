// In every engine: the code panel compiles a correct exercise with clang in
// the page, checks it at every size and times it beside the reference, and
// names the first wrong element of a wrong one. The editor (CodeMirror) lives
// in a shadow root of its own (web/editor/editor.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourcesFor } from '../browser/exercise-sources.mjs';
import { enginesUnderTest, fill, inLesson, texts, visibleText, withLesson } from './engine-page.mjs';

const EXERCISE = 'f32_relu_student_wasmsimd';

for (const engine of enginesUnderTest()) {
  test(`${engine}: a correct exercise compiles, passes its checks and is timed; a wrong one is named`, { timeout: 600000 }, () =>
    withLesson(engine, 'vectorization', async (lab) => {
      const sources = sourcesFor(EXERCISE);
      const panel = inLesson(lab, `[data-code-panel="${EXERCISE}"]`);
      await fill(lab, { relu_sizes: '4096', min_time_s: 0.05 });
      await lab.tab.click(`${panel} [data-action="toggle-code"]`);
      await lab.tab.waitFor(
        (p) => Boolean(document.querySelector(`${p} [data-editor]`).shadowRoot?.querySelector('.cm-content')),
        panel,
        60000,
      );
      const compile = async (source) => {
        await lab.tab.evaluate(
          ([p, text]) => {
            const { view } = document.querySelector(`${p} [data-editor]`).shadowRoot.querySelector('.cm-content').cmTile.root;
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
          },
          [panel, source],
        );
        await lab.tab.click(`${panel} [data-action="compile"]`);
        await lab.tab.waitFor((p) => document.querySelector(p).dataset.busy === 'false', panel, 300000);
        return visibleText(lab, `${panel} [data-code-outcome]`);
      };

      const outcome = await compile(sources.correct.source);
      assert.match(await visibleText(lab, `${panel} [data-code-summary]`), /right at each of the \d+ sizes/);
      assert.equal(outcome, '', 'no failure shown');
      const yours = (await texts(lab, 'table[data-results] tbody tr')).filter((row) => row.includes('Yours'));
      assert.ok(yours.length >= 1, 'a timed row of the student’s kernel');

      assert.match(
        await compile(sources.wrong.source),
        new RegExp(`Wrong result at .*: element \\w+\\[\\d+\\]: expected .*, got ${sources.wrong.got}\\b`),
      );
    }),
  );
}
