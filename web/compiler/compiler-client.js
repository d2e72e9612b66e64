// The page's handle on the in-page C++ compiler, which runs in a worker of its
// own (compiler-worker.js, bundled into web/gen/compiler/). The compiler loads
// only when first asked: about 105 MB, downloaded once per browser profile and
// kept in Cache Storage by the worker. Compiles run one at a time, in the order
// asked. A compile that runs too long, or is cancelled, ends with its worker;
// the next one starts a fresh worker, which loads the compiler from the cache.
// That worker's script is fetched ahead, once the compiler is loaded, so a
// fresh worker starts offline too.
import { checkRequest } from './clang-command.js';
import { COMPILE_TIME_LIMIT_S, SOURCE_LIMIT_BYTES } from './compile-limits.js';

const refused = (kind, message) => ({ status: 'error', kind, message, diagnostics: [], log: '' });

const CANCELLED = refused('cancelled', 'The compile was cancelled.');
const TIMED_OUT = refused(
  'timeout',
  `The compile ran past its limit of ${COMPILE_TIME_LIMIT_S} s and was stopped. ` +
    'Look for a template or constexpr computation that never ends, or try a lower optimization level.',
);
const CRASHED = refused('compile', 'The compiler stopped unexpectedly (it may have run out of memory). Try again, or simplify the code.');

export class CompilerClient {
  #workerUrl;
  #worker = null;
  #spare = null; // a worker whose script is in, started ahead for the next load
  #loading = null; // the load's promise, while its worker lives
  #settleLoad = null; // {resolve, reject, started} while the load is in progress
  #progress = new Set(); // the onProgress callbacks of the load in progress
  #running = null; // {id, finish(result)}: the compile the worker is on
  #queue = Promise.resolve();
  #active = 0; // compiles asked for and not yet finished
  #cancels = 0; // cancel() ends every compile asked for before it
  #ids = 0;

  constructor(workerUrl = new URL('../gen/compiler/compiler-worker.js', import.meta.url)) {
    this.#workerUrl = workerUrl;
  }

  // Starts the worker and the compiler's download once; later calls get the
  // same promise. After a failed load, the next call tries again.
  load({ onProgress } = {}) {
    this.#loading ??= this.#start();
    if (onProgress && this.#settleLoad) this.#progress.add(onProgress);
    return this.#loading;
  }

  // Rejects with a TypeError, and compiles nothing, for flags or an exercise
  // name that are not what the API names; every other outcome is a result.
  async compile(request, { onProgress } = {}) {
    checkRequest(request);
    const cancels = this.#cancels;
    this.#active += 1;
    const turn = this.#queue.then(() => this.#compile(request, onProgress, cancels)).finally(() => (this.#active -= 1));
    this.#queue = turn.catch(() => {});
    return turn;
  }

  // Ends the compile in progress, and those asked for before this call, with
  // their worker. The compiler's download, if that is what they wait for, stops too.
  cancel() {
    if (!this.#active) return;
    this.#cancels += 1;
    this.#stop(new Error(CANCELLED.message), CANCELLED);
  }

  #start() {
    const worker = this.#spare ?? new Worker(this.#workerUrl, { type: 'module' });
    this.#spare = null;
    this.#worker = worker;
    const loading = new Promise((resolve, reject) => (this.#settleLoad = { resolve, reject, started: performance.now() }));
    worker.addEventListener('message', ({ data }) => this.#receive(data));
    // A script that never ran (not built, or refused) or a worker that died.
    worker.addEventListener('error', () => {
      const notLoaded = new Error('The compiler could not start: its script did not load. Reload the page and try again.');
      this.#stop(notLoaded, CRASHED);
    });
    worker.postMessage({ type: 'load' });
    return loading;
  }

  #receive(message) {
    if (message.type === 'progress') {
      for (const onProgress of this.#progress) onProgress({ received: message.received, total: message.total });
    } else if (message.type === 'loaded') {
      const { resolve, started } = this.#settleLoad;
      this.#settleLoad = null;
      this.#progress.clear();
      resolve({ version: message.version, fromCache: message.fromCache, seconds: (performance.now() - started) / 1000 });
      this.#startSpare();
    } else if (message.type === 'load-failed') {
      this.#stop(new Error(message.message), CRASHED);
    } else if (message.type === 'compiled' && message.id === this.#running?.id) {
      this.#running.finish(message.result);
    }
  }

  #startSpare() {
    if (this.#spare) return;
    const spare = new Worker(this.#workerUrl, { type: 'module' });
    spare.addEventListener('error', () => {
      if (this.#spare === spare) this.#spare = null; // its script did not come: the next load fetches it
    });
    this.#spare = spare;
  }

  async #compile({ exercise, pageCompile, source, flags }, onProgress, cancels) {
    const bytes = new TextEncoder().encode(source).length;
    if (bytes > SOURCE_LIMIT_BYTES) {
      const size = (bytes / 1024).toFixed(1);
      return refused(
        'too-large',
        `Your file is ${size} KiB; the compiler takes at most ${SOURCE_LIMIT_BYTES / 1024} KiB, far more than a kernel needs.`,
      );
    }
    if (cancels !== this.#cancels) return CANCELLED;
    try {
      await this.load({ onProgress });
    } catch (error) {
      return cancels !== this.#cancels ? CANCELLED : refused('load', error.message);
    }
    if (cancels !== this.#cancels) return CANCELLED;
    return new Promise((resolve) => {
      const id = (this.#ids += 1);
      // The limit counts from here: the compiler is loaded.
      const timer = setTimeout(() => this.#stop(new Error(TIMED_OUT.message), TIMED_OUT), COMPILE_TIME_LIMIT_S * 1000);
      this.#running = {
        id,
        finish: (result) => {
          clearTimeout(timer);
          this.#running = null;
          resolve(result);
        },
      };
      this.#worker.postMessage({ type: 'compile', id, request: { exercise, pageCompile, source, flags } });
    });
  }

  // Ends the worker: a load in progress fails with loadError, the compile in
  // progress finishes with compileResult, and the next load starts afresh.
  #stop(loadError, compileResult) {
    this.#worker?.terminate();
    this.#worker = null;
    this.#loading = null;
    this.#progress.clear();
    this.#settleLoad?.reject(loadError);
    this.#settleLoad = null;
    this.#running?.finish(compileResult);
  }
}
