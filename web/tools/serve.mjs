// `npm start`: serves the lab on http://127.0.0.1:8080 (PORT overrides the port).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'gen', 'kernel_lab.wasm'))) {
  console.error('web/gen/kernel_lab.wasm is missing: run `npm start` (it builds first) or `npm run build:wasm`.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
await startServer({ root, port });
console.log(`Kernel Lab is running at http://127.0.0.1:${port}/  (Ctrl+C stops it)`);
