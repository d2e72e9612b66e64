// Bundles the code panel's editor (web/editor/editor.js, CodeMirror 6 and its
// C++ mode) into one minified ES module, web/gen/editor.js, which the page
// imports only when a student opens a code panel. Run by the wasm build
// (build-wasm.sh), after the module, so web/gen holds everything the page loads.
//
//   node web/tools/bundle-editor.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleEditor() {
  const result = await build({
    entryPoints: [join(WEB, 'editor', 'editor.js')],
    outfile: join(WEB, 'gen', 'editor.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['chrome109', 'firefox115', 'safari16'],
    legalComments: 'linked',
    metafile: true,
  });
  return Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await bundleEditor();
  console.log(`wrote web/gen/editor.js (${(bytes / 1024).toFixed(0)} KiB)`);
}
