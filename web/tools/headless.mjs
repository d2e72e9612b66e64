// Serves web/ (or another root, such as dist/) on a free loopback port and
// opens it in Debian's headless Chromium. Shared by the browser tests and the
// in-browser benchmark.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a closed network and a root user: no sandbox, no background traffic.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// root: the folder to serve, web/ unless given. isolate: false serves it
// without any headers (no COOP, COEP or CSP), as a plain static host would.
// serviceWorkers: 'block' keeps the page from registering any, as a
// browser with them turned off would. prepare(page) runs before the page
// first loads, to route requests, for one. args: more Chromium flags, such as
// --js-flags=--no-liftoff (V8 compiles wasm with its optimizing tier only).
export async function openLab({ root = WEB_ROOT, path = '/', isolate = true, serviceWorkers = 'allow', prepare, args = [] } = {}) {
  const server = await startServer({ root, port: 0, isolate });
  const url = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...args] });
  const page = await browser.newPage({ serviceWorkers });
  const problems = []; // console errors and uncaught exceptions, for tests to assert on
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await prepare?.(page);
  await page.goto(url + path);
  return {
    page,
    browser,
    server,
    url,
    problems,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
