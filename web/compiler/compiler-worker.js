// The compiler's worker: clang and wasm-ld, LLVM built as WebAssembly
// (@yowasp/clang), in a worker of their own, so a compile never blocks the
// page or a run. esbuild bundles this file into web/gen/compiler/, beside the
// compiler's .wasm files and resource archive, which the compiler fetches
// relative to its own script. The page talks to it through compiler-client.js:
//
//   in:  {type: 'load'}                    out: {type: 'progress', received, total}...
//                                                then {type: 'loaded', version, fromCache, seconds}
//                                                or {type: 'load-failed', message}
//   in:  {type: 'compile', id, request}    out: {type: 'compiled', id, result}
import { CompilerFilesFetch, fetchLabFile } from './compiler-cache.js';
import { compileKernel } from './compile-kernel.js';
import { runTool } from './run-tool.js';
import { warmUp } from './warm-up.js';

const networkFetch = self.fetch.bind(self);

// The lab's files are served under gen/src/, beside this script's folder.
const readLabFile = (path) => fetchLabFile(new URL(`../src/${path}`, import.meta.url).href, networkFetch);

// Progress at most every 100 ms: the download arrives in thousands of chunks.
function progressPoster() {
  let last = 0;
  return ({ doneLength, totalLength }) => {
    const now = performance.now();
    if (now - last < 100 && doneLength < totalLength) return;
    last = now;
    self.postMessage({ type: 'progress', received: doneLength, total: totalLength ?? null });
  };
}

async function loadCompiler() {
  const started = performance.now();
  const files = new CompilerFilesFetch(networkFetch);
  // The compiler takes the global fetch once, when its module first runs, and
  // fetches its files with it on its first command: the cached fetch stands in
  // for that moment only.
  self.fetch = files.fetch;
  let clang;
  try {
    clang = await import('@yowasp/clang');
  } finally {
    self.fetch = networkFetch;
  }
  await files.open(clang.version);
  // The first command downloads and compiles the compiler; --version is the cheapest.
  const { output } = await runTool(clang, clang.runClang, ['clang++', '--version'], {}, { fetchProgress: progressPoster() });
  await files.stored();
  await warmUp(clang);
  // "clang version 22.1.0 (https://… <commit>)": the repository is noise to a student.
  const version = output.split('\n')[0].replace(/\s*\(.*\)\s*$/, '');
  return { clang, version, fromCache: files.fromCache, seconds: (performance.now() - started) / 1000 };
}

let compiler = null;

async function load() {
  compiler ??= loadCompiler();
  try {
    const { version, fromCache, seconds } = await compiler;
    self.postMessage({ type: 'loaded', version, fromCache, seconds });
  } catch (error) {
    compiler = null;
    const message = `The compiler could not be loaded (${error.message}). Check your connection, then try again.`;
    self.postMessage({ type: 'load-failed', message });
  }
}

async function compile(id, request) {
  let result;
  try {
    const { clang, version } = await (compiler ??= loadCompiler());
    result = await compileKernel(clang, version, request, readLabFile);
  } catch (error) {
    // The compiler itself failed (an internal error on unusual code).
    const message = `The compiler crashed on this code (${error.message}). Try another optimization level, or simplify the code.`;
    result = { status: 'error', kind: 'compile', message, diagnostics: [], log: String(error.stack ?? error) };
  }
  self.postMessage({ type: 'compiled', id, result }, result.wasm ? [result.wasm.buffer] : []);
}

self.addEventListener('message', ({ data }) => {
  if (data.type === 'load') load();
  else if (data.type === 'compile') compile(data.id, data.request);
});
