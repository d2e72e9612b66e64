// The in-page C++ compiler (web/compiler/): it loads in the lab's page with
// progress, under the page's policy, and builds a module the lab can call; a
// syntax error, a call to malloc and a source too large are refused with what
// a student needs; a second page of the same browser profile compiles without
// downloading the compiler again. The compiler loads once for the whole file,
// and each compile's figures are printed as test diagnostics.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { WEB_ROOT, labReady } from '../../web/tools/headless.mjs';
import { SOURCE_LIMIT_BYTES } from '../../web/compiler/compile-limits.js';
import { openLesson } from './lab-page.mjs';
import { DEFAULT_FLAGS } from '../../web/compiler/clang-command.js';
import { PAGE_COMPILE, exerciseEntry, replaceBody } from './exercise-sources.mjs';

const EXERCISE = exerciseEntry('f32_relu_student_wasmsimd');
const withBody = (body) => replaceBody(EXERCISE.name, body);
const RELU = withBody(`int64_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(wasm_v128_load(x + i), wasm_f32x4_splat(0.0f)));
  for (; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;`);
const FLAGS = DEFAULT_FLAGS;

let lab;
const requested = []; // the path of every request the server got
const requests = (path) => requested.filter((url) => url === path);

before(async () => {
  lab = await openLesson('vectorization');
  lab.server.on('request', (req) => requested.push(req.url));
});
after(async () => {
  await lab?.close();
});

// Loads the compiler in `page` (once per page) and compiles `source`; returns
// the result without its module, and what the module is: valid, its exports,
// ReLU's output on a few values when it is the ReLU. In page: seconds from the
// first load() to this result.
function compileInPage(page, source, flags = FLAGS) {
  return page.evaluate(
    async ({ exercise, pageCompile, source, flags }) => {
      const { CompilerClient } = await import('/compiler/compiler-client.js');
      self.compilerForTest ??= { client: new CompilerClient(), started: performance.now(), progress: [] };
      const { client, started, progress } = self.compilerForTest;
      const loaded = await client.load({ onProgress: (event) => progress.push(event) });
      const { wasm, ...result } = await client.compile({ exercise, pageCompile, source, flags });
      const inPage = (performance.now() - started) / 1000;
      if (!wasm) return { ...result, loaded, progress, inPage };
      const module = await WebAssembly.compile(wasm);
      const { exports } = await WebAssembly.instantiate(module);
      const input = [-2, -0.5, 0, 1.5, 3, -7, 8];
      exports.memory.grow(1); // the heap begins where the linked memory ends
      const x = exports.__heap_base.value;
      const y = x + 4 * input.length;
      new Float32Array(exports.memory.buffer, x, input.length).set(input);
      const status = exports.lab_entry(x, y, input.length);
      const output = [...new Float32Array(exports.memory.buffer, y, input.length)];
      const module_ = { valid: WebAssembly.validate(wasm), exports: WebAssembly.Module.exports(module).map((e) => e.name), status, output };
      return { ...result, module: module_, loaded, progress, inPage };
    },
    { exercise: EXERCISE, pageCompile: PAGE_COMPILE, source, flags },
  );
}

