// The Vectorization lesson: both experiments run and are checked, the prediction
// is judged, the instruction view shows SIMD only where the build put it, and
// bad input changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait, errorText } from './lab-page.mjs';
import { labReady } from '../../web/tools/headless.mjs';

const listing = (section, kernel) => section.locator(`[data-instructions="${kernel}"]`);

test('Vectorization: both experiments run, every variant is measured and checked, the prediction is judged', async () => {
  await withLesson('vectorization', async ({ section }) => {
    await fill(section, { experiment: 'both', relu_sizes: '1000,4099', matmul_sizes: '37,64', block: 16, min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('3');
    await section.locator('button[data-action="run"]').click();
    assert.equal(await section.locator('[data-prediction]').isDisabled(), true, 'the prediction is locked during the run');
    await section.page().waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 60000 });
    assert.equal(await section.locator('[data-prediction]').isDisabled(), false);

    const table = await rows(section);
    assert.equal(await table.count(), 2 * 4 + 2 * 4); // ReLU and matmul: 3 kernels and the exercise's stub each
    const measured = new Set();
    for (let i = 0; i < (await table.count()); i++) {
      const cell = async (col) => (await table.nth(i).locator(`td[data-col="${col}"]`).textContent()).trim();
      const kernel = (await table.nth(i).locator('td[data-col="kernel"] .kernel-name').textContent()).trim();
      if (kernel === 'f32_relu_student_wasmsimd' || kernel === 'f32_matmul_student_4x8') {
        assert.match(await cell('check'), /not implemented/i);
        continue;
      }
      assert.match(await cell('check'), /passed/, kernel);
      const rate = Number(await cell(kernel.startsWith('f32_relu') ? 'gbps' : 'gflops'));
      assert.ok(rate > 0 && Number.isFinite(rate), `${kernel}: ${rate}`);
      measured.add(kernel);
    }
    assert.deepEqual([...measured].sort(), [
      'f32_matmul_4x8_autovec',
      'f32_matmul_4x8_scalar',
      'f32_matmul_4x8_wasmsimd',
      'f32_relu_autovec',
      'f32_relu_scalar',
      'f32_relu_wasmsimd',
    ]);

    assert.equal(await section.locator('[data-chart] canvas').count(), 2, 'a speedup chart per experiment');
    const verdict = section.locator('[data-verdict]');
    assert.match(await verdict.textContent(), /^(Right|Not quite)\. At N = 4099, ReLU SIMD128 ran [\d.]+× as fast/);
    assert.match(await verdict.getAttribute('class'), /verdict-(right|wrong)/);
    assert.ok((await section.locator('[data-notes] li').count()) >= 4);
  });
});

test('Vectorization: the instruction view marks SIMD instructions only in the vector kernels', async () => {
  await withLesson('vectorization', async ({ section }) => {
    await listing(section, 'f32_matmul_4x8_scalar').locator('pre').waitFor();
    assert.match(await section.locator('.instruction-view').textContent(), /wasm2wat.*kernel_lab\.wasm/);
    for (const kernel of ['f32_relu_wasmsimd', 'f32_matmul_4x8_wasmsimd']) {
      const simd = await listing(section, kernel).locator('[data-simd]').allTextContents();
      assert.ok(simd.length > 0, kernel);
      assert.ok(
        simd.every((line) => /^(v128|f32x4|i32x4|i8x16)\./.test(line)),
        `${kernel}: ${simd}`,
      );
      assert.match(await listing(section, kernel).locator('.insn-counts').textContent(), new RegExp(`${simd.length} SIMD`));
    }
    for (const kernel of ['f32_relu_scalar', 'f32_matmul_4x8_scalar']) {
      assert.ok((await listing(section, kernel).locator('pre .insn').count()) > 0, kernel);
      assert.equal(await listing(section, kernel).locator('[data-simd]').count(), 0, kernel);
    }
    await fill(section, { experiment: 'relu' });
    assert.equal(await listing(section, 'f32_matmul_4x8_wasmsimd').count(), 0, 'only the chosen experiment is listed');
    assert.equal(await section.locator('[name="matmul_sizes"]').isVisible(), false);
  });
});

test('Vectorization: in the scalar build the lesson says so, and explains the missing auto-vectorized kernels', async () => {
  await withLesson(
    'vectorization',
    async ({ section }) => {
      assert.match(await section.locator('.lesson-notice').textContent(), /no WebAssembly SIMD128|scalar build/);
      await listing(section, 'f32_relu_scalar').locator('pre').waitFor();
      assert.match(await listing(section, 'f32_relu_autovec').textContent(), /merged/);
      assert.equal(await section.locator('[data-simd]').count(), 0);
    },
    { path: '/?build=kernel_lab_nosimd#/vectorization' },
  );
});

test('Vectorization: a size of 0 or a block larger than N is refused and adds no rows', async () => {
  await withLesson('vectorization', async ({ section }) => {
    const refused = async (values, field, message) => {
      await fill(section, { experiment: 'both', relu_sizes: '1024', matmul_sizes: '32', block: 16, min_time_s: 0.05, ...values });
      await runAndWait(section);
      assert.match(await errorText(section), message);
      assert.equal(await section.locator(`[name="${field}"]`).getAttribute('aria-invalid'), 'true', field);
      assert.equal(await (await rows(section)).count(), 0);
    };
    await refused({ relu_sizes: '1024,0' }, 'relu_sizes', /Length N must be at least 1/);
    await refused({ matmul_sizes: '0' }, 'matmul_sizes', /N must be at least 1/);
    await refused({ block: 64 }, 'block', /larger than the matrix/);
  });
});

test('Vectorization: when the instruction listing cannot be fetched, the view says so', async () => {
  await withLesson('vectorization', async (lab) => {
    await lab.page.route('**/*.instructions.json', (route) => route.fulfill({ status: 404, body: '' }));
    await lab.page.reload();
    await lab.page.waitForFunction(labReady, null, { timeout: 30000 });
    const message = lab.section.locator('.instruction-view [role="alert"]');
    await message.waitFor();
    assert.match(await message.textContent(), /could not be shown: .*instructions\.json \(HTTP 404\)/);
    // The browser logs the 404 itself; that one is expected.
    lab.problems.splice(0, lab.problems.length, ...lab.problems.filter((p) => !/404/.test(p)));
  });
});
