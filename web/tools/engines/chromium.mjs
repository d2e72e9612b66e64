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

// serviceWorkers: 'block' keeps pages from registering any. args: more
// Chromium flags, such as --js-flags=--no-liftoff. prefs are Firefox's: given
// here, they would be silently lost, so they are refused.
export async function launch({ serviceWorkers = 'allow', args = [], prefs = {} } = {}) {
  if (Object.keys(prefs).length) throw new Error('Firefox preferences (prefs) do not apply to Chromium: use args');
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: [...ARGS, ...args] });
  try {
    const page = await browser.newPage({ serviceWorkers });
    return { browser, page, tab: tabOf(page), version: `Chromium ${browser.version()}`, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
