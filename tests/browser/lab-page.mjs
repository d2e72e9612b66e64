// Helpers the browser tests share: open the lab on a lesson, fill its form,
// run it and wait for the run to finish.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { labReady, openLab } from '../../web/tools/headless.mjs';
import { shareBrowsers } from '../../web/tools/engines/index.mjs';

// Every lab a test file opens shares one Chromium, each in its own context.
after(shareBrowsers());

// Opens the lab on a lesson and waits until it is shown. A lab that does not
// get there is closed, since its server would keep the test file running.
export async function openLesson(lesson, options = {}) {
  const lab = await openLab({ path: `/#/${lesson}`, ...options });
  try {
    await lab.page.waitForFunction(labReady, null, { timeout: 30000 });
    lab.section = lab.page.locator(`section[data-lesson-view="${lesson}"]`);
    await lab.section.waitFor({ state: 'visible' });
  } catch (error) {
    await lab.close();
    throw error;
  }
  return lab;
}

// Opens a lesson, runs `body(lab)`, checks the page logged no error, and always closes it.
// options go to openLab: {isolate, serviceWorkers}.
export async function withLesson(lesson, body, options = {}) {
  const lab = await openLesson(lesson, options);
  try {
    await body(lab);
    assert.deepEqual(lab.problems, [], 'console errors or uncaught exceptions');
  } finally {
    await lab.close();
  }
}

// A new page load of path (a goto that changes only the hash would not be one),
// waiting until the lab is ready and the lesson the hash names is shown.
export async function reload(lab, path = '/#/loops') {
  await lab.page.goto('about:blank');
  await lab.page.goto(lab.url + path);
  await lab.page.waitForFunction(labReady, null, { timeout: 30000 });
  await lab.page.locator(`section[data-lesson-view="${path.split('#/')[1]}"]`).waitFor({ state: 'visible' });
}

export async function fill(section, values) {
  for (const [name, value] of Object.entries(values)) {
    const control = section.locator(`[name="${name}"]`);
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await control.selectOption(value);
    else await control.fill(String(value));
  }
}

// Clicks Run and waits until the lesson is idle again.
export async function runAndWait(section, timeout = 60000) {
  await section.locator('button[data-action="run"]').click();
  await section.page().waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout });
}

export async function rows(section) {
  return section.locator('table[data-results] tbody tr');
}

export async function errorText(section) {
  const alert = section.locator('[role="alert"][data-error]');
  return (await alert.count()) ? (await alert.textContent()).trim() : '';
}
