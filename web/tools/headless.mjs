// Serves web/ (or another root, such as dist/) on a free loopback port and
// opens it in a headless browser: Debian's Chromium unless told otherwise.
// Shared by the browser tests and the in-browser benchmark.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driverOf } from './engines/index.mjs';
import { startServer } from './static-server.mjs';

// Runs in the page: true once the lab has started and shown its first view
// (web/app.js sets data-lab-ready), for a driver's waitFor.
export const labReady = () => globalThis.document.body.dataset.labReady === 'true';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// engine: 'chromium' or 'firefox' (engines/index.mjs). root: the folder to
// serve, web/ unless given. isolate: false serves it without any headers (no
// COOP, COEP or CSP), as a plain static host would. serviceWorkers: 'block'
// keeps the page from registering any, as a browser with them turned off
// would. prepare(page, tab) runs before the page first loads, with the
// driver's own page and the engine-neutral tab, to route requests or count
// loads. args: more Chromium flags, such as
// --js-flags=--no-liftoff (V8 compiles wasm with its optimizing tier only);
// prefs: more Firefox preferences.
export async function openLab({
  engine = 'chromium',
  root = WEB_ROOT,
  path = '/',
  isolate = true,
  serviceWorkers = 'allow',
  prepare,
  args = [],
  prefs = {},
} = {}) {
  const server = await startServer({ root, port: 0, isolate });
  const url = `http://127.0.0.1:${server.address().port}`;
  const closeServer = () => new Promise((resolve) => server.close(resolve));
  let browser;
  const problems = []; // console errors and uncaught exceptions, for tests to assert on
  try {
    browser = await driverOf(engine).launch({ serviceWorkers, args, prefs });
    browser.tab.onProblem((text) => problems.push(text));
    await prepare?.(browser.page, browser.tab);
    await browser.page.goto(url + path);
  } catch (error) {
    await browser?.close();
    await closeServer();
    throw error;
  }
  return {
    version: browser.version,
    page: browser.page,
    tab: browser.tab,
    browser: browser.browser,
    server,
    url,
    problems,
    async close() {
      try {
        await browser.close();
      } finally {
        await closeServer();
      }
    },
  };
}