test('the compiler loads with progress and builds a module that validates, exports lab_entry, memory and __heap_base, and runs', async (t) => {
  const result = await compileInPage(lab.page, RELU);
  assert.equal(result.status, 'ok', result.message);
  assert.deepEqual(result.module.exports.sort(), ['__heap_base', 'lab_entry', 'memory']);
  assert.equal(result.module.valid, true);
  assert.equal(result.module.status, 0, 'KernelStatus::done');
  assert.deepEqual(result.module.output, [0, 0, 0, 1.5, 3, 0, 8]);

  assert.equal(result.loaded.fromCache, false);
  assert.match(result.loaded.version, /^clang version \d+\.\d+/);
  assert.ok(result.progress.length >= 2);
  const last = result.progress.at(-1);
  assert.equal(last.received, last.total, 'the progress ends at the total');
  assert.ok(last.total > 50e6, `${last.total} bytes`);

  assert.match(
    result.command,
    /^clang\+\+ --target=wasm32-wasip1 -std=c\+\+17 -O2 -msimd128 -Icpp -DLAB_PAGE_ENTRY_f32_relu_student_wasmsimd -c/,
  );
  assert.match(result.command.split('\n').at(-1), /-nostdlib .*-Wl,--export=lab_entry .*-o f32_relu_student_wasmsimd\.wasm$/);
  assert.match(result.instructions, /^lab::f32_relu_student_wasmsimd\(float const\*, float\*, long long\):/);
  assert.match(result.instructions, /f32x4\.pmax/);
  assert.doesNotMatch(result.instructions, /^\s*[0-9a-f]+:/m, 'instructions without addresses');

  // Sent compressed, as its .gz copy (asked here for a small one: the page's requests are counted below).
  const core = await fetch(`${lab.url}/gen/compiler/llvm.core4.wasm`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(core.headers.get('content-encoding'), 'gzip');
  assert.equal(core.headers.get('content-type'), 'application/wasm');
  await core.arrayBuffer();
  const folder = join(WEB_ROOT, 'gen/compiler');
  const bytes = (gz) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.gz') === gz && name !== 'compiler-worker.js' && name !== 'compiler-worker.js.gz')
      .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
  t.diagnostic(
    `${result.loaded.version}: ${(bytes(true) / 1e6).toFixed(1)} MB gzipped, ${(bytes(false) / 1e6).toFixed(1)} MB as served unpacked`,
  );
  t.diagnostic(`fresh profile: load ${result.loaded.seconds.toFixed(1)} s, first load() to first result ${result.inPage.toFixed(1)} s`);
});

test('a warm compile, with auto-vectorization and SIMD off, and the policy binds the compiler worker', async (t) => {
  const started = Date.now();
  const result = await compileInPage(lab.page, RELU, { opt: 'O3', simd: false, autovec: false });
  // Without -msimd128 the intrinsics header refuses to compile: the student sees why.
  assert.equal(result.status, 'error');
  assert.equal(result.kind, 'compile');
  t.diagnostic(`warm compile (refused, no SIMD): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const warm = Date.now();
  const ok = await compileInPage(lab.page, RELU, { opt: 'O3', simd: true, autovec: false });
  assert.equal(ok.status, 'ok', ok.message);
  assert.match(ok.command, / -O3 -msimd128 -fno-vectorize -fno-slp-vectorize /);
  t.diagnostic(
    `warm compile of the ReLU exercise: ${((Date.now() - warm) / 1000).toFixed(1)} s in the page, ${ok.seconds.toFixed(1)} s in the worker`,
  );

  const worker = lab.page.workers().find((w) => w.url().endsWith('/gen/compiler/compiler-worker.js'));
  const blocked = await worker.evaluate(
    () =>
      new Promise((resolve) => {
        self.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        fetch('data:,csp-probe').catch(() => {});
      }),
  );
  assert.equal(blocked, 'connect-src');
  lab.problems.splice(0, lab.problems.length, ...lab.problems.filter((p) => !p.includes('csp-probe')));
});

test('a syntax error is refused as a compile error, with a diagnostic on its line', async () => {
  const source = withBody('int64_t i = 0\n  return KernelStatus::done;');
  const line = source.split('\n').findIndex((text) => text.includes('int64_t i = 0')) + 1;
  const result = await compileInPage(lab.page, source);
  assert.equal(result.status, 'error');
  assert.equal(result.kind, 'compile');
  const [first] = result.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(first.file, EXERCISE.source);
  assert.ok(first.line === line || first.line === line + 1, `error on line ${first.line}, the mistake on ${line}`);
  assert.match(first.message, /expected ';'/);
  assert.equal(result.message, `Your code does not compile: 1 error; the first is on line ${first.line}.`);
  assert.match(result.log, /\^/, 'the log keeps the caret under the mistake');
});

test('a call to malloc is refused at link time, naming malloc and saying why a kernel must not allocate', async () => {
  const source = withBody(`static void* volatile scratch;
  scratch = malloc(sizeof(float) * n);
  return KernelStatus::done;`).replace('namespace lab {', 'extern "C" void* malloc(unsigned long);\n\nnamespace lab {');
  const result = await compileInPage(lab.page, source);
  assert.equal(result.status, 'error');
  assert.equal(result.kind, 'link');
  assert.match(result.message, /calls malloc, but a kernel must not allocate memory/);
  assert.match(result.log, /undefined symbol: malloc/);
});

test('a math function from <cmath> links from the sysroot, and the module still imports nothing', async () => {
  const source = withBody(`for (int64_t i = 0; i < n; ++i) y[i] = std::fmax(std::round(x[i]), 0.0f) + std::tanh(0.0f);
  return KernelStatus::done;`).replace('#include <wasm_simd128.h>', '#include <wasm_simd128.h>\n#include <cmath>');
  const result = await compileInPage(lab.page, source);
  assert.equal(result.status, 'ok', result.message);
  assert.match(result.command.split('\n').at(-1), / -lc /);
  assert.deepEqual(result.module.output, [0, 0, 0, 2, 3, 0, 8]);
});

test('a source over the size limit is refused before it reaches the compiler', async () => {
  const source = RELU + `// ${'x'.repeat(SOURCE_LIMIT_BYTES)}\n`;
  const result = await compileInPage(lab.page, source);
  assert.equal(result.status, 'error');
  assert.equal(result.kind, 'too-large');
  assert.match(result.message, /at most 64 KiB/);
});

test('the page loaded again in the same profile compiles from the cached compiler; offline, Cancel ends a compile and a fresh worker compiles', async (t) => {
  const { page } = lab;
  await page.reload();
  await page.waitForFunction(labReady);
  {
    const result = await compileInPage(page, RELU);
    assert.equal(result.status, 'ok', result.message);
    assert.equal(result.loaded.fromCache, true);
    assert.equal(requests('/gen/compiler/llvm.core.wasm').length, 1, 'llvm.core.wasm was downloaded once');
    assert.equal(requests('/gen/compiler/llvm-resources.tar').length, 1);
    t.diagnostic(`cached: load ${result.loaded.seconds.toFixed(1)} s, first load() to first result ${result.inPage.toFixed(1)} s`);

    await page.context().setOffline(true);
    const asked = requested.length;
    const cancelled = await page.evaluate(
      async ({ exercise, pageCompile, source, flags }) => {
        const { client } = self.compilerForTest;
        const compiling = client.compile({ exercise, pageCompile, source, flags });
        client.cancel();
        const { kind } = await compiling;
        const next = await client.compile({ exercise, pageCompile, source, flags });
        return { kind, next: next.status, loaded: await client.load() };
      },
      { exercise: EXERCISE, pageCompile: PAGE_COMPILE, source: RELU, flags: FLAGS },
    );
    assert.deepEqual({ kind: cancelled.kind, next: cancelled.next }, { kind: 'cancelled', next: 'ok' });
    assert.equal(cancelled.loaded.fromCache, true, 'the fresh worker loads from the cache');
    assert.equal(requested.length, asked, 'nothing reached the server while offline');
    await page.context().setOffline(false);
    assert.equal(requests('/gen/compiler/llvm.core.wasm').length, 1);
  }
});

test("the compiler worker's bundle imports nothing from Node", () => {
  const bundle = readFileSync(join(WEB_ROOT, 'gen/compiler/compiler-worker.js'), 'utf8');
  assert.doesNotMatch(bundle, /node:/);
  assert.doesNotMatch(bundle, /\bimport\s*\(\s*["'`]/, 'no dynamic import left for the browser to resolve');
});
