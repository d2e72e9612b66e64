// The Fusion lesson: both experiments run at small sizes and show speedups,
// GB/s and each schedule's bytes formula; the byte prediction is judged; bad
// lengths are refused and change nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait, errorText } from './lab-page.mjs';

test('Fusion: both experiments run, every variant is checked, and the notes compare speedup with traffic', async () => {
  await withLesson('fusion', async ({ section }) => {
    await fill(section, { experiment: 'both', gelu_sizes: '1000,4099', matmul_sizes: '33', block: 16, threads: 1, min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('72, 8');
    await runAndWait(section);

    const table = await rows(section);
    assert.equal(await table.count(), 2 * 2 + 2);
    for (let i = 0; i < (await table.count()); i++) {
      const cell = async (col) => (await table.nth(i).locator(`td[data-col="${col}"]`).textContent()).trim();
      const kernel = (await table.nth(i).locator('td[data-col="kernel"] .kernel-name').textContent()).trim();
      assert.match(await cell('check'), /passed/, kernel);
      const rate = Number(await cell('gbps'));
      assert.ok(rate > 0 && Number.isFinite(rate), `${kernel}: ${rate}`);
      const traffic = await cell('traffic');
      if (kernel === 'f32_gelu_unfused_wasmsimd') assert.match(traffic, /72 N/);
      if (kernel === 'f32_gelu_fused_wasmsimd') assert.match(traffic, /8 N/);
      if (kernel.startsWith('f32_matmul')) assert.match(traffic, /M K \+ K N/);
    }

    assert.equal(await section.locator('[data-chart] canvas').count(), 2, 'a speedup chart per experiment');
    const verdict = section.locator('[data-verdict]');
    assert.match(
      await verdict.textContent(),
      /^Right\. The catalog counts 72 bytes per element .* 8 for .*traffic ratio of 9\.00×\. At N = 4099 the measured speedup was [\d.]+×/,
    );
    const notes = await section.locator('[data-notes] li').allTextContents();
    assert.ok(
      notes.some((n) => /^GELU at N = 1000 .* ran [\d.]+× as fast as .*the traffic ratio is 9\.00×.*GB\/s/.test(n)),
      notes.join('\n'),
    );
    // Traffic against compute: the fused kernel's time beside what its bytes would take at the
    // unfused passes' bandwidth, with the catalog's flop count; or, near the traffic ratio, memory.
    assert.ok(
      notes.some(
        (n) =>
          /^Even at its best.* GB\/s \(measured\); at that rate, .* would take .*, and it took .* \(measured\), [\d.]+× as long\. .*an inference.* count, 26 N \(8 steps, the tanh counted as its 18 f32 operations\), the fused kernel does 26 flops per element on 8 bytes/.test(
            n,
          ) || /fusion came within .* of the traffic ratio/.test(n),
      ),
      notes.join('\n'),
    );
    assert.ok(
      notes.some((n) => /^Matmul \+ bias \+ GELU at N = 33 .*of the bytes/.test(n)),
      notes.join('\n'),
    );
  });
});

test('Fusion: a wrong byte count is judged wrong, and says which', async () => {
  await withLesson('fusion', async ({ section }) => {
    await fill(section, { experiment: 'gelu', gelu_sizes: '64', min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('40, 8');
    await runAndWait(section);
    const verdict = section.locator('[data-verdict]');
    assert.match(await verdict.textContent(), /^Not quite: unfused 40 \(not 72\)\./);
    assert.match(await verdict.getAttribute('class'), /verdict-wrong/);
  });
});

test('Fusion: a length of 0 or "abc" is refused, shown beside the field, and adds no rows', async () => {
  await withLesson('fusion', async ({ section }) => {
    for (const [sizes, message] of [
      ['0', /at least 1/],
      ['abc', /must be a number/],
      ['4096, 0', /at least 1/],
    ]) {
      await fill(section, { experiment: 'gelu', gelu_sizes: sizes, min_time_s: 0.05 });
      await runAndWait(section);
      assert.match(await errorText(section), message, sizes);
      assert.equal(await section.locator('[name="gelu_sizes"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await (await rows(section)).count(), 0, 'nothing ran');
      assert.equal(await section.locator('[data-verdict]').count(), 0);
    }
    await fill(section, { experiment: 'matmul', matmul_sizes: '16', block: 16, threads: 'x', min_time_s: 0.05 });
    await runAndWait(section);
    assert.match(await errorText(section), /Threads must be a number/);
    assert.equal(await (await rows(section)).count(), 0);
  });
});
