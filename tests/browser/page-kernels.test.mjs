// Kernels compiled in the page, on the lab's side: a student's module,
// registered through LabClient.registerStudentKernel, is timed and checked like
// any kernel, and every way it can go wrong ends its run with a message while
// the lab keeps working. The modules are built here in Node by the page's own
// compile steps (web/compiler/compile-kernel.js), so these tests need no editor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as clang from '@yowasp/clang';
import { compileKernel } from '../../web/compiler/compile-kernel.js';
import { PAGE_COMPILE, exerciseEntry, readLabFile, replaceBody } from './exercise-sources.mjs';
import { DEFAULT_FLAGS } from '../../web/compiler/clang-command.js';
import { openLesson } from './lab-page.mjs';

const RELU = 'f32_relu_student_wasmsimd';
const EXERCISE = exerciseEntry(RELU);
const FLAGS = DEFAULT_FLAGS;

// The exercise file with its TODO body replaced by `body`, compiled as the page compiles it.
async function build(body) {
  const source = replaceBody(RELU, body);
  const result = await compileKernel(clang, '', { exercise: EXERCISE, pageCompile: PAGE_COMPILE, source, flags: FLAGS }, readLabFile);
  assert.equal(result.status, 'ok', result.message);
  return result.wasm;
}

// A module the page's compiler would refuse: one that imports a function.
async function buildImporting() {
  const source = 'void tick();\nextern "C" __attribute__((export_name("lab_entry"))) int lab_entry() { tick(); return 0; }\n';
  const args = ['clang++', '--target=wasm32-wasip1', '-O2', '-nostdlib', '-Wl,--no-entry', '-Wl,--allow-undefined'];
  const out = await clang.runClang([...args, '-Wl,--export=__heap_base', 'k.cpp', '-o', 'k.wasm'], { 'k.cpp': source });
  return out['k.wasm'];
}

const CORRECT = `for (int64_t i = 0; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;`;
const modules = {};
let lesson;

before(async () => {
  modules.correct = await build(CORRECT);
  modules.tailless = await build(`for (int64_t i = 0; i + 4 <= n; i += 4)
    wasm_v128_store(y + i, wasm_f32x4_pmax(wasm_v128_load(x + i), wasm_f32x4_splat(0.0f)));
  return KernelStatus::done;`);
  modules.overrun = await build(`for (int64_t i = 0; i <= n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  return KernelStatus::done;`);
  modules.trap = await build(`if (n > 2) __builtin_trap();
  return KernelStatus::done;`);
  modules.input = await build(`for (int64_t i = 0; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;
  const_cast<float*>(x)[n / 2] = 0;
  return KernelStatus::done;`);
  modules.endless = await build(`for (volatile int64_t i = 0; i >= 0; i = i) y[0] = 0;
  return KernelStatus::done;`);
  modules.importing = await buildImporting();
  modules.oddStatus = await build('(void)x, (void)y, (void)n;\n  return static_cast<KernelStatus>(5);');
  modules.stub = await build('(void)x, (void)y, (void)n;\n  return KernelStatus::not_implemented;');
  lesson = await openLesson('vectorization', { path: '/?test-hooks#/vectorization' });
});

after(() => lesson?.close());

const register = (name, label = name) =>
  lesson.page.evaluate(
    ([exercise, bytes, label]) => self.kernelLabTest.lab.registerStudentKernel({ exercise, wasm: new Uint8Array(bytes), label }),
    [RELU, [...modules[name]], label],
  );
const run = (kernel, n, extra = {}) =>
  lesson.page.evaluate(([kernel, n, extra]) => self.kernelLabTest.lab.run({ kernel, n, min_time_s: 0.02, ...extra }), [kernel, n, extra]);

