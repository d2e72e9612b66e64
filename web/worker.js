// The lab's WebAssembly module lives here, off the page's main thread, so a
// long kernel never freezes the page. This is a classic worker, not a module:
// Emscripten 3.1.6's pthread glue is loaded with importScripts.
/* global createKernelLab */
'use strict';

// Which build to load, as web/build-choice.js chose it: the page passes it as ?module=.
const requested = new URLSearchParams(self.location.search).get('module');
const moduleName = /^kernel_lab(_st|_nosimd)?$/.test(requested) ? requested : 'kernel_lab';
const moduleUrl = new URL(`gen/${moduleName}.js`, self.location.href).href;
// The test switch that leaves the relaxed-SIMD kernels out, as if the browser had none.
const relaxedOff = new URLSearchParams(self.location.search).has('no-relaxed-simd');
let lab = null;
// Int32Array on a SharedArrayBuffer, set by the page (web/lab-client.js): [0] =
// 1 asks the run to stop; 2 or 3 is the test hook asking it to crash with a
// trap or out of memory, inside the run, at its next sample.
let cancelFlag = null;
const CRASH_KINDS = { 2: 'trap', 3: 'out_of_memory' };

function fail(error) {
  postMessage({ type: 'fatal', error: String(error && error.message ? error.message : error) });
}

try {
  importScripts(new URL('page-host.js', self.location.href).href, new URL('relaxed-simd.js', self.location.href).href, moduleUrl);
  // The module's set-up begins with a part that needs no download (its
  // memory and its thread pool): the page times it (SETUP_TIMEOUT_MS in
  // web/lab-client.js), since in Firefox it now and then never returns.
  postMessage({ type: 'setting-up' });
  const loading = createKernelLab({
    // Without this, the pthread workers cannot find the module's script.
    mainScriptUrlOrBlob: moduleUrl,
    locateFile: (path) => new URL(`gen/${path}`, self.location.href).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  });
  postMessage({ type: 'set-up' });
  loading
    .then(async (module) => {
      lab = module;
      await globalThis.labRelaxedSimd.load(lab, globalThis.labPageHost, { off: relaxedOff, baseUrl: self.location.href });
      postMessage({ type: 'ready', catalog: JSON.parse(lab.catalog()) });
    })
    .catch(fail);
} catch (error) {
  fail(error);
}

function run(request, id) {
  const onProgress = (fraction) => {
    postMessage({ type: 'progress', id, fraction });
    const flag = cancelFlag ? Atomics.load(cancelFlag, 0) : 0;
    if (CRASH_KINDS[flag]) lab.crashForTest(CRASH_KINDS[flag]);
    return flag !== 1;
  };
  return lab.run(request, onProgress);
}

// A student's module, compiled in the page: kept in its slot by web/page-host.js,
// then registered in the catalog as a kernel of its exercise.
function registerPageKernel({ exercise, label, slot, wasm }) {
  const problem = globalThis.labPageHost.add(slot, wasm);
  if (problem) return JSON.stringify({ status: 'invalid', error: problem });
  return lab.registerPageKernel({ exercise, label, slot });
}

const calls = {
  run,
  check: (request) => lab.check(request),
  demo: (request) => lab.demo(request),
  registerPageKernel,
};

// A trap or an abort (out of memory is one) leaves the module unusable: no
// result, only the fatal message, on which the page replaces this worker.
onmessage = ({ data }) => {
  if (data.type === 'cancel-flag') {
    cancelFlag = new Int32Array(data.buffer);
    return;
  }
  try {
    if (data.type === 'crash-for-test') lab.crashForTest(data.kind);
    else postMessage({ type: 'result', id: data.id, result: JSON.parse(calls[data.type](data.request, data.id)) });
  } catch (error) {
    fail(error);
  }
};
