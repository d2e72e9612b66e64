// Builds the relaxed-SIMD kernels (cpp/kernels/relaxed/*.cpp) into modules of
// their own, web/gen/relaxed/<kernel>.wasm, with the LLVM of @yowasp/clang:
// Emscripten 3.1.6's clang 14 has no relaxed-SIMD instructions. Each module is
// freestanding like a student's: it imports nothing and exports lab_entry,
// memory and __heap_base (web/page-host.js). Run by the wasm build
// (build-wasm.sh); the lab worker loads them where relaxed SIMD validates
// (web/relaxed-simd.js).
//
//   node web/tools/build-relaxed.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClang } from '@yowasp/clang';
import { fileTree } from '../compiler/file-tree.js';
import { RELAXED_SOURCES, relaxedModuleNames } from './relaxed-modules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'web', 'gen', 'relaxed');

// The flags of a page compile (web/compiler/clang-command.js) plus relaxed
// SIMD, and -O3 as the lab's own builds use. -lc brings memcpy and memset
// (a compiler may call them for a copy loop); nothing in it is imported.
const ARGS = [
  'clang++',
  '--target=wasm32-wasip1',
  '-std=c++17',
  '-O3',
  '-msimd128',
  '-mrelaxed-simd',
  '-fno-exceptions',
  '-Icpp',
  '-nostdlib',
  '-Wl,--no-entry',
  '-Wl,--export=lab_entry',
  '-Wl,--export=__heap_base',
];

// Every header under cpp/, by its path from the repository root: what -Icpp finds.
function headers(dir = join(ROOT, 'cpp')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return headers(path);
    return entry.name.endsWith('.h') ? [[relative(ROOT, path), readFileSync(path, 'utf8')]] : [];
  });
}

// The module of the relaxed kernel `name`, from `source` (its file's text
// unless given: the tests build a broken copy).
export async function compileRelaxed(name, source) {
  const path = relative(ROOT, join(RELAXED_SOURCES, `${name}.cpp`));
  const files = fileTree([...headers(), [path, source ?? readFileSync(join(ROOT, path), 'utf8')]]);
  const output = await runClang([...ARGS, path, '-lc', '-o', `${name}.wasm`], files);
  return output[`${name}.wasm`];
}

// Builds every relaxed kernel's module and returns the names built.
export async function buildRelaxed() {
  const names = relaxedModuleNames();
  mkdirSync(OUT, { recursive: true });
  for (const name of names) writeFileSync(join(OUT, `${name}.wasm`), await compileRelaxed(name));
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await buildRelaxed();
  console.log(`built web/gen/relaxed/: ${built.join(', ')}`);
}
