// Every numeric input of every lesson and panel, found in the DOM, gets every
// bad value: each must bring a message beside its form, mark the input, and
// change nothing (no table row, no chart, no note, no measurement).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { labReady, openLab } from '../../web/tools/headless.mjs';

// Bad for every input: nothing, not a number, and beyond any double.
const NOT_NUMBERS = ['', 'abc', 'NaN', '1e309'];
// Bad for a count or a size: negative, fractional, far too large.
const NOT_COUNTS = ['-5', '2.5', '1e9'];
// The inputs that take real numbers, and which of NOT_COUNTS each accepts.
const ACCEPTS = {
  round_x: ['-5', '2.5', '1e9'], // the rounding explorer rounds any number within f32's range
  hand_scale: ['2.5', '1e9'], // answers to an exercise: a wrong one is judged, not refused
  hand_error: ['2.5', '1e9'],
  min_time_s: ['2.5'],
  ladder_min_time: ['2.5'],
};
// Inputs that start empty, filled in so that only the input under test is bad.
const GOOD = { hand_scale: '0.02', hand_error: '0.01' };
const badValues = (name) => [...NOT_NUMBERS, ...NOT_COUNTS.filter((v) => !(ACCEPTS[name] ?? []).includes(v))];

// Selects that reveal more inputs: each lesson is walked once per setting.
const VIEWS = {
  measuring: [{}, { kernel: 'f32_matmul_blocked' }],
  threads: [{}, { experiment: 'small' }],
  capstone: [{}, { model: 'conv' }],
};

let lab;
before(async () => {
  lab = await openLab({ path: '/?test-hooks#/measuring' });
  await lab.page.waitForFunction(labReady, null, { timeout: 30000 });
});
after(async () => {
  await lab?.close();
});

// What a bad value must not change: the section's text without its alerts and
// run lines, every chart's pixels, and the session's log of measurements.
function snapshot(section) {
  const copy = section.cloneNode(true);
  for (const node of copy.querySelectorAll('[role="alert"], .run-line, [aria-live]')) node.remove();
  return JSON.stringify({
    text: copy.textContent,
    charts: [...section.querySelectorAll('canvas')].map((c) => c.toDataURL()),
    measurements: self.kernelLabTest.session.measurements.length,
  });
}

// Fills `value` into the input, submits its form as a student would (its own
// button, or the lesson's Run), and says what happened.
async function tryValue(page, lessonId, name, value) {
  const section = page.locator(`section[data-lesson-view="${lessonId}"]`);
  const input = section.locator(`input[name="${name}"]`);
  const original = await input.inputValue();
  await input.fill(value);
  const form = input.locator('xpath=ancestor::form');
  await form.locator('[role="alert"]').evaluate((alert) => {
    alert.textContent = '';
  });
  const before = await section.evaluate(snapshot);
  const submit = form.locator('button[type="submit"]');
  await ((await submit.count()) ? submit : section.locator('button[data-action="run"]')).click();
  const message = await form.locator('[role="alert"]').evaluate(
    (alert) =>
      new Promise((resolve) => {
        const started = performance.now();
        const poll = () => {
          if (alert.textContent.trim()) resolve(alert.textContent.trim());
          else if (performance.now() - started > 10000) resolve('');
          else setTimeout(poll, 20);
        };
        poll();
      }),
  );
  // A value that was not refused started a run: stop it before going on.
  if (!message)
    await section
      .locator('button[data-action="cancel"]:enabled, button[data-action="cancel-ladder"]:enabled, button[data-action="cancel-ab"]:enabled')
      .first()
      .click()
      .catch(() => {});
  await page.waitForFunction(
    (el) => !el.querySelector('[data-running="true"]') && el.dataset.running !== 'true',
    await section.elementHandle(),
  );
  const invalid = await input.getAttribute('aria-invalid');
  const after = await section.evaluate(snapshot);
  await input.fill(original);
  return { message, invalid, unchanged: before === after };
}

test('every bad value in every numeric input is refused with a message, and changes nothing', async () => {
  const { page } = lab;
  const lessons = await page.$$eval('section[data-lesson-view]', (all) => all.map((s) => s.dataset.lessonView));
  assert.ok(lessons.length >= 10, `only ${lessons.length} lessons`);
  const failures = [];
  let tried = 0;
  for (const lessonId of lessons) {
    await page.evaluate((id) => {
      location.hash = `#/${id}`;
    }, lessonId);
    const section = page.locator(`section[data-lesson-view="${lessonId}"]`);
    await section.waitFor({ state: 'visible' });
    for (const view of VIEWS[lessonId] ?? [{}]) {
      for (const [select, value] of Object.entries(view)) await section.locator(`select[name="${select}"]`).selectOption(value);
      // Numbers and lists of numbers: not a name typed as text (autocomplete="name", the report's submission).
      const names = await section
        .locator('input[name]:not([autocomplete="name"]):visible:enabled')
        .evaluateAll((inputs) => inputs.map((i) => i.name));
      for (const name of names.filter((n) => GOOD[n])) await section.locator(`input[name="${name}"]`).fill(GOOD[name]);
      for (const name of names) {
        for (const value of badValues(name)) {
          tried += 1;
          const { message, invalid, unchanged } = await tryValue(page, lessonId, name, value);
          const where = `${lessonId} ${JSON.stringify(view)} ${name} = ${JSON.stringify(value)}`;
          if (!message) failures.push(`${where}: no message`);
          else if (invalid !== 'true') failures.push(`${where}: "${message}" does not mark the input`);
          if (!unchanged) failures.push(`${where}: the page changed`);
        }
      }
    }
  }
  assert.ok(tried > 200, `only ${tried} values tried`);
  assert.deepEqual(failures, []);
  assert.deepEqual(lab.problems, [], 'console errors or uncaught exceptions');
});
