// The page's handle on the lab worker. Runs go one at a time, in order; each
// returns a promise of the C++ result object. Cancel asks the running kernel to
// stop between samples, and if it is inside one long call, replaces the worker.
// A worker whose module crashes (a trap, out of memory) is replaced too: the
// run it was doing ends with an error that says so, and the queue goes on.

import { chooseBuild } from './build-choice.js';

const CANCEL_GRACE_MS = 300;
// In Firefox (ESR 153) the module's set-up now and then never returns from
// creating its thread pool, workers made inside the lab worker, and the page
// would say "Loading" for ever. That part downloads nothing and takes
// milliseconds, so a worker that has not finished it in SETUP_TIMEOUT_MS is
// replaced, up to SETUP_TRIES workers in all; then the start fails, saying so.
const SETUP_TIMEOUT_MS = 5000;
const SETUP_TRIES = 3;
// The cancel flag's values, as web/worker.js reads them.
const STOP = 1;
const CRASH = { trap: 2, out_of_memory: 3 };

// What a module's dying words mean, for a student.
function crashMessage(dyingWords) {
  // Emscripten's advice to the module's developer is no help to a student.
  const error = dyingWords.replace(/\.?\s*Build with -s ASSERTIONS=1 for more info\.?/, '');
  if (/enlarge memory|out of memory|\bOOM\b/i.test(error)) return `The lab’s WebAssembly module ran out of memory (${error}).`;
  return `The lab’s WebAssembly module crashed (${error}).`;
}

