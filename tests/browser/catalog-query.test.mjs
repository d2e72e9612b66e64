// The one lookup the page and the bench find kernels with: by catalog fields,
// exactly one match or a clear error; and the files a listing shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultShape, findKernel, kernelByRole, sourcesOf } from '../../web/ui/catalog-query.js';

const CATALOG = {
  operations: [{ id: 'mm', default_shape: { m: 8, n: 16, k: 4 } }, { id: 'v' }],
  kernels: [
    { name: 'a', operation: 'mm', role: 'register_blocked', variant: 'scalar', source: 'a.cpp', sources: ['a.cpp', 'tile.h'] },
    { name: 'b', operation: 'mm', role: 'register_blocked', variant: 'simd128', source: 'b.cpp', sources: ['b.cpp', 'tile.h', 'pool.h'] },
  ],
};

test('kernelByRole picks the one kernel with every field given, and says why when there is not one', () => {
  assert.equal(kernelByRole(CATALOG, { role: 'register_blocked', variant: 'simd128' }).name, 'b');
  assert.throws(
    () => kernelByRole(CATALOG, { role: 'register_blocked' }),
    /2 kernels in the catalog have role "register_blocked" \(a, b\)/,
  );
  assert.throws(() => kernelByRole(CATALOG, { role: 'expert' }), /No kernel in the catalog has role "expert"/);
  assert.equal(findKernel(CATALOG, { role: 'expert' }), null);
});

test('sourcesOf lists each kernel’s own file first, then the shared ones, each once', () => {
  assert.deepEqual(sourcesOf(CATALOG.kernels, ['pool.h', 'timing.cpp']), ['a.cpp', 'b.cpp', 'tile.h', 'pool.h', 'timing.cpp']);
});

test('defaultShape reads the operation’s, and refuses one the catalog does not give', () => {
  assert.deepEqual(defaultShape(CATALOG, 'mm'), { m: 8, n: 16, k: 4 });
  assert.throws(() => defaultShape(CATALOG, 'v'), /no default shape for the operation "v"/);
});

test('a kernel registered at run time never stands in for a reference kernel’s role', () => {
  const student = { name: 's', operation: 'mm', role: 'register_blocked', variant: 'simd128', runtime: true };
  const catalog = { ...CATALOG, kernels: [...CATALOG.kernels, student] };
  assert.equal(kernelByRole(catalog, { role: 'register_blocked', variant: 'simd128' }).name, 'b');
  assert.equal(kernelByRole(catalog, { role: 'register_blocked', variant: 'simd128', runtime: true }).name, 's');
});
