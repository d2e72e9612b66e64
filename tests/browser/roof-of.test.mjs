// The flat roof each result is held to: the mul+add ceiling, or for a
// relaxed-SIMD kernel the FMA ceiling, but never below the mul+add one,
// since a core runs a fused multiply-add at least as fast as the two it fuses;
// and how the Roofline lesson reads the FMA probe's ratio to the mul+add one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aboveCeiling, fmaGain, roofOf } from '../../web/ui/roofline.js';

const catalog = {
  kernels: [
    { name: 'plain', dtype: 'f32', variant: 'simd128' },
    { name: 'fused', dtype: 'f32', variant: 'relaxed_simd' },
  ],
};
const result = (kernel, gflops) => ({ kernel, gflops, shape: { threads: 1 } });
const roof = (fmaPeak) => ({ threads: 1, peak: 50, bandwidth: 20, fmaPeak });

test('a relaxed kernel is held to the FMA ceiling where that probe ran faster', () => {
  assert.equal(roofOf(roof(60), result('fused'), catalog).peak, 60);
  assert.equal(roofOf(roof(60), result('plain'), catalog).peak, 50);
});

test('where the FMA probe ran slower than the mul+add one, a relaxed kernel keeps the mul+add ceiling', () => {
  assert.equal(roofOf(roof(40), result('fused'), catalog).peak, 50);
  assert.deepEqual(aboveCeiling([result('fused', 46), result('plain', 46)], [roof(40)], catalog), []);
  assert.deepEqual(
    aboveCeiling([result('fused', 55)], [roof(40)], catalog).map((r) => r.kernel),
    ['fused'],
  );
});

test('without an FMA probe every kernel has the mul+add ceiling', () => {
  assert.equal(roofOf(roof(0), result('fused'), catalog).peak, 50);
});

test('the FMA/mul+add ratio reads as raised, unchanged, slower or unclear', () => {
  assert.deepEqual([2, 1.3, 1.2, 1.1, 1.0, 0.95, 0.94, 0.82].map(fmaGain), [
    'raised',
    'raised',
    'unclear',
    'unchanged',
    'unchanged',
    'unchanged',
    'slower',
    'slower',
  ]);
});
