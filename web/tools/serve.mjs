// `npm start`: serves the lab on http://127.0.0.1:8080, on loopback only.
//   --port N (or PORT=N)  another port; 0 picks a free one
//   --root DIR            serve another folder, such as the static build: --root dist
//   --plain               send no headers, as a plain static host: the page's
//                         service worker must then make it cross-origin isolated
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './static-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    root: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '..') },
    plain: { type: 'boolean', default: false },
  },
});
const root = resolve(values.root);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: a port is a whole number from 0 to 65535.`);
  process.exit(2);
}
if (!existsSync(join(root, 'gen', 'kernel_lab.wasm'))) {
  console.error(
    `${join(root, 'gen', 'kernel_lab.wasm')} is missing: run \`npm start\` (it builds first), ` +
      '`npm run build:wasm`, or for dist/ `npm run build`.',
  );
  process.exit(1);
}
const server = await startServer({ root, port, isolate: !values.plain });
const { address, port: bound } = server.address();
console.log(`Kernel Lab is running at http://${address}:${bound}/  (Ctrl+C stops it)`);
