// Which browser, and so which engines, a user-agent string names: the page
// shows it beside the clock's measured grain, and a report keeps the string,
// so a report from another machine names its engine too. Pure, for node:test.
//
// Browsers built on another's engine say so in the string, so the order of
// RULES matters: Edge and Opera carry "Chrome/", and every browser on iOS
// runs WebKit whatever its name.

// The engine that compiles and runs the WebAssembly in each family:
// Chromium's (Blink), Firefox's (Gecko) and Safari's (WebKit).
const V8 = 'V8';
const SPIDERMONKEY = 'SpiderMonkey';
const JAVASCRIPTCORE = 'JavaScriptCore';

const IOS_NAMES = { CriOS: 'Chrome', FxiOS: 'Firefox', EdgiOS: 'Edge' };

// [pattern with the major version as group "version", name(match), script engine]
const RULES = [
  [/\b(?<app>CriOS|FxiOS|EdgiOS)\/(?<version>\d+)/, (m) => `${IOS_NAMES[m.groups.app]} for iOS`, JAVASCRIPTCORE],
  [/\bFirefox\/(?<version>\d+)/, () => 'Firefox', SPIDERMONKEY],
  [/\bEdg\/(?<version>\d+)/, () => 'Edge', V8],
  [/\bOPR\/(?<version>\d+)/, () => 'Opera', V8],
  [/\bHeadlessChrome\/(?<version>\d+)/, () => 'Headless Chrome', V8],
  [/\bChrome\/(?<version>\d+)/, () => 'Chrome', V8],
  [/\bVersion\/(?<version>\d+)[^ ]* .*Safari\//, () => 'Safari', JAVASCRIPTCORE],
];

// {browser, version, script} or null for a string no rule knows. browser:
// its name; version: its major version; script: the engine that compiles and
// runs the WebAssembly.
export function engineOf(userAgent) {
  for (const [pattern, name, script] of RULES) {
    const match = pattern.exec(userAgent ?? '');
    if (match) return { browser: name(match), version: Number(match.groups.version), script };
  }
  return null;
}

const UNKNOWN = 'a browser the lab does not recognise';

// "Firefox 153", for the status line.
export function browserName(userAgent) {
  const found = engineOf(userAgent);
  return found ? `${found.browser} ${found.version}` : UNKNOWN;
}

// "Firefox 153 (SpiderMonkey runs the WebAssembly)", for the lesson and report.
export function engineText(userAgent) {
  const found = engineOf(userAgent);
  return found ? `${browserName(userAgent)} (${found.script} runs the WebAssembly)` : UNKNOWN;
}
