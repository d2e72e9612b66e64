// The engine the page names from a user-agent string, for real strings of
// each family, including the browsers that carry another's name in theirs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserName, engineOf, engineText } from '../../web/engine.js';

const AGENTS = [
  ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox', 153, 'SpiderMonkey'],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
    'Headless Chrome',
    156,
    'V8',
  ],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36', 'Chrome', 150, 'V8'],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36 Edg/150.0.3000.1',
    'Edge',
    150,
    'V8',
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/149.0.0.0 Safari/537.36 OPR/130.0.0.0',
    'Opera',
    130,
    'V8',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/19.1 Safari/605.1.15',
    'Safari',
    19,
    'JavaScriptCore',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/150.0.0.0 Mobile/15E148 Safari/604.1',
    'Chrome for iOS',
    150,
    'JavaScriptCore',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/150.0 Mobile/15E148 Safari/605.1.15',
    'Firefox for iOS',
    150,
    'JavaScriptCore',
  ],
];

test('each browser is named with its version and the engine that runs its WebAssembly', () => {
  for (const [agent, browser, version, script] of AGENTS) {
    const found = engineOf(agent);
    assert.deepEqual([found?.browser, found?.version, found?.script], [browser, version, script], agent);
  }
  assert.equal(browserName(AGENTS[0][0]), 'Firefox 153');
  assert.equal(engineText(AGENTS[0][0]), 'Firefox 153 (SpiderMonkey runs the WebAssembly)');
});

test('a string no rule knows, or none at all, is said to be unrecognised', () => {
  for (const agent of ['', 'curl/8.5.0', undefined, null]) {
    assert.equal(engineOf(agent), null);
    assert.equal(browserName(agent), 'a browser the lab does not recognise');
    assert.equal(engineText(agent), 'a browser the lab does not recognise');
  }
});
