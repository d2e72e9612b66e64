// The listing of a kernel compiled in the page shows its main loop, picked as
// the build picks the lab's own: a short SIMD loop over a long unrolled
// remainder loop, whose scalar work per iteration is smaller.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studentListing } from '../../web/ui/student-listing.js';

// Unrolled twice: two vectors of four a turn.
const SIMD_LOOP = [
  'loop # label1:',
  ...['local.get 7', 'local.get 8', 'v128.load 0:p2align=0', 'f32x4.pmax', 'v128.store 0:p2align=0', 'i32.const 16', 'i32.add'],
  ...['local.get 7', 'local.get 8', 'v128.load 16:p2align=0', 'f32x4.pmax', 'v128.store 16:p2align=0'],
  'br_if 0',
  'end',
];
// Four scalar elements a turn, with the index arithmetic of each.
const REMAINDER = [
  'loop # label2:',
  ...Array.from({ length: 4 }, () => [
    'local.get 1',
    'i32.const 4',
    'i32.add',
    'f32.load 0',
    'f32.const 0',
    'f32.gt',
    'select',
    'f32.store 0',
  ]).flat(),
  'br_if 0',
  'end',
];
const listing = ['lab::f32_relu_student_wasmsimd(float const*, float*, long long):', 'block', ...SIMD_LOOP, ...REMAINDER, 'end'].join('\n');

test('a kernel compiled in the page is shown by its main loop, not its longer remainder loop', () => {
  const shown = studentListing(listing, 'f32_relu_student_wasmsimd');
  assert.equal(shown.whole, false);
  assert.deepEqual(shown.instructions, SIMD_LOOP);
  assert.deepEqual(shown.counts, { total: SIMD_LOOP.length, simd: 6, scalar_float: 0 });
});

test('a kernel without a loop is shown whole', () => {
  const shown = studentListing('lab::f(float):\nlocal.get 0\nf32.abs\nend', 'f');
  assert.equal(shown.whole, true);
  assert.deepEqual(shown.instructions, ['local.get 0', 'f32.abs', 'end'], 'the name line is not an instruction');
});
