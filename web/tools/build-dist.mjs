// `npm run build`: copies the page into dist/, a folder any static host can
// serve as it is: the page, its lessons and styles, the lab worker, the three
// wasm builds with their glue and instruction listings, the C++ sources the
// page shows, the vendored libraries and the in-page compiler (its bundle and
// its files, each with its gzip copy), all under one origin. The wasm must be
// built first (`npm run build` does that in its prebuild step); this script
// only checks it is there. The build tools in web/tools are not part of it.
//
//   node web/tools/build-dist.mjs [out]     (out defaults to dist/)
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { COMPILER_FILES } from './compiler-files.mjs';
import { relaxedModuleNames } from './relaxed-modules.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = join(ROOT, 'web');
export const DIST = join(ROOT, 'dist');

// Folders of web/ that only run at build or test time (web/editor is bundled into gen/editor.js).
const BUILD_ONLY = new Set([join(WEB, 'tools'), join(WEB, 'editor')]);

const MODULES = ['kernel_lab', 'kernel_lab_st', 'kernel_lab_nosimd'];

// The compiler's files, each sent compressed (README, "The compiler in the page").
const COMPILER = ['compiler-worker.js', ...COMPILER_FILES];

// What the page cannot run without: every build's glue and wasm (the threaded
// one also has its pthread worker), its listing, the relaxed-SIMD modules, the sources, uPlot, the code panel's editor and the compiler.
export const REQUIRED = [
  ...MODULES.flatMap((m) => [`gen/${m}.js`, `gen/${m}.wasm`, `gen/${m}.instructions.json`]),
  'gen/kernel_lab.worker.js',
  ...relaxedModuleNames().map((name) => `gen/relaxed/${name}.wasm`),
  'gen/src',
  'gen/editor.js',
  'gen/vendor/uPlot.esm.js',
  'gen/vendor/uPlot.min.css',
  ...COMPILER.flatMap((file) => [`gen/compiler/${file}`, `gen/compiler/${file}.gz`]),
  'compiler/compiler-client.js',
  'index.html',
  'isolation-sw.js',
  'page-host.js',
  'relaxed-simd.js',
  'worker.js',
];

// Writes the site into `out` (emptied first) and returns out.
export function buildDist(out = DIST) {
  const missing = REQUIRED.filter((path) => !existsSync(join(WEB, path)));
  if (missing.length) {
    throw new Error(`web/ lacks ${missing.join(', ')}: build the wasm first (npm run build:wasm).`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Timestamps kept: a server sends a .gz copy only when it is not older than its file.
  cpSync(WEB, out, { recursive: true, preserveTimestamps: true, filter: (path) => !BUILD_ONLY.has(path) });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? DIST);
  try {
    buildDist(out);
  } catch (error) {
    console.error(`build-dist: ${error.message}`);
    process.exit(1);
  }
  console.log(`wrote ${relative(process.cwd(), out) || basename(out)}/: serve it from any static host (README, "Hosting")`);
}
