// Every exercise through the real compiler and the lab's real registration:
// a correct kernel compiles, passes every check shape and is timed in its
// lesson; a wrong one is named by its first bad element; a syntax error is
// marked on its line; malloc is refused at link time; a write outside the
// output is caught and named; an endless loop is cancelled within a second;
// a trap is survived, and the next kernel runs. Skipped until this checkout
// has both the compiler (web/compiler/compiler-client.js) and
// LabClient.registerStudentKernel.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WEB_ROOT } from '../../web/tools/headless.mjs';
import { withLesson, fill } from './lab-page.mjs';

const ready =
  existsSync(join(WEB_ROOT, 'compiler', 'compiler-client.js')) &&
  readFileSync(join(WEB_ROOT, 'lab-client.js'), 'utf8').includes('registerStudentKernel(');
const skip = ready ? false : 'needs web/compiler/compiler-client.js and LabClient.registerStudentKernel';

// A kernel that never returns: the loop reads a volatile, so the compiler may not drop it.
const ENDLESS = 'volatile int spin = 1;\n  while (spin) {\n  }\n  return KernelStatus::done;';
const TRAP = '__builtin_trap();';
const MALLOC = 'extern "C" void* malloc(unsigned long);';

// Per exercise: its lesson, the lesson's fastest values, and bodies for its function.
const EXERCISES = {
  f32_matmul_student_loops: {
    lesson: 'loops',
    values: { sizes: '64', min_time_s: '0.05' },
    right: `for (int64_t i = 0; i < m; ++i) {
    for (int64_t j = 0; j < n; ++j) c[i * n + j] = 0.0f;
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += a[i * k + p] * b[p * n + j];
  }
  return KernelStatus::done;`,
    wrong: `for (int64_t i = 0; i < m * n; ++i) c[i] = 0.0f;
  (void)a, (void)b, (void)k;
  c[m * n - 1] = 1.0f;
  return KernelStatus::done;`,
    outside: `for (int64_t i = 0; i <= m * n; ++i) c[i] = 0.0f;
  (void)a, (void)b, (void)k;
  return KernelStatus::done;`,
  },
  f32_matmul_student_blocked: {
    lesson: 'blocking',
    values: { sizes: '64', blocks: '16', min_time_s: '0.05' },
    right: `for (int64_t i = 0; i < m * n; ++i) c[i] = 0.0f;
  for (int64_t i0 = 0; i0 < m; i0 += block)
    for (int64_t p0 = 0; p0 < k; p0 += block)
      for (int64_t j0 = 0; j0 < n; j0 += block)
        for (int64_t i = i0; i < i0 + block && i < m; ++i)
          for (int64_t p = p0; p < p0 + block && p < k; ++p)
            for (int64_t j = j0; j < j0 + block && j < n; ++j) c[i * n + j] += a[i * k + p] * b[p * n + j];
  return KernelStatus::done;`,
    wrong: `for (int64_t i = 0; i < m * n; ++i) c[i] = 1.0f;
  (void)a, (void)b, (void)k, (void)block;
  return KernelStatus::done;`,
    outside: `for (int64_t i = 0; i <= m * n; ++i) c[i] = 0.0f;
  (void)a, (void)b, (void)k, (void)block;
  return KernelStatus::done;`,
  },
  f32_relu_student_wasmsimd: {
    lesson: 'vectorization',
    values: { relu_sizes: '4096', min_time_s: '0.05' },
    right: `int64_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), wasm_v128_load(x + i)));
  for (; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
  return KernelStatus::done;`,
    wrong: `for (int64_t i = 0; i < n; ++i) y[i] = x[i];
  return KernelStatus::done;`,
    outside: `for (int64_t i = 0; i <= n; ++i) y[i] = 0.0f;
  (void)x;
  return KernelStatus::done;`,
  },
  f32_quantize_i8_student: {
    lesson: 'quantization',
    values: { lengths: '4096', min_time_s: '0.05' },
    right: `float top = 0.0f;
  for (int64_t i = 0; i < n; ++i) top = std::fmax(top, std::fabs(x[i]));
  *scale = top > 0.0f ? top / 127.0f : 1.0f;
  for (int64_t i = 0; i < n; ++i) q[i] = static_cast<int8_t>(std::fmin(127.0f, std::fmax(-127.0f, std::nearbyint(x[i] / *scale))));
  return KernelStatus::done;`,
    wrong: `for (int64_t i = 0; i < n; ++i) q[i] = 0;
  *scale = 1.0f;
  (void)x;
  return KernelStatus::done;`,
    outside: `for (int64_t i = 0; i <= n; ++i) q[i] = 0;
  *scale = 1.0f;
  (void)x;
  return KernelStatus::done;`,
  },
};

