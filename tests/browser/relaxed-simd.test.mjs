// The relaxed-SIMD tier in Chromium, which runs relaxed SIMD: its three
// kernels load from their own modules (web/gen/relaxed/), appear in the
// catalog, and pass their checks through the page's LabClient at edge sizes; a
// broken module fails its check; and a page with the tier switched off
// (?no-relaxed-simd) lists none of them, says why, and runs everything else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { compileRelaxed } from '../../web/tools/build-relaxed.mjs';
import { openLesson } from './lab-page.mjs';

const PROBE = 'f32_mul_add_13chains_relaxedsimd';
const FMA_GEMM = 'f32_matmul_4x8_packed_relaxedsimd';
const INT8 = 'i8_matmul_4x4_relaxeddot';
// The probe's lanes (cpp/kernels/probe/probe_problems.h): N around a multiple of them.
const LANES = 12480;
// 600: K past one block of K (512), so later blocks add onto C.
const MATRIX_SHAPES = [1, 7, 100, 257, 600].map((n) => ({ m: n, n, k: n })).concat([{ m: 5, n: 9, k: 13 }]);

const run = (lab, request) => lab.page.evaluate((r) => self.kernelLabTest.lab.run({ min_time_s: 0.01, ...r }), request);
const catalogOf = (lab) => lab.page.evaluate(() => self.kernelLabTest.session.catalog);

let lesson;
before(async () => {
  lesson = await openLesson('roofline', { path: '/?test-hooks#/roofline' });
});
after(() => lesson?.close());

test('the catalog lists the three relaxed kernels, described in C++', async () => {
  const catalog = await catalogOf(lesson);
  assert.deepEqual(catalog.relaxed_simd, { available: true, reason: '', kernels: [PROBE, FMA_GEMM, INT8] });
  const byName = Object.fromEntries(catalog.kernels.map((k) => [k.name, k]));
  assert.deepEqual(
    [PROBE, FMA_GEMM, INT8].map((name) => [byName[name]?.operation, byName[name]?.role, byName[name]?.variant]),
    [
      ['f32_mul_add', 'ceiling_probe', 'relaxed_simd'],
      ['f32_matmul', 'expert', 'relaxed_simd'],
      ['i8_matmul', 'register_blocked', 'relaxed_simd'],
    ],
  );
  for (const name of [PROBE, FMA_GEMM, INT8]) assert.equal(byName[name].source, `cpp/kernels/relaxed/${name}.cpp`);
  assert.equal(await lesson.section.locator('[data-relaxed-simd-unavailable]').count(), 0);
});

test('the FMA ceiling probe is exact at every N, a whole number of lane steps or not', async () => {
  for (const n of [1, 7, LANES, 3 * LANES + 17, 2 ** 22]) {
    const result = await run(lesson, { kernel: PROBE, n });
    assert.equal(result.status, 'ok', `N = ${n}: ${result.error}`);
    assert.equal(result.check.passed, true, `N = ${n}`);
    assert.equal(result.check.max_rel_err, 0, `N = ${n}`);
  }
});

test('the FMA expert GEMM and the relaxed int8 GEMM pass their checks at edge sizes', async () => {
  for (const kernel of [FMA_GEMM, INT8])
    for (const shape of MATRIX_SHAPES) {
      const result = await run(lesson, { kernel, ...shape });
      assert.equal(result.status, 'ok', `${kernel} ${JSON.stringify(shape)}: ${result.error}`);
      assert.equal(result.check.passed, true, `${kernel} ${JSON.stringify(shape)}`);
    }
  assert.deepEqual(lesson.problems, []);
});

test('a broken relaxed module fails its check', async () => {
  // The int8 kernel without its sign term: B's negative codes read as their low seven bits.
  const path = new URL(`../../cpp/kernels/relaxed/${INT8}.cpp`, import.meta.url);
  const exact = 'wasm_i32x4_sub(sum_low[r], wasm_i32x4_shl(sum_sign[r], 7))';
  const source = readFileSync(path, 'utf8');
  assert.ok(source.includes(exact), 'the sign term is where this test breaks it');
  const broken = await compileRelaxed(INT8, source.replace(exact, 'sum_low[r]'));
  const lab = await openLesson('roofline', {
    path: '/?test-hooks#/roofline',
    prepare: (page) =>
      page.route(`**/gen/relaxed/${INT8}.wasm`, (route) => route.fulfill({ body: Buffer.from(broken), contentType: 'application/wasm' })),
  });
  try {
    const result = await run(lab, { kernel: INT8, m: 7, n: 7, k: 7, single_shot: true });
    assert.equal(result.status, 'ok');
    assert.equal(result.check.passed, false);
  } finally {
    await lab.close();
  }
});

test('with relaxed SIMD switched off, the catalog says why, the page shows it, and the rest runs', async () => {
  const lab = await openLesson('roofline', { path: '/?test-hooks&no-relaxed-simd#/roofline' });
  try {
    const catalog = await catalogOf(lab);
    assert.equal(catalog.relaxed_simd.available, false);
    assert.match(catalog.relaxed_simd.reason, /no-relaxed-simd/);
    assert.deepEqual(catalog.relaxed_simd.kernels, []);
    assert.deepEqual(
      catalog.kernels.filter((k) => k.variant === 'relaxed_simd').map((k) => k.name),
      [],
    );
    const notice = lab.section.locator('[data-relaxed-simd-unavailable]');
    assert.ok(await notice.isVisible());
    assert.match(await notice.textContent(), /no-relaxed-simd/);
    for (const request of [
      { kernel: 'f32_matmul_4x8_packed_wasmsimd', n: 100 },
      { kernel: 'i8_matmul_4x8_wasmsimd', n: 100, block: 64 },
    ]) {
      const result = await run(lab, request);
      assert.equal(result.check.passed, true, request.kernel);
    }
    assert.equal((await run(lab, { kernel: 'f32_mul_add_13chains_wasmsimd', n: LANES })).check.passed, true);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});
