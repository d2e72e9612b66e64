// The browser engines the lab is driven in, by name. Each driver's launch()
// resolves with {browser, page, tab, version, close}: page is the driver's own
// (Playwright's or Puppeteer's) and tab the engine-neutral one, with
// evaluate(fn, arg), waitFor(fn, arg, timeout) (until fn(arg) in the page is
// truthy; fn returns a value evaluate can bring back), click, fill, setFile,
// setViewport, screenshot, onLoad and onProblem.
import * as chromium from './chromium.mjs';
import * as firefox from './firefox.mjs';

export const ENGINES = { chromium, firefox };

export function driverOf(engine) {
  const driver = ENGINES[engine];
  if (!driver) throw new Error(`no browser engine "${engine}": use ${Object.keys(ENGINES).join(' or ')}`);
  return driver;
}
