// Screenshots of lessons after a small run, in any engine, at desktop and
// phone width, to look at what changed: per lesson and width, one of the
// lesson's top and one of its results, each a screen high (a whole lesson is
// too tall a picture to read).
//
//   node tests/engines/screenshots.mjs --engine=firefox --lessons=measuring,roofline --out=/tmp/shots
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fill, inLesson, openLesson, runAndWait, showLesson } from './engine-page.mjs';
import { SMALL } from './small-runs.mjs';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'firefox' },
    lessons: { type: 'string', default: Object.keys(SMALL).join(',') },
    out: { type: 'string', default: 'screenshots' },
  },
});
const WIDTHS = { desktop: [1280, 900], phone: [390, 844] };
// Where each picture starts: the lesson's heading, then its results table.
const VIEWS = { top: 'h1', results: 'table[data-results]' };

await mkdir(values.out, { recursive: true });
const lab = await openLesson(values.engine, 'measuring');
try {
  for (const lesson of values.lessons.split(',')) {
    await showLesson(lab, lesson);
    await fill(lab, SMALL[lesson] ?? {});
    await runAndWait(lab);
    for (const [name, [width, height]] of Object.entries(WIDTHS)) {
      await lab.tab.setViewport(width, height);
      for (const [view, selector] of Object.entries(VIEWS)) {
        await lab.tab.evaluate((s) => document.querySelector(s)?.scrollIntoView(), inLesson(lab, selector));
        const path = join(values.out, `${values.engine}-${lesson}-${name}-${view}.png`);
        await lab.tab.screenshot(path, { fullPage: false });
        console.log(path);
      }
    }
  }
  if (lab.problems.length) console.log(`console errors: ${lab.problems.join('\n')}`);
} finally {
  await lab.close();
}
