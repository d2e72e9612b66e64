// Accessibility: axe-core finds no serious or critical violation on any view,
// at desktop and at phone width, once a run has filled a table and a chart;
// one lesson can be reached and run with the keyboard alone, with a visible
// focus ring on every stop; a phone-wide page never scrolls sideways.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fill, openLesson, runAndWait, withLesson } from './lab-page.mjs';

// axe's source, evaluated by the test driver: the page's CSP refuses inline
// scripts (rightly), and code the driver evaluates is not subject to it.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 375, height: 800 };

async function viewIds(page) {
  return page.$$eval('a[data-lesson]', (links) => links.map((a) => a.dataset.lesson));
}

async function showView(lab, id) {
  await lab.page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${id}`);
  await lab.page.locator(`section[data-lesson-view="${id}"]`).waitFor({ state: 'visible' });
}

// axe's serious and critical findings, as "rule: element" lines, for a readable failure.
async function seriousViolations(page) {
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
  );
  return violations;
}

// The focus ring, as the page draws it: an outline or a box shadow.
function focusRing() {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return { outline, shadow: style.boxShadow !== 'none', tag: document.activeElement.tagName };
}

test('axe finds no serious or critical violation on any view, at desktop and phone width, after a run', async () => {
  await withLesson('loops', async (lab) => {
    const { page, section } = lab;
    await fill(section, { sizes: '16', min_time_s: 0.05 });
    await runAndWait(section);
    assert.ok((await section.locator('[data-chart] canvas').count()) > 0, 'the run drew a chart');
    await page.evaluate(AXE);
    const found = [];
    for (const size of [{ width: 1280, height: 900 }, PHONE]) {
      await page.setViewportSize(size);
      for (const id of await viewIds(page)) {
        await showView(lab, id);
        found.push(...(await seriousViolations(page)).map((v) => `${size.width}px #/${id} ${v}`));
      }
    }
    assert.deepEqual(found, []);
  });
});

test('every chart has a table of its data, built from the same points', async () => {
  await withLesson('loops', async ({ section }) => {
    await fill(section, { sizes: '16,32', min_time_s: 0.05 });
    await runAndWait(section);
    const data = section.locator('[data-chart-data]').first();
    await data.locator('summary').click();
    const table = data.locator('table[data-chart-table]');
    assert.equal(await table.locator('tbody tr').count(), 2, 'one row per N');
    const gflops = await section
      .locator('table[data-results] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('td[data-col="gflops"]')?.textContent.trim()).filter((t) => t && t !== '—'));
    const cells = await table.locator('tbody td').allTextContents();
    for (const value of cells.filter((c) => c !== '—')) assert.ok(gflops.includes(value), `${value} is in the results table`);
    // An empty chart has no table to show.
    await section.locator('button[data-action="clear"]').click();
    assert.equal(await data.isHidden(), true);
  });
});

test('keyboard only: Tab to the navigation, Enter on a lesson, Tab to its inputs and Run, Space runs it; focus is always visible', async () => {
  const lab = await openLesson('measuring');
  try {
    const { page } = lab;
    const active = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return {
          lesson: a.dataset.lesson ?? null,
          name: a.getAttribute('name'),
          action: a.dataset.action ?? null,
          prediction: a.hasAttribute('data-prediction'),
          tag: a.tagName,
        };
      });
    // Tab from the top of the page to the navigation's loops link.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await active();
      const ring = await page.evaluate(focusRing);
      assert.ok(ring.outline || ring.shadow, `focus ring on ${JSON.stringify(focus)}`);
      reached = focus.lesson === 'loops';
    }
    assert.ok(reached, 'Tab reaches the loops link');
    await page.keyboard.press('Enter');
    const section = page.locator('section[data-lesson-view="loops"]');
    await section.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'loops-title', 'focus moves to the lesson heading');

    // Tab through the lesson's controls to Run, typing small values on the way.
    const seen = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const focus = await active();
      const ring = await page.evaluate(focusRing);
      assert.ok(ring.outline || ring.shadow, `focus ring on ${JSON.stringify(focus)}`);
      seen.push(focus.prediction ? 'prediction' : (focus.name ?? focus.action ?? focus.tag));
      if (focus.prediction) await page.keyboard.press('ArrowDown');
      if (focus.name === 'sizes' || focus.name === 'min_time_s') {
        await page.keyboard.press('Control+A');
        await page.keyboard.type(focus.name === 'sizes' ? '16' : '0.05');
      }
      if (focus.action === 'run') break;
    }
    assert.deepEqual(
      seen.filter((s) => ['prediction', 'sizes', 'min_time_s', 'run'].includes(s)),
      ['prediction', 'sizes', 'min_time_s', 'run'],
    );
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (el) => el.dataset.running === 'false' && el.querySelector('[data-verdict]'),
      await section.elementHandle(),
      { timeout: 60000 },
    );
    assert.ok((await section.locator('table[data-results] tbody tr').count()) >= 6, 'the run measured every order at N = 16');

    // The chart's legend and its data table answer the keyboard too.
    const legend = section.locator('.u-legend th[role="button"]').first();
    await legend.focus();
    assert.equal(await legend.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await legend.getAttribute('aria-pressed'), 'false', 'Enter hides the series');
    const summary = section.locator('[data-chart-data] summary').first();
    await summary.focus();
    assert.ok((await page.evaluate(focusRing)).outline, 'the summary shows focus');
    await page.keyboard.press('Enter');
    assert.equal(
      await section
        .locator('[data-chart-data]')
        .first()
        .evaluate((d) => d.open),
      true,
    );
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('at phone width no view scrolls sideways, and the navigation scrolls within itself', async () => {
  await withLesson('loops', async (lab) => {
    const { page, section } = lab;
    await page.setViewportSize(PHONE);
    await fill(section, { sizes: '16', min_time_s: 0.05 });
    await runAndWait(section);
    for (const id of await viewIds(page)) {
      await showView(lab, id);
      const width = await page.evaluate(() => ({ body: document.body.scrollWidth, page: document.documentElement.scrollWidth }));
      assert.ok(width.body <= PHONE.width && width.page <= PHONE.width, `#/${id} is ${JSON.stringify(width)} px wide`);
    }
    const nav = page.locator('[data-lesson-nav]');
    assert.ok(await nav.evaluate((ol) => ol.scrollWidth > ol.clientWidth && getComputedStyle(ol).overflowX === 'auto'));
    await page.locator('a[data-lesson="report"]').click();
    await page.locator('section[data-lesson-view="report"]').waitFor({ state: 'visible' });
    // The results table is wider than a phone: it scrolls in its own box, which takes focus.
    await showView(lab, 'loops');
    const box = section.locator('table[data-results]').locator('xpath=..');
    assert.equal(await box.getAttribute('tabindex'), '0');
    assert.ok(await box.evaluate((b) => b.scrollWidth > b.clientWidth));
  });
});