test('a correct kernel compiled in the page is registered, timed and checked', async () => {
  const { status, kernel } = await register('correct', 'yours, -O2');
  assert.equal(status, 'ok');
  assert.match(kernel.name, new RegExp(`^${RELU}_page\\d+$`));
  assert.equal(kernel.title, 'yours, -O2');
  assert.ok(kernel.runtime && kernel.page && kernel.student);
  assert.equal(kernel.lesson, 'vectorization');
  const inCatalog = await lesson.page.evaluate((name) => self.kernelLabTest.session.kernel(name)?.name, kernel.name);
  assert.equal(inCatalog, kernel.name, 'the session sees it');
  for (const n of [1, 3, 1001]) {
    const result = await run(kernel.name, n);
    assert.equal(result.status, 'ok');
    assert.equal(result.check.passed, true, `n = ${n}`);
    assert.ok(result.timing.count >= 1 && result.gflops > 0);
  }
});

test('a wrong kernel fails its check at its first bad element', async () => {
  const { kernel } = await register('tailless');
  const result = await run(kernel.name, 7, { single_shot: true });
  assert.equal(result.status, 'ok');
  assert.equal(result.check.passed, false);
  assert.deepEqual([result.check.first_bad.output, result.check.first_bad.index], ['y', 4]);
  assert.ok(Number.isNaN(result.check.first_bad.actual) || result.check.first_bad.actual === null);
});

test('a write past the end of its output is caught and named', async () => {
  const { kernel } = await register('overrun');
  const result = await run(kernel.name, 100);
  assert.equal(result.status, 'failed');
  assert.match(result.error, /wrote past the end of y: element 100, where y holds 100 \(elements 0 to 99\)/);
});

test('a write into an input is caught and named', async () => {
  const { kernel } = await register('input');
  const result = await run(kernel.name, 64);
  assert.equal(result.status, 'failed');
  assert.match(result.error, /wrote into its input x at element 32/);
});

test('a trap ends the run with what happened, and the lab keeps working', async () => {
  const { kernel } = await register('trap');
  assert.equal((await run(kernel.name, 1)).status, 'ok', 'no trap at n = 1');
  const result = await run(kernel.name, 16);
  assert.equal(result.status, 'failed');
  assert.match(result.error, /trapped \(unreachable\)/);
  const reference = await run('f32_relu_wasmsimd', 4096);
  assert.equal(reference.check.passed, true);
});

test('the unchanged stub compiled in the page says it is not written yet', async () => {
  const { kernel } = await register('stub');
  assert.equal((await run(kernel.name, 16)).status, 'not_implemented');
});

test('a status that is neither done nor not implemented fails the run, and says what came back', async () => {
  const { kernel } = await register('oddStatus');
  const result = await run(kernel.name, 16);
  assert.equal(result.status, 'failed');
  assert.match(result.error, /returned 5, which is neither KernelStatus::done nor KernelStatus::not_implemented/);
});

test('the catalog names the files a compile needs, as the tests compile with them', async () => {
  const pageCompile = await lesson.page.evaluate(() => self.kernelLabTest.session.catalog.page_compile);
  assert.deepEqual(pageCompile, PAGE_COMPILE);
});

test('a module that imports anything is refused at registration', async () => {
  const result = await register('importing');
  assert.equal(result.status, 'invalid');
  assert.match(result.error, /needs \S*tick\S* from outside/);
});

test('an endless kernel is cancelled within a second, and the compiled kernels come back', async () => {
  const { kernel } = await register('endless');
  const { kernel: correct } = await register('correct');
  const started = lesson.page.evaluate((name) => self.kernelLabTest.lab.run({ kernel: name, n: 64, min_time_s: 0.1 }), kernel.name);
  await lesson.page.waitForTimeout(300);
  const stoppedIn = await lesson.page.evaluate(async () => {
    const at = performance.now();
    await new Promise((resolve) => {
      self.kernelLabTest.lab.onStatus(({ running }) => running === null && resolve());
      self.kernelLabTest.lab.cancel();
    });
    return performance.now() - at;
  });
  assert.equal((await started).status, 'cancelled');
  assert.ok(stoppedIn < 1000, `Cancel took ${stoppedIn} ms`);
  const again = await run(correct.name, 1001);
  assert.equal(again.status, 'ok', 'the replacement worker has the compiled kernels again');
  assert.equal(again.check.passed, true);
});
