// Writes starting inputs for the fuzz target (layout in fuzz_kernels.cpp):
// for every kernel index, an odd shape, a shape of whole tiles, a request
// with one bad parameter and one with edge values planted. Indices run past
// the catalog's size and wrap, which the merge step folds away:
//   node tests/fuzz/make-seeds.mjs <dir>
//   build/fuzz/tests/fuzz/fuzz_kernels -merge=1 tests/fuzz/corpus <dir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tests/fuzz/make-seeds.mjs <dir>');
  process.exit(1);
}
mkdirSync(dir, { recursive: true });

const kKernelIndices = 48; // at least the number of non-student kernels
const kBadMode = 224;

// kernel, mode, m, n, k, length (2 bytes), block, threads, salt (8 bytes), tail
function seed(kernel, mode, [m, n, k], length, block, threads, salt, tail = []) {
  // salt < 2^32: the four high bytes are 0.
  const saltBytes = Array.from({ length: 8 }, (_, i) => (i < 4 ? 0 : (salt >>> (8 * (7 - i))) & 0xff));
  return Uint8Array.from([kernel, mode, m, n, k, length >> 8, length & 0xff, block, threads, ...saltBytes, ...tail]);
}

// Edits: (position hi, position lo, edge index) for every edge value.
const edits = Array.from({ length: 8 }, (_, e) => [0, 3 * e + 1, e]).flat();

for (let kernel = 0; kernel < kKernelIndices; ++kernel) {
  const seeds = {
    odd: seed(kernel, 0, [6, 8, 16], 1036, 4, 1, kernel), // sides 7, 9, 17; length 1037
    tiles: seed(kernel, 1, [15, 31, 7], 4095, 7, 2, 0x5eed + kernel), // 16, 32, 8; length 4096
    bad: seed(kernel, kBadMode + (kernel % 5), [3, 4, 5], 9, 1, 0, 0, [kernel % 8]),
    edges: seed(kernel, 2, [0, 4, 2], 33, 0, 2, 0, edits), // 1 x 5 x 3; length 34
  };
  for (const [name, bytes] of Object.entries(seeds)) writeFileSync(join(dir, `k${String(kernel).padStart(2, '0')}-${name}`), bytes);
}
