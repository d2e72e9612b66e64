// The lab's WebAssembly module lives here, off the page's main thread, so a
// long kernel never freezes the page. This is a classic worker, not a module:
// Emscripten 3.1.6's pthread glue is loaded with importScripts.
/* global createKernelLab */
'use strict';

// Which build to load, as web/build-choice.js chose it: the page passes it as ?module=.
const requested = new URLSearchParams(self.location.search).get('module');
const moduleName = /^kernel_lab(_st|_nosimd)?$/.test(requested) ? requested : 'kernel_lab';
const moduleUrl = new URL(`gen/${moduleName}.js`, self.location.href).href;
let lab = null;
let cancelFlag = null; // Int32Array on a SharedArrayBuffer: [0] = 1 asks the run to stop

function fail(error) {
  postMessage({ type: 'fatal', error: String(error && error.message ? error.message : error) });
}

try {
  importScripts(moduleUrl);
  createKernelLab({
    // Without this, the pthread workers cannot find the module's script.
    mainScriptUrlOrBlob: moduleUrl,
    locateFile: (path) => new URL(`gen/${path}`, self.location.href).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  }).then((module) => {
    lab = module;
    postMessage({ type: 'ready', catalog: JSON.parse(lab.catalog()) });
  }, fail);
} catch (error) {
  fail(error);
}

function run({ id, request }) {
  const onProgress = (fraction) => {
    postMessage({ type: 'progress', id, fraction });
    return !(cancelFlag && Atomics.load(cancelFlag, 0) === 1);
  };
  try {
    const result = JSON.parse(lab.run(request, onProgress));
    postMessage({ type: 'result', id, result });
  } catch (error) {
    // A trap or abort leaves the module unusable: say so, and let the page restart us.
    postMessage({ type: 'result', id, result: { status: 'error', error: `The kernel crashed: ${error}` } });
    fail(error);
  }
}

onmessage = ({ data }) => {
  if (data.type === 'cancel-flag') cancelFlag = new Int32Array(data.buffer);
  else if (data.type === 'run') run(data);
  else if (data.type === 'check') postMessage({ type: 'result', id: data.id, result: JSON.parse(lab.check(data.request)) });
  else if (data.type === 'demo') postMessage({ type: 'result', id: data.id, result: JSON.parse(lab.demo(data.request)) });
};
