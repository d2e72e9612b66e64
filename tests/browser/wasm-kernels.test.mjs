// Every catalog kernel, compiled to wasm, checked against the exact reference
// at edge and odd shapes: the native Catch2 run cannot see a wasm-only bug.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openLab } from '../../web/tools/headless.mjs';
import { resolveTargets } from '../../bench/targets.mjs';
import { EXPERT, kernelName, PEAK } from '../../bench/summary.mjs';

const SQUARE = [1, 2, 3, 7, 16, 17, 63, 64, 65, 100, 257];
const NON_SQUARE = [
  [1, 7, 3],
  [7, 1, 3],
  [3, 7, 1],
  [17, 33, 2],
  [64, 3, 65],
  [100, 257, 7],
];

let lab;
before(async () => {
  lab = await openLab();
  await lab.page.evaluate(async () => {
    const { LabClient } = await import('/lab-client.js');
    window.__client = new LabClient();
    window.__catalog = await window.__client.start();
  });
});
after(async () => {
  await lab?.close();
});

// Lengths for vector kernels: around the vector width and the 16-float unrolled step.
const LENGTHS = [1, 2, 3, 4, 5, 15, 16, 17, 33, 1001, 4099];

// Every reference kernel in one build of the module, one checked call per case:
// each block size for tiled kernels, each thread count from 1 to all for threaded ones.
async function failuresIn(module) {
  const shapes = [...SQUARE.map((n) => [n, n, n]), ...NON_SQUARE];
  return lab.page.evaluate(
    async ({ module, shapes, lengths }) => {
      const { LabClient } = await import('/lab-client.js');
      const { chooseBuild } = await import('/build-choice.js');
      const client = new LabClient();
      const catalog = await client.start(chooseBuild({ requested: module }));
      const bad = [];
      if (client.build.module !== module) bad.push({ module, loaded: client.build.module });
      const threadCounts = [...new Set([1, 2, catalog.build.max_threads])].filter((t) => t <= catalog.build.max_threads);
      for (const kernel of catalog.kernels.filter((k) => !k.student)) {
        const op = catalog.operations.find((o) => o.id === kernel.operation);
        const vector = op.shape === 'vector';
        // A size beyond the largest square that fits in memory is refused by the
        // validation (tested on its own); the capstone's conv2d reaches it at 257.
        const cases = (vector ? lengths.map((n) => [1, n, 1]) : shapes).filter((c) => Math.max(...c) <= op.max_n);
        for (const [m, n, k] of cases) {
          const largest = Math.max(m, n, k);
          const blocks = kernel.tunables.includes('block') ? [1, 7, 16, largest].filter((b) => b <= largest) : [0];
          const threads = kernel.tunables.includes('threads') ? threadCounts : [1];
          for (const block of blocks) {
            for (const t of threads) {
              const r = await client.run({ kernel: kernel.name, m, n, k, block, threads: t, single_shot: true });
              if (r.status !== 'ok' || !r.check.passed) bad.push({ module, kernel: kernel.name, m, n, k, block, t, r });
            }
          }
        }
      }
      return bad;
    },
    { module, shapes, lengths: LENGTHS },
  );
}

for (const module of ['kernel_lab', 'kernel_lab_st', 'kernel_lab_nosimd']) {
  test(`every reference kernel passes its check in the ${module} build at edge shapes`, async () => {
    assert.deepEqual(await failuresIn(module), []);
  });
}

test('the student stubs report not implemented, with the file to edit', async () => {
  const results = await lab.page.evaluate(async () =>
    Promise.all(
      window.__catalog.kernels
        .filter((k) => k.student)
        .map((k) => window.__client.run({ kernel: k.name, m: 8, n: 8, k: 8, block: 4 }).then((r) => [k, r])),
    ),
  );
  assert.ok(results.length >= 2);
  for (const [kernel, r] of results) {
    assert.equal(r.status, 'not_implemented', kernel.name);
    assert.match(r.error, new RegExp(kernel.source));
  }
});

