// The relaxed-SIMD kernels' modules, named like their files in
// cpp/kernels/relaxed/: web/gen/relaxed/<name>.wasm each. Built by
// build-relaxed.mjs, shipped by build-dist.mjs.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RELAXED_SOURCES = join(ROOT, 'cpp', 'kernels', 'relaxed');

export const relaxedModuleNames = () =>
  readdirSync(RELAXED_SOURCES)
    .filter((file) => file.endsWith('.cpp'))
    .map((file) => file.replace(/\.cpp$/, ''));
