// Which browser, and so which engines, a user-agent string names: the page
// shows it beside the clock's measured grain, and a report keeps the string,
// so a report from another machine names its engine too. Pure, for node:test.
//
// Browsers built on another's engine say so in the string, so the order of
// RULES matters: Edge and Opera carry "Chrome/", and every browser on iOS
// runs WebKit whatever its name.
const BLINK = { engine: 'Blink', script: 'V8' };
const GECKO = { engine: 'Gecko', script: 'SpiderMonkey' };
const WEBKIT = { engine: 'WebKit', script: 'JavaScriptCore' };

const IOS_NAMES = { CriOS: 'Chrome', FxiOS: 'Firefox', EdgiOS: 'Edge' };

// [pattern with the major version as group "version", name(match), engines]
const RULES = [
  [/\b(?<app>CriOS|FxiOS|EdgiOS)\/(?<version>\d+)/, (m) => `${IOS_NAMES[m.groups.app]} for iOS`, WEBKIT],
  [/\bFirefox\/(?<version>\d+)/, () => 'Firefox', GECKO],
  [/\bEdg\/(?<version>\d+)/, () => 'Edge', BLINK],
  [/\bOPR\/(?<version>\d+)/, () => 'Opera', BLINK],
  [/\bHeadlessChrome\/(?<version>\d+)/, () => 'Headless Chrome', BLINK],
  [/\bChrome\/(?<version>\d+)/, () => 'Chrome', BLINK],
  [/\bVersion\/(?<version>\d+)[^ ]* .*Safari\//, () => 'Safari', WEBKIT],
];

// {browser, version, engine, script} or null for a string no rule knows.
// browser: its name; version: its major version; engine: the one that lays
// out the page; script: the one that compiles and runs the WebAssembly.
export function engineOf(userAgent) {
  for (const [pattern, name, engines] of RULES) {
    const match = pattern.exec(userAgent ?? '');
    if (match) return { browser: name(match), version: Number(match.groups.version), ...engines };
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
