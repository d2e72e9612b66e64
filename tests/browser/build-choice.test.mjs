// Which build the page loads for each thing a browser can or cannot do. A plain
// node test: chooseBuild takes the browser's abilities as arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBuild, THREADS_FIX } from '../../web/build-choice.js';

test('SIMD and isolation: the full build, with no reason to show', () => {
  assert.deepEqual(chooseBuild({ simd: true, isolated: true }), { module: 'kernel_lab', simd: true, threads: true, reason: null });
});

test('not isolated: SIMD on one thread, and the reason says how to get threads', () => {
  const build = chooseBuild({ simd: true, isolated: false });
  assert.equal(build.module, 'kernel_lab_st');
  assert.equal(build.simd, true);
  assert.equal(build.threads, false);
  assert.match(build.reason, /not cross-origin isolated/);
  assert.ok(build.reason.includes(THREADS_FIX));
});

test('no SIMD128: the scalar build, isolated or not', () => {
  for (const isolated of [true, false]) {
    const build = chooseBuild({ simd: false, isolated });
    assert.equal(build.module, 'kernel_lab_nosimd');
    assert.equal(build.simd, false);
    assert.equal(build.threads, false);
    assert.match(build.reason, /no WebAssembly SIMD128/);
  }
});

test('?build= picks a lesser build on purpose, and the reason says it was asked for', () => {
  const single = chooseBuild({ requested: 'kernel_lab_st', simd: true, isolated: true });
  assert.equal(single.module, 'kernel_lab_st');
  assert.match(single.reason, /\?build=kernel_lab_st/);
  const scalar = chooseBuild({ requested: 'kernel_lab_nosimd', simd: true, isolated: true });
  assert.equal(scalar.module, 'kernel_lab_nosimd');
  assert.match(scalar.reason, /\?build=kernel_lab_nosimd/);
});

test('?build= cannot ask for more than the browser allows, and unknown names are ignored', () => {
  assert.equal(chooseBuild({ requested: 'kernel_lab', simd: true, isolated: false }).module, 'kernel_lab_st');
  assert.equal(chooseBuild({ requested: 'kernel_lab', simd: false, isolated: true }).module, 'kernel_lab_nosimd');
  assert.equal(chooseBuild({ requested: 'fastest', simd: true, isolated: true }).module, 'kernel_lab');
});

test('the SIMD128 probe is a valid module where SIMD128 exists (V8 has it)', () => {
  assert.equal(chooseBuild({ isolated: true }).module, 'kernel_lab');
});
