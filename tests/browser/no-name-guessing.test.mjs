// The page and the bench read what the catalog describes and never guess it:
// no path under cpp/ typed in web/ or bench/ (a kernel's `sources` and the
// catalog's `sources` name every file a lesson shows), and no regular
// expression, startsWith or endsWith applied to a kernel's name (its dtype,
// variant, role, backend and operation are catalog fields). Generated files
// (web/gen), the build tools (web/tools) and vendored code are not the lab's
// and are left out.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED = new Set(['web/gen', 'web/tools', 'node_modules']);

function sourceFiles(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED.has(path) || entry.name === 'vendor' ? [] : sourceFiles(path);
    return /\.m?js$/.test(entry.name) ? [path] : [];
  });
}

// A chain such as `kernelName`, `e.result.kernel` or `k.name` that holds a
// kernel's name. A bare `name` counts only as what a regular expression is
// applied to (`name.startsWith('on')` is an attribute's, in ui/dom.js).
const isKernelName = (chain) => /kernel/i.test(chain) || /(^|\.)k\.name$/.test(chain);
const chainOf = (text) => text.replaceAll('?', '');

// What a line does that only a guess would: each rule gives a reason or null.
const RULES = [
  (line) => (/['"`]cpp\//.test(line) ? 'a cpp/ path typed by hand (use kernel.sources or catalog.sources)' : null),
  (line) => {
    const calls = [...line.matchAll(/([\w$]+(?:\??\.[\w$]+)*)\??\.(startsWith|endsWith)\(/g)];
    const hit = calls.find(([, chain]) => isKernelName(chainOf(chain)));
    return hit ? `${hit[2]} on a kernel name (${hit[1]})` : null;
  },
  (line) => {
    const applied = [...line.matchAll(/\.(test|exec)\(\s*([\w$]+(?:\??\.[\w$]+)*)/g)];
    const matched = [...line.matchAll(/([\w$]+(?:\??\.[\w$]+)*)\??\.(match|matchAll|search)\(/g)];
    const hit =
      applied.find(([, , chain]) => isKernelName(chainOf(chain)) || chain === 'name') ??
      matched.find(([, chain]) => isKernelName(chainOf(chain)));
    return hit ? `a regular expression over a kernel name (${hit[0]})` : null;
  },
];

export function guesses(text) {
  return text.split('\n').flatMap((line, i) =>
    RULES.map((rule) => rule(line))
      .filter(Boolean)
      .map((why) => ({ line: i + 1, why })),
  );
}

test('the rules catch the guesses the lab used to make, and leave other strings alone', () => {
  const old = [
    "const bytesPerValue = (kernelName) => (kernelName.startsWith('i8_') ? 1 : 4);",
    "const quantizers = entries.filter((e) => e.result.status === 'ok' && e.result.kernel.startsWith('f32_quantize'));",
    'unfusedKernel: kernels.find((k) => x.unfused.test(k.name)),',
    'kernel: (backend) => kernels.find((k) => k.name.endsWith(`_${backend}`)) };',
    'const backendOf = (kernelName) => BACKENDS.find((b) => kernelName.endsWith(`_${b}`));',
    'export const isInteger = (result) => /^i8_|_int8$/.test(result.kernel);',
    'const variantOf = (kernel) => /_(scalar|autovec|wasmsimd)$/.exec(kernel.name)?.[1];',
    'return /_(scalar|autovec|wasmsimd)$/.exec(name)?.[1] ?? null;',
    "const TIMING_SOURCES = ['cpp/lab/timing.cpp', 'cpp/lab/stats.cpp'];",
    "sources: [kernel.source, 'cpp/lab/thread_pool.h'],",
  ];
  for (const line of old) assert.equal(guesses(line).length, 1, line);
  const fine = [
    "if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);",
    "const gemm = p.steps.filter((s) => s.name.endsWith('GEMM')).reduce((sum, s) => sum + s.share, 0);",
    "const moduleName = /^kernel_lab(_st|_nosimd)?$/.test(requested) ? requested : 'kernel_lab';",
    'if (!/^\\d+$/.test(item) || Number(item) < 1)',
    'sources: session.sourcesOf([kernel], session.catalog.sources.timing),',
    "el('code', {}, exercise.source)",
  ];
  for (const line of fine) assert.deepEqual(guesses(line), [], line);
});

test('web/ and bench/ guess no kernel fact from a name and type no cpp/ path', () => {
  const files = [...sourceFiles('web'), ...sourceFiles('bench')];
  assert.ok(files.length > 20, `found only ${files.length} files to check`);
  const found = files.flatMap((file) =>
    guesses(readFileSync(join(ROOT, file), 'utf8')).map(({ line, why }) => `${relative(ROOT, join(ROOT, file))}:${line}: ${why}`),
  );
  assert.deepEqual(found, [], `the catalog says these; read its fields instead:\n${found.join('\n')}`);
});
