// The static build (npm run build → dist/) on the two kinds of host: one that
// sends COOP, COEP and the CSP, and a plain one that sends no headers, where
// the service worker isolates the page. On both: threads, a lesson that runs,
// no request to another origin and nothing the Content-Security-Policy blocks.
// The build is written into a temporary folder by the same code as npm run build.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildDist, REQUIRED } from '../../web/tools/build-dist.mjs';
import { measureLoad } from '../../web/tools/page-load.mjs';
import { pagePolicy } from '../../web/tools/static-server.mjs';
import { chooseBuild } from '../../web/build-choice.js';
import { fill, rows, runAndWait, withLesson } from './lab-page.mjs';

const BUDGET_BYTES = 1.5e6;

let dist;
before(() => {
  dist = buildDist(mkdtempSync(join(tmpdir(), 'kernel-lab-dist-')));
});
after(() => rmSync(dist, { recursive: true, force: true }));

// Opens a lesson of dist/, noting the origin of every request the page, its
// workers and the service worker make, and how many times the page loaded.
function onDist(lesson, body, options = {}) {
  const seen = { origins: new Set(), loads: 0 };
  return withLesson(lesson, (lab) => body({ ...lab, seen }), {
    root: dist,
    ...options,
    async prepare(page) {
      page.context().on('request', (request) => seen.origins.add(new URL(request.url()).origin));
      page.on('load', () => {
        seen.loads += 1;
      });
    },
  });
}

// Runs the loops lesson at one small size: the six loop orders, timed and
// checked (the student's kernel, a stub until written, adds a row of its own).
async function runLoops(section) {
  await fill(section, { sizes: '17', min_time_s: 0.05 });
  await runAndWait(section);
  assert.ok((await (await rows(section)).count()) >= 6);
  assert.ok((await section.locator('td[data-col="check"]', { hasText: /passed/ }).count()) >= 6);
}

// Fetches a data: URL in a page or worker and resolves with the directive that
// blocked it, or 'none'. (An eval here would prove nothing: code evaluated by
// the test driver is exempt from the policy, and so is what it evals.)
const blockedFetch = (scope) =>
  scope.evaluate(
    () =>
      new Promise((resolve) => {
        self.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        fetch('data:,csp-probe').then(
          () => resolve('none'),
          () => {},
        );
      }),
  );
const isProbe = (problem) => problem.includes('csp-probe');

// The policy binds the page and the lab worker, which a <meta> policy alone
// would not reach: a data: fetch is refused in both. The browser logs each
// blocked probe as an error: those are expected, and taken out of `problems`.
async function assertPolicyBinds(page, problems) {
  assert.equal(await blockedFetch(page), 'connect-src');
  const labWorker = page.workers().find((w) => new URL(w.url()).pathname === '/worker.js');
  assert.equal(await blockedFetch(labWorker), 'connect-src');
  const [probes, others] = [problems.filter(isProbe), problems.filter((p) => !isProbe(p))];
  assert.ok(probes.length >= 2, 'the browser reports what the policy blocks');
  problems.splice(0, problems.length, ...others);
}

const statusLine = (page) => page.locator('[data-lab-status]').textContent();
const noticeText = async (page) => {
  const notice = page.locator('[data-build-notice]');
  return (await notice.isVisible()) ? (await notice.textContent()).trim() : null;
};

test('dist holds the page, the three builds, the sources and the service worker, and no build tools', () => {
  for (const path of REQUIRED) assert.ok(existsSync(join(dist, path)), path);
  assert.ok(existsSync(join(dist, 'gen/src/cpp/lab/runner.cpp')));
  assert.equal(existsSync(join(dist, 'tools')), false);
});

test('the policy allows wasm but not eval, inline code or other origins', () => {
  const policy = pagePolicy(dist);
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...v]) => [name, v]),
  );
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:'].includes(source), `${name} ${source}`);
    }
  }
  assert.deepEqual(directives.get('img-src'), ['data:']); // the empty favicon, and nothing else
});

test('a host with headers: isolated, threads, a lesson runs, one origin, and the policy enforced in page and worker', async () => {
  await onDist('loops', async ({ page, section, url, seen, problems }) => {
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.match(await statusLine(page), /SIMD128 \+ \d+ threads?/);
    assert.equal(await noticeText(page), null);
    await runLoops(section);
    assert.deepEqual([...seen.origins], [url]);
    await assertPolicyBinds(page, problems); // from the host's header
  });
});

test('a host without headers: the service worker reloads the page once into isolation, a lesson runs, and the policy binds the worker too', async () => {
  await onDist(
    'loops',
    async ({ page, section, url, seen, problems }) => {
      assert.equal(seen.loads, 2);
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
      assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
      assert.match(await statusLine(page), /SIMD128 \+ \d+ threads?/);
      assert.equal(await noticeText(page), null);
      await runLoops(section);
      assert.deepEqual([...seen.origins], [url]);
      await assertPolicyBinds(page, problems); // from the service worker
    },
    { isolate: false },
  );
});

test('no headers and no service worker: the single-threaded build, saying why', async () => {
  await onDist(
    'loops',
    async ({ page, section, url, seen }) => {
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
      assert.match(await statusLine(page), /SIMD128, 1 thread/);
      assert.equal(await noticeText(page), chooseBuild({ simd: true, isolated: false }).reason.replaceAll('`', ''));
      await runLoops(section);
      assert.deepEqual([...seen.origins], [url]);
    },
    { isolate: false, serviceWorkers: 'block' },
  );
});

test('the scalar build, asked for, says so and runs', async () => {
  await onDist(
    'loops',
    async ({ page, section }) => {
      assert.match(await statusLine(page), /scalar, 1 thread/);
      assert.equal(
        await noticeText(page),
        chooseBuild({ requested: 'kernel_lab_nosimd', simd: true, isolated: true }).reason.replaceAll('`', ''),
      );
      await runLoops(section);
    },
    { path: '/?build=kernel_lab_nosimd#/loops' },
  );
});

test('the JavaScript and wasm the page downloads stay under 1.5 MB, the optional builds aside', async (t) => {
  const load = await measureLoad({ root: dist });
  assert.deepEqual(load.problems, []);
  assert.equal(load.origins.length, 1);
  assert.ok(
    load.responses.some((r) => r.url.endsWith('/gen/kernel_lab.wasm')),
    'the threaded build was counted',
  );
  assert.ok(load.code_bytes < BUDGET_BYTES, `${load.code_bytes} bytes of JavaScript and wasm`);
  // Time depends on the machine and what else runs on it: reported, not asserted.
  t.diagnostic(`${load.code_bytes} bytes of JavaScript and wasm; interactive after ${load.interactive_ms.toFixed(0)} ms`);
});

test('the README describes the policy the page has', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(pagePolicy(dist)), 'README quotes the Content-Security-Policy of index.html');
});
