// Copies the page's third-party libraries into web/gen/vendor, so the page
// loads nothing from another origin and the static build is self-contained.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vendor = join(root, 'web', 'gen', 'vendor');
mkdirSync(vendor, { recursive: true });

const files = [
  ['node_modules/uplot/dist/uPlot.esm.js', 'uPlot.esm.js'],
  ['node_modules/uplot/dist/uPlot.min.css', 'uPlot.min.css'],
];
for (const [from, to] of files) copyFileSync(join(root, from), join(vendor, to));
console.log(`copied ${files.length} vendor files into web/gen/vendor`);
