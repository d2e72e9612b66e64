// The browser engines the lab is driven in, by name. Each driver's launch()
// resolves with {browser, page, tab, version, close}: page is the driver's own
// (Playwright's or Puppeteer's) and tab the engine-neutral one, with
// evaluate(fn, arg), waitFor(fn, arg, timeout) (until fn(arg) in the page is
// truthy; fn returns a value evaluate can bring back), click, fill, setFile,
// setViewport, screenshot, onLoad and onProblem.
import * as chromium from './chromium.mjs';
import * as firefox from './firefox.mjs';

export const ENGINES = { chromium, firefox };

// Turns on keeping browsers open between launches, where a driver can
// (Chromium: one browser per set of flags, a context per lab), and returns
// the closer to call when the process is done with them (a test file's after).
export const shareBrowsers = chromium.shareBrowsers;

export function driverOf(engine) {
  const driver = ENGINES[engine];
  if (!driver) throw new Error(`no browser engine "${engine}": use ${Object.keys(ENGINES).join(' or ')}`);
  return driver;
}