test('bad requests are refused by the module, which keeps working', async () => {
  const out = await lab.page.evaluate(async () => {
    const c = window.__client;
    const name = window.__catalog.kernels.find((k) => !k.student).name;
    const bad = await Promise.all([
      c.run({ kernel: name, m: NaN, n: NaN, k: NaN }),
      c.run({ kernel: name, m: 'x', n: 'x', k: 'x' }),
      c.run({ kernel: 'nope', m: 8, n: 8, k: 8 }),
      c.run({ kernel: name, m: 1e7, n: 1e7, k: 1e7 }),
      c.run({ kernel: name, m: 4, n: 4, k: 4, min_time_s: -1 }),
      c.run({}),
      c.run(null),
      c.run({ kernel: 'f32_matmul_4x8_wasmsimd', m: 8, n: 8, k: 8, block: 4, threads: 99 }),
      c.run({ kernel: 'f32_matmul_4x8_wasmsimd', m: 8, n: 8, k: 8, block: 4, threads: 0 }),
      c.run({ kernel: 'f32_relu_wasmsimd', n: -5 }),
    ]);
    const good = await c.run({ kernel: name, m: 9, n: 9, k: 9, min_time_s: 0.01 });
    return { bad: bad.map((r) => [r.status, r.field]), good: good.status, passed: good.check.passed };
  });
  assert.deepEqual(out.bad, [
    ['invalid', 'n'],
    ['invalid', 'n'],
    ['invalid', 'kernel'],
    ['invalid', 'n'],
    ['invalid', 'min_time'],
    ['invalid', 'kernel'],
    ['invalid', 'kernel'],
    ['invalid', 'threads'],
    ['invalid', 'threads'],
    ['invalid', 'n'],
  ]);
  assert.equal(out.good, 'ok');
  assert.equal(out.passed, true);
  assert.deepEqual(lab.problems, []);
});

// The catalog describes each kernel fully, so the page and the bench never
// guess from a name: its traits, and the files it shows, which the page serves.
const TRAITS = {
  dtype: ['f32', 'i8', 'bf16'],
  variant: ['scalar', 'autovec', 'simd128', 'relaxed_simd'],
  role: [
    'naive',
    'loop_order',
    'blocked',
    'register_blocked',
    'expert',
    'elementwise',
    'unfused',
    'fused',
    'ceiling_probe',
    'bandwidth_probe',
    'backend',
    'exercise',
  ],
};

test('every kernel in the page’s catalog has its dtype, variant and role, and every operation a default shape', async () => {
  const catalog = await lab.page.evaluate(() => window.__catalog);
  for (const k of catalog.kernels) {
    for (const [field, allowed] of Object.entries(TRAITS)) assert.ok(allowed.includes(k[field]), `${k.name}: ${field} ${k[field]}`);
    assert.equal(k.backend === null, k.role !== 'backend', `${k.name}: a backend exactly when its role is backend`);
    // Only the relaxed-SIMD kernels are registered at run time, by the worker, where the browser runs them.
    assert.equal(k.runtime, k.variant === 'relaxed_simd', k.name);
    assert.equal(k.runtime, catalog.relaxed_simd.kernels.includes(k.name), k.name);
    assert.equal(k.sources[0], k.source, `${k.name}: its own file first`);
    assert.equal(new Set(k.sources).size, k.sources.length, `${k.name}: each file once`);
  }
  for (const op of catalog.operations) {
    const { m, n, k } = op.default_shape;
    assert.ok([m, n, k].every((d) => Number.isInteger(d) && d >= 1) && n <= op.max_n, `${op.id}: ${JSON.stringify(op.default_shape)}`);
  }
});

