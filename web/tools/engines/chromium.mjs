// Chromium, driven by playwright-core over the Chrome DevTools Protocol.
// launch() gives the native Playwright page (for the Chromium-only tests and
// the benchmarks) and the engine-neutral tab (see index.mjs) over it.
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

function tabOf(page) {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 30000) => page.waitForFunction(fn, arg, { timeout }),
    click: (selector) => page.click(selector),
    async fill(selector, value) {
      const control = page.locator(selector);
      if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(String(value));
      else await control.fill(String(value));
    },
    setFile: (selector, { name, text }) => page.setInputFiles(selector, { name, mimeType: 'application/json', buffer: Buffer.from(text) }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: (path, { fullPage = true } = {}) => page.screenshot({ path, fullPage }),
    onLoad: (listener) => page.on('load', () => listener()),
    onProblem(listener) {
      page.on('console', (m) => m.type() === 'error' && listener(m.text()));
      page.on('pageerror', (e) => listener(e.message));
    },
  };
}

// While sharing is on, launches with the same flags share one browser, each
// lab in its own context (its own storage, caches and service workers): a test
// file opens the lab dozens of times, and starting Chromium for each cost
// about 0.6 s on a 2-core machine. Off by default, since a shared browser
// keeps the process alive until the closer that shareBrowsers() returns runs.
const shared = new Map(); // flags -> Promise of a browser
let sharing = false;

export function shareBrowsers() {
  sharing = true;
  return async () => {
    sharing = false;
    const browsers = [...shared.values()];
    shared.clear();
    await Promise.all(browsers.map((launched) => launched.then((browser) => browser.close()).catch(() => {})));
  };
}

// A browser of its own, or the shared one for these flags (launched again if it went away).
async function browserFor(flags) {
  const start = () => chromium.launch({ executablePath: EXECUTABLE, args: flags });
  if (!sharing) return { browser: await start(), own: true };
  const key = flags.join(' ');
  const browser = await shared.get(key)?.catch(() => null);
  if (browser?.isConnected()) return { browser, own: false };
  const launched = start();
  shared.set(key, launched);
  return { browser: await launched, own: false };
}

// serviceWorkers: 'block' keeps pages from registering any. args: more
// Chromium flags, such as --js-flags=--no-liftoff. prefs are Firefox's: given
// here, they would be silently lost, so they are refused.
export async function launch({ serviceWorkers = 'allow', args = [], prefs = {} } = {}) {
  if (Object.keys(prefs).length) throw new Error('Firefox preferences (prefs) do not apply to Chromium: use args');
  const { browser, own } = await browserFor([...ARGS, ...args]);
  let context;
  const close = () => (own ? browser.close() : context?.close());
  try {
    context = await browser.newContext({ serviceWorkers });
    const page = await context.newPage();
    return { browser, page, tab: tabOf(page), version: `Chromium ${browser.version()}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