// The stub with its function's body replaced, and lines added before it.
const STUB_BODY = /\(void\)[^\n]*\n[\s\S]*?return KernelStatus::not_implemented;/;
const withBody = (stub, body, before = '') => stub.replace('namespace lab {', `${before}\nnamespace lab {`).replace(STUB_BODY, body);

for (const [name, { lesson, values, right, wrong, outside }] of Object.entries(EXERCISES)) {
  test(`${name}: every way a kernel can go, through the real compiler and lab`, { skip, timeout: 600000 }, () =>
    withLesson(
      lesson,
      async ({ page, section }) => {
        await fill(section, values);
        const panel = section.locator(`[data-code-panel="${name}"]`);
        await panel.locator('[data-action="toggle-code"]').click();
        await panel.locator('.cm-content').waitFor();
        const stub = await page.evaluate((path) => fetch(`gen/src/${path}`).then((r) => r.text()), `cpp/exercises/${name}.cpp`);
        const setText = (text) =>
          panel.locator('.cm-content').evaluate((content, next) => {
            const { view } = content.cmTile.root;
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
          }, text);
        const compile = async (text) => {
          await setText(text);
          await panel.locator('[data-action="compile"]').click();
          await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 300000 });
          const alert = panel.locator('[data-code-outcome]');
          return (await alert.isVisible()) ? alert.textContent() : '';
        };
        const mine = () => section.locator('table[data-results] tbody tr', { hasText: 'Yours' }).count();

        assert.equal(await compile(withBody(stub, right)), '');
        assert.match(await panel.locator('[data-code-summary]').textContent(), /right at each of the \d+ sizes/);
        assert.ok((await mine()) >= 1, 'a timed row of the student’s kernel');
        const rows = await mine();

        assert.match(await compile(withBody(stub, wrong)), /Wrong result at .*element/);
        const broken = withBody(stub, 'int broken = ;\n  return KernelStatus::done;');
        assert.match(await compile(broken), /did not compile/);
        const line = broken.split('\n').findIndex((l) => l.includes('int broken')) + 1;
        assert.equal(await panel.locator('[data-diagnostics] button[data-line]').first().getAttribute('data-line'), String(line));
        assert.match(await compile(withBody(stub, 'void* p = malloc(64);\n  (void)p;\n  return KernelStatus::done;', MALLOC)), /malloc/);
        assert.match(await compile(withBody(stub, outside)), /failed at .*(outside|buffer)/i);
        assert.match(await compile(withBody(stub, TRAP)), /failed at/);

        await setText(withBody(stub, ENDLESS));
        await panel.locator('[data-action="compile"]').click();
        await page.waitForFunction((el) => /Checking/.test(el.textContent), await panel.locator('[data-code-line]').elementHandle(), {
          timeout: 60000,
        });
        const started = Date.now();
        await panel.locator('[data-action="cancel-compile"]').click();
        await page.waitForFunction((el) => el.dataset.busy === 'false', await panel.elementHandle(), { timeout: 10000 });
        assert.ok(Date.now() - started < 1000, `Cancel took ${Date.now() - started} ms`);

        // After all of that the lab still works, and nothing measured was lost.
        assert.equal(await compile(withBody(stub, right)), '');
        assert.ok((await mine()) > rows);
      },
      { path: `/?test-hooks#/${lesson}` },
    ),
  );
}
