// In every engine: the page loads cross-origin isolated with no console
// error, names the browser and the clock grain it measured, and either runs
// the relaxed-SIMD tier, checked at edge sizes, or says why it cannot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enginesUnderTest, inLesson, visibleText, withLesson } from './engine-page.mjs';

const RELAXED = ['f32_mul_add_13chains_relaxedsimd', 'f32_matmul_4x8_packed_relaxedsimd', 'i8_matmul_4x4_relaxeddot'];
const RELAXED_REQUESTS = [
  { kernel: RELAXED[0], n: 3 * 12480 + 17 },
  ...[1, 7, 100].flatMap((n) => [
    { kernel: RELAXED[1], n },
    { kernel: RELAXED[2], n },
  ]),
];

// How each engine is made to lack relaxed SIMD: Firefox by its own switch,
// so the lab meets a real engine without it; Chromium by the lab's.
const WITHOUT_RELAXED = {
  chromium: { path: '/?test-hooks&no-relaxed-simd#/roofline', reason: /no-relaxed-simd/ },
  firefox: {
    path: '/?test-hooks#/roofline',
    prefs: { 'javascript.options.wasm_relaxed_simd': false },
    reason: /does not run relaxed SIMD/,
  },
};

const catalogOf = (lab) => lab.tab.evaluate(() => self.kernelLabTest.session.catalog);
const run = (lab, request) => lab.tab.evaluate((r) => self.kernelLabTest.lab.run({ min_time_s: 0.01, ...r }), request);

for (const engine of enginesUnderTest()) {
  test(`${engine}: the page loads isolated, and names the browser and the clock grain it measured`, () =>
    withLesson(
      engine,
      'measuring',
      async (lab) => {
        assert.equal(await lab.tab.evaluate(() => self.crossOriginIsolated), true);
        const { build } = await catalogOf(lab);
        const [browser, script] = { chromium: ['Headless Chrome', 'V8'], firefox: ['Firefox', 'SpiderMonkey'] }[engine];
        const status = await visibleText(lab, '[data-lab-status]');
        const facts = status.split(' · ');
        assert.match(facts[1], new RegExp(`^${browser} \\d+$`), status);
        assert.match(facts[2], new RegExp(`^SIMD128 \\+ ${build.max_threads} threads?$`));
        assert.ok(build.max_threads >= 2, 'a threaded build');
        const [named, grain] = await Promise.all(['[data-engine]', '[data-grain]'].map((q) => visibleText(lab, inLesson(lab, q))));
        assert.match(named, new RegExp(`^${browser} \\d+ \\(${script} runs the WebAssembly\\)$`));
        assert.match(grain, /^\d+(\.\d+)? (ns|µs|ms)$/);
        assert.ok(status.includes(`measured resolution ${grain}`), `${status} / ${grain}`);
      },
      { path: '/?test-hooks#/measuring' },
    ));

  test(`${engine}: the relaxed-SIMD tier is found, and its kernels pass their checks at edge sizes`, () =>
    withLesson(
      engine,
      'roofline',
      async (lab) => {
        const { relaxed_simd: relaxed } = await catalogOf(lab);
        assert.deepEqual(relaxed, { available: true, reason: '', kernels: RELAXED });
        for (const request of RELAXED_REQUESTS) {
          const result = await run(lab, request);
          assert.equal(result.status, 'ok', `${request.kernel} N=${request.n}: ${result.error}`);
          assert.equal(result.check.passed, true, `${request.kernel} N=${request.n}`);
        }
        assert.equal(await visibleText(lab, inLesson(lab, '[data-relaxed-missing]')), '');
      },
      { path: '/?test-hooks#/roofline' },
    ));

  test(`${engine}: without relaxed SIMD, the page says why and the rest runs`, () => {
    const { reason, ...options } = WITHOUT_RELAXED[engine];
    return withLesson(
      engine,
      'roofline',
      async (lab) => {
        const catalog = await catalogOf(lab);
        assert.equal(catalog.relaxed_simd.available, false);
        assert.match(catalog.relaxed_simd.reason, reason);
        assert.deepEqual(
          catalog.kernels.filter((k) => k.variant === 'relaxed_simd'),
          [],
        );
        assert.match(await visibleText(lab, inLesson(lab, '[data-relaxed-missing]')), reason);
        const plain = await run(lab, { kernel: 'f32_matmul_4x8_packed_wasmsimd', n: 100 });
        assert.equal(plain.check.passed, true);
      },
      options,
    );
  });
}