test('every file in the kernels’, the demos’ and the catalog’s sources loads from the page', async () => {
  const catalog = await lab.page.evaluate(() => window.__catalog);
  const paths = [
    ...new Set([
      ...catalog.kernels.flatMap((k) => k.sources),
      ...catalog.demos.flatMap((d) => d.sources),
      ...catalog.sources.timing,
      ...catalog.sources.thread_pool,
    ]),
  ];
  assert.ok(catalog.sources.timing.length > 0 && catalog.sources.thread_pool.length > 0);
  const statuses = await lab.page.evaluate(
    (all) => Promise.all(all.map((path) => fetch(`gen/src/${path}`).then(async (r) => [path, r.status, (await r.text()).length]))),
    paths,
  );
  assert.deepEqual(
    statuses.filter(([, status, length]) => status !== 200 || length === 0),
    [],
  );
});

// The bench names what it compares by catalog fields: on the real catalog
// they pick the kernels the targets table has always compared.
test('the bench’s targets and figures pick the same kernels as before from the catalog', async () => {
  const catalog = await lab.page.evaluate(() => window.__catalog);
  const sides = resolveTargets(catalog).map((t) => [
    t.id,
    t.faster.kernel,
    t.faster.n,
    t.slower.kernel,
    t.slower.n,
    ...t.also.map((a) => a.slower.kernel),
  ]);
  assert.deepEqual(sides, [
    ['simd_matmul', 'f32_matmul_4x8_wasmsimd', 512, 'f32_matmul_4x8_scalar', 512, 'f32_matmul_blocked'],
    ['simd_relu', 'f32_relu_wasmsimd', 1048576, 'f32_relu_scalar', 1048576],
    ['threads', 'f32_matmul_4x8_wasmsimd', 1024, 'f32_matmul_4x8_wasmsimd', 1024],
    ['fusion_gelu', 'f32_gelu_fused_wasmsimd', 16777216, 'f32_gelu_unfused_wasmsimd', 16777216],
    ['fusion_matmul', 'f32_matmul_bias_gelu_4x8_wasmsimd', 512, 'f32_matmul_bias_gelu_separate_wasmsimd', 512],
    ['int8_matmul', 'i8_matmul_4x8_wasmsimd', 1024, 'f32_matmul_4x8_wasmsimd', 1024],
    ['capstone_optimized', 'ffn_block_optimized', 2048, 'ffn_block_naive', 2048],
    ['capstone_int8', 'ffn_block_int8', 2048, 'ffn_block_optimized', 2048],
    ['expert_threads', 'f32_matmul_4x8_packed_wasmsimd', 1024, 'f32_matmul_4x8_packed_wasmsimd', 1024],
    ['expert_vs_simd', 'f32_matmul_4x8_packed_wasmsimd', 256, 'f32_matmul_4x8_wasmsimd', 256],
    ['expert_ceiling', 'f32_matmul_4x8_packed_wasmsimd', 1024, 'f32_mul_add_13chains_wasmsimd', 2 ** 26],
    ['fma_expert_ceiling', 'f32_matmul_4x8_packed_relaxedsimd', 256, 'f32_mul_add_13chains_relaxedsimd', 2 ** 26],
    ['fma_expert_vs_expert', 'f32_matmul_4x8_packed_relaxedsimd', 1024, 'f32_matmul_4x8_packed_wasmsimd', 1024],
    ['relaxed_int8_matmul', 'i8_matmul_4x4_relaxeddot', 1024, 'i8_matmul_4x8_wasmsimd', 1024],
  ]);
  assert.deepEqual(
    [kernelName(catalog, EXPERT), kernelName(catalog, PEAK)],
    ['f32_matmul_4x8_packed_wasmsimd', 'f32_mul_add_13chains_wasmsimd'],
  );
  assert.equal(
    resolveTargets(catalog).find((t) => t.id === 'capstone_int8').title,
    'capstone FFN block, int8 backend against optimized, batch 64 x 512 x 2048, all threads',
  );
});
