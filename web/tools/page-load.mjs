// How fast the page becomes usable and how much it downloads, in headless
// Chromium on this machine. The page is interactive when the lab says it is
// ready (body[data-lab-ready]) and the first lesson's Run button is enabled;
// the time is taken in the page, from the navigation's start, so a reload the
// service worker asks for counts from the reloaded navigation; the time from
// the first navigation, reload included, is reported beside it.
//
//   node web/tools/page-load.mjs [--root dist] [--plain] [--runs 5]
//
// Counted as the page's code: every JavaScript and wasm response, from the page,
// its workers and the service worker, except the optional builds a browser
// without threads or SIMD loads instead of the full one. Each URL counts once,
// though a reload or a service worker's own fetch may bring it twice.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLab, WEB_ROOT } from './headless.mjs';
import { lessons } from '../lessons/index.js';

export const OPTIONAL_BUILDS = /\/gen\/kernel_lab_(st|nosimd)\./;
const CODE = /\.(m?js|wasm)$/;

// {interactive_ms, since_first_navigation_ms, navigations, code_bytes, all_bytes,
//  responses: [{url, bytes}], origins, problems, crossOriginIsolated}
export async function measureLoad({ root = WEB_ROOT, isolate = true } = {}) {
  const responses = [];
  const origins = new Set();
  const pending = [];
  let navigations = 0;
  let startedAt;
  const lab = await openLab({
    root,
    isolate,
    path: '/',
    async prepare(page) {
      const context = page.context();
      context.on('request', (request) => origins.add(new URL(request.url()).origin));
      context.on('response', (response) =>
        pending.push(
          response.body().then(
            (body) => responses.push({ url: response.url(), bytes: body.length }),
            () => {},
          ),
        ),
      ); // a body the browser already dropped (a redirect) is not a download
      page.on('load', () => {
        navigations += 1;
      });
      startedAt = Date.now(); // openLab navigates right after this
    },
  });
  try {
    const { page } = lab;
    const first = lessons[0].id;
    const interactive = await page.waitForFunction(
      (id) => {
        const run = document.querySelector(`section[data-lesson-view="${id}"] button[data-action="run"]`);
        return document.body.dataset.labReady === 'true' && run && !run.disabled && performance.now();
      },
      first,
      { timeout: 30000, polling: 'raf' },
    );
    const interactiveMs = await interactive.jsonValue();
    // A reload wipes the first document's clock: the wall clock spans both.
    const sinceFirst = (await page.evaluate(() => performance.timeOrigin)) + interactiveMs - startedAt;
    await Promise.all(pending);
    const byUrl = new Map();
    for (const r of responses) byUrl.set(r.url, Math.max(r.bytes, byUrl.get(r.url) ?? 0));
    const unique = [...byUrl].map(([url, bytes]) => ({ url, bytes }));
    const code = unique.filter((r) => CODE.test(new URL(r.url).pathname) && !OPTIONAL_BUILDS.test(r.url));
    const sum = (list) => list.reduce((total, r) => total + r.bytes, 0);
    return {
      interactive_ms: interactiveMs,
      since_first_navigation_ms: sinceFirst,
      navigations,
      code_bytes: sum(code),
      all_bytes: sum(unique),
      responses: unique,
      origins: [...origins],
      problems: lab.problems,
      crossOriginIsolated: await page.evaluate(() => self.crossOriginIsolated),
    };
  } finally {
    await lab.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: WEB_ROOT },
      plain: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
    },
  });
  const times = [];
  let last;
  for (let i = 0; i < Number(values.runs); i += 1) {
    last = await measureLoad({ root: resolve(values.root), isolate: !values.plain });
    times.push(last.interactive_ms);
    const reload =
      last.navigations > 1 ? `; ${last.since_first_navigation_ms.toFixed(0)} ms from the first of its ${last.navigations} navigations` : '';
    console.log(`run ${i + 1}: interactive ${last.interactive_ms.toFixed(0)} ms after navigation${reload}`);
  }
  times.sort((a, b) => a - b);
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB (${n} bytes)`;
  console.log(`median time to interactive: ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${times.length} loads`);
  console.log(`JavaScript and wasm downloaded (optional builds excluded): ${kib(last.code_bytes)}`);
  console.log(`everything downloaded: ${kib(last.all_bytes)} in ${last.responses.length} responses`);
  console.log(`origins requested: ${last.origins.join(', ')}; cross-origin isolated: ${last.crossOriginIsolated}`);
  for (const r of [...last.responses].sort((a, b) => b.bytes - a.bytes).slice(0, 8)) {
    console.log(`  ${String(r.bytes).padStart(9)}  ${new URL(r.url).pathname}`);
  }
}