export class LabClient {
  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.workerUrl = workerUrl;
    this.catalog = null;
    this.queue = [];
    this.current = null;
    this.nextId = 1;
    this.listeners = new Set();
    this.resultListeners = new Set();
    this.workerListeners = new Set();
    this.broken = null; // the message, once a replacement worker failed to load
    // Kernels compiled in the page, as registered: a replacement worker gets them again.
    this.pageKernels = [];
  }

  // Resolves with the catalog once the module is loaded. `build` is what
  // chooseBuild() picked: which module, and why not a better one.
  async start(build = chooseBuild({ requested: new URLSearchParams(self.location.search).get('build') })) {
    this.build = build;
    // Without shared memory a running kernel cannot be asked to stop between
    // samples: Cancel then replaces the worker straight away.
    this.cancelFlag = build.threads ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.catalog = await this.spawn();
    return this.catalog;
  }

  // tries: how many workers this start may still use (SETUP_TIMEOUT_MS).
  spawn(tries = SETUP_TRIES) {
    this.worker?.terminate();
    this.ready = false; // runs wait in the queue until the new module has loaded
    const url = new URL(this.workerUrl);
    url.searchParams.set('module', this.build.module);
    // The test switch that leaves the relaxed-SIMD kernels out (web/relaxed-simd.js).
    if (new URLSearchParams(self.location.search).has('no-relaxed-simd')) url.searchParams.set('no-relaxed-simd', '');
    this.worker = new Worker(url);
    if (this.cancelFlag) this.worker.postMessage({ type: 'cancel-flag', buffer: this.cancelFlag.buffer });
    return new Promise((resolve, reject) => {
      let setupTimer;
      const stalled = () => {
        const waited = `The WebAssembly module’s set-up did not finish within ${SETUP_TIMEOUT_MS / 1000} s`;
        if (tries > 1) {
          console.warn(`Kernel Lab: ${waited}, so it starts again in a new worker.`);
          this.spawn(tries - 1).then(resolve, reject);
        } else this.died(`${waited}, ${SETUP_TRIES} times. Reload the page, or try another browser.`, reject);
      };
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'setting-up') setupTimer = setTimeout(stalled, SETUP_TIMEOUT_MS);
        else if (data.type === 'set-up') clearTimeout(setupTimer);
        else if (data.type === 'ready') {
          for (const request of this.pageKernels) this.worker.postMessage({ type: 'registerPageKernel', id: 0, request });
          this.ready = true;
          resolve(data.catalog);
          this.pump();
        } else if (data.type === 'fatal') {
          clearTimeout(setupTimer);
          this.died(data.error, reject);
        } else this.onMessage(data);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        clearTimeout(setupTimer);
        this.died(event.message || 'the lab worker failed to load', reject);
      };
    });
  }

  // Called with {running, queued, fraction} whenever progress changes.
  onStatus(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Called with {state: 'restarting' | 'ready' | 'failed', message} when a
  // crashed worker is replaced: the page's status line says what happened.
  onWorker(listener) {
    this.workerListeners.add(listener);
    return () => this.workerListeners.delete(listener);
  }

  emitWorker(state, message) {
    for (const listener of this.workerListeners) listener({ state, message });
  }

  // Called with (request, result) for every run that finished, whatever asked
  // for it: the session's log of measurements is built from these.
  onResult(listener) {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  emit(fraction = 0) {
    const status = { running: this.current?.request ?? null, queued: this.queue.length, fraction };
    for (const listener of this.listeners) listener(status);
  }

  // request: {kernel, m, n, k, block?, min_time_s?, single_shot?}
  run(request) {
    return this.enqueue('run', request);
  }

  // The same validation as run(), without running: {status: 'ok'} or
  // {status: 'invalid', field, error}. Check a whole sweep before starting it.
  check(request) {
    return this.enqueue('check', request);
  }

  // One of the catalog's demos, {demo: id, ...its named numbers}: a small
  // untimed computation, such as how a number rounds to fp16. Resolves with
  // {status: 'ok', demo, ...its fields} or {status: 'invalid', field, error}.
  demo(request) {
    return this.enqueue('demo', request);
  }

  // A student's kernel, compiled in the page: wasm is the module's bytes,
  // exercise the name of the stub it implements, label its title in tables.
  // Resolves {status: 'ok', kernel} once the catalog holds it, or
  // {status: 'invalid', error}.
  async registerStudentKernel({ exercise, wasm, label }) {
    this.lastSlot = (this.lastSlot ?? 0) + 1;
    const request = { exercise, label, slot: this.lastSlot, wasm };
    const result = await this.enqueue('registerPageKernel', request);
    if (result.status !== 'ok') return result;
    this.pageKernels.push(request);
    this.catalog.kernels.push(result.kernel);
    return result;
  }

  enqueue(type, request) {
    if (this.broken) return Promise.resolve({ status: 'error', error: this.broken });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, type, request, resolve });
      this.pump();
    });
  }

  pump() {
    if (this.current || this.queue.length === 0 || !this.ready) return;
    this.current = this.queue.shift();
    if (this.cancelFlag) Atomics.store(this.cancelFlag, 0, 0);
    this.worker.postMessage({ type: this.current.type, id: this.current.id, request: this.current.request });
    this.emit(0);
  }

  onMessage(data) {
    if (!this.current || data.id !== this.current.id) return;
    if (data.type === 'progress') this.emit(data.fraction);
    else if (data.type === 'result') this.finish(data.result);
  }

  finish(result) {
    const done = this.current;
    this.current = null;
    clearTimeout(this.cancelTimer);
    if (done.type === 'run') for (const listener of this.resultListeners) listener(done.request, result);
    done.resolve(result);
    this.emit(1);
    this.pump();
  }

  // The worker died. If it had loaded (a trap, or out of memory), end the
  // current request with an error that says so, and start a fresh worker so the
  // page keeps working; if it never loaded, restarting would only fail again,
  // so the start() promise (or the restart) reports it.
  died(error, reject) {
    const wasReady = this.ready;
    this.ready = false;
    reject(new Error(error));
    if (!wasReady) return;
    const message = crashMessage(error);
    // A check or a demo changes nothing, so the fresh worker may answer it,
    // once; a run, which may be what crashed, ends with the message.
    if (this.current && this.current.type !== 'run' && !this.current.retried) {
      this.queue.unshift({ ...this.current, retried: true });
      this.current = null;
    }
    if (this.current) this.finish({ status: 'error', error: `${message} The lab restarted it; results measured before are kept.` });
    this.emitWorker('restarting', message);
    this.restart(message);
  }

  // crash: the message of the crash that made the restart necessary, if any.
  restart(crash) {
    this.spawn().then(
      () => {
        if (crash) this.emitWorker('ready', crash);
      },
      (error) => {
        this.broken = `The lab stopped working and could not restart (${error.message}). Reload the page.`;
        const waiting = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
        this.current = null;
        for (const request of waiting) request.resolve({ status: 'error', error: this.broken });
        this.emitWorker('failed', this.broken);
      },
    );
  }

  // A test hook, used only by the browser tests: makes the module crash with a
  // trap or out of memory (kind 'trap' or 'out_of_memory'), as a bug would.
  // During a run on a build with shared memory it crashes inside the run, at
  // its next sample; otherwise as soon as the worker is free.
  crashForTest(kind) {
    if (this.current?.type === 'run' && this.cancelFlag) Atomics.store(this.cancelFlag, 0, CRASH[kind]);
    else this.worker.postMessage({ type: 'crash-for-test', kind });
  }

  // Cancels the running run and everything queued.
  cancel() {
    for (const queued of this.queue.splice(0)) queued.resolve({ status: 'cancelled', error: 'Cancelled.' });
    if (!this.current) return;
    const id = this.current.id;
    const replace = () => {
      if (this.current?.id !== id) return;
      this.finish({ status: 'cancelled', error: 'Cancelled.' });
      this.restart();
    };
    if (!this.cancelFlag) {
      replace();
      return;
    }
    Atomics.store(this.cancelFlag, 0, STOP);
    // Inside one long kernel call there is no "between samples": replace the worker.
    this.cancelTimer = setTimeout(replace, CANCEL_GRACE_MS);
  }

  get busy() {
    return this.current !== null || this.queue.length > 0;
  }
}
