// Bundles the page's modules that pull in npm packages, with esbuild, into
// web/gen/, and puts the compiler's own files beside its bundle. Run by the
// wasm build (build-wasm.sh), so `npm start`, `npm test` and `npm run build`
// always serve a current bundle.
//
//   node web/tools/bundle.mjs
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { COMPILER_FILES } from './compiler-files.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GEN = join(ROOT, 'web', 'gen');

// One line per bundle: its entry module, and its path under web/gen without .js.
const ENTRIES = [
  { in: 'web/compiler/compiler-worker.js', out: 'compiler/compiler-worker' },
  { in: 'web/editor/editor.js', out: 'editor' },
];

const COMPILER_PACKAGE = join(ROOT, 'node_modules', '@yowasp', 'clang', 'gen');

// @yowasp/clang reads its files with node:fs/promises when it runs in Node,
// behind a run-time check the browser never passes. The bundle gets a module
// that throws in its place, so it carries no Node import.
const withoutNode = {
  name: 'without-node',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:/ }, ({ path }) => ({ path, namespace: 'without-node' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'without-node' }, () => ({
      contents: "throw new Error('a Node module is not available in a browser');",
    }));
  },
};

// Copies a file unless an identical-looking copy (same size, not older) is there,
// so the precompressed .gz beside it stays current and is not remade.
function copyIfChanged(from, to) {
  const source = statSync(from);
  const target = statSync(to, { throwIfNoEntry: false });
  if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) return;
  copyFileSync(from, to);
}

await build({
  entryPoints: ENTRIES.map((entry) => ({ in: join(ROOT, entry.in), out: entry.out })),
  outdir: GEN,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  plugins: [withoutNode],
  logLevel: 'warning',
});
mkdirSync(join(GEN, 'compiler'), { recursive: true });
for (const file of COMPILER_FILES) copyIfChanged(join(COMPILER_PACKAGE, file), join(GEN, 'compiler', file));
console.log(`bundled ${ENTRIES.map((entry) => `web/gen/${entry.out}.js`).join(', ')}; copied the compiler's files into web/gen/compiler`);
