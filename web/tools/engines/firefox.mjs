// Firefox, driven by puppeteer-core over WebDriver BiDi, the protocol a stock
// Firefox speaks (Playwright needs a patched build). launch() gives the
// engine-neutral tab (see index.mjs) and the native Puppeteer page.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { answerWithin } from './answer-within.mjs';

const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// How long one check of waitFor may take before it counts as "not yet", and
// the pause between checks.
const CHECK_MS = 1000;
const POLL_MS = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Puppeteer's waitForFunction polls inside the page. Over BiDi, in fresh CI
// runs, such a poll twice never answered: once across the service worker's
// reload, once on a page that did become ready, each until the protocol
// timeout. So the poll runs here, one short evaluate per check: a check that
// throws (its document went away) or does not answer in time counts as false.
async function waitFor(page, fn, arg, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await answerWithin(page.evaluate(fn, arg), CHECK_MS, false).catch(() => false);
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: still false after ${timeout} ms: ${fn}`);
    await sleep(POLL_MS);
  }
}

function tabOf(page, files) {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 30000) => waitFor(page, fn, arg, timeout),
    click: (selector) => page.click(selector),
    async fill(selector, value) {
      if ((await page.$eval(selector, (el) => el.tagName)) === 'SELECT') await page.select(selector, String(value));
      else await page.locator(selector).fill(String(value));
    },
    // BiDi hands the page a file from disk, so the text goes through one.
    async setFile(selector, { name, text }) {
      const path = join(files, name);
      await writeFile(path, text);
      await (await page.$(selector)).uploadFile(path);
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: (path, { fullPage = true } = {}) => page.screenshot({ path, fullPage }),
    onLoad: (listener) => page.on('load', () => listener()),
    onProblem(listener) {
      page.on('console', (m) => m.type() === 'error' && listener(m.text()));
      page.on('pageerror', (e) => listener(e.message ?? String(e)));
    },
  };
}

// serviceWorkers: 'block' turns them off, as a browser with them disabled
// would be. prefs: more Firefox preferences, such as
// {'javascript.options.wasm_relaxed_simd': false}. args are Chromium's flags:
// given here, they would be silently lost, so they are refused.
export async function launch({ serviceWorkers = 'allow', prefs = {}, args = [] } = {}) {
  if (args.length) throw new Error('Chromium flags (args) do not apply to Firefox: use prefs');
  // The files the tab hands to the page, and whatever the page downloads.
  const files = await mkdtemp(join(tmpdir(), 'kernel-lab-firefox-'));
  const removeFiles = () => rm(files, { recursive: true, force: true });
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLE,
      headless: true,
      // A protocol call that never answers fails in a minute, not three.
      protocolTimeout: 60000,
      extraPrefsFirefox: {
        'browser.download.folderList': 2,
        'browser.download.dir': files,
        ...(serviceWorkers === 'block' && { 'dom.serviceWorkers.enabled': false }),
        ...prefs,
      },
    });
    const page = await browser.newPage();
    const [product, version] = (await browser.version()).split('/');
    return {
      browser,
      page,
      tab: tabOf(page, files),
      version: `${product[0].toUpperCase()}${product.slice(1)} ${version}`,
      async close() {
        try {
          await browser.close();
        } finally {
          await removeFiles();
        }
      },
    };
  } catch (error) {
    await browser?.close();
    await removeFiles();
    throw error;
  }
}
