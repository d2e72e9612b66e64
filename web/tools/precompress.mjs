// Writes a gzip copy (file.gz) beside each of the compiler's files in
// web/gen/compiler, for a server to send with Content-Encoding: gzip: the
// compiler is about 105 MB as it is and about a third of that compressed.
// Done once by the build: a .gz newer than its file is kept. Run by the wasm
// build (build-wasm.sh) after bundle.mjs.
//
//   node web/tools/precompress.mjs
import { createReadStream, createWriteStream, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { constants, createGzip } from 'node:zlib';

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'gen', 'compiler');

// Whether path.gz is missing or older than path.
export function isStale(path) {
  const gz = statSync(`${path}.gz`, { throwIfNoEntry: false });
  return !gz || gz.mtimeMs < statSync(path).mtimeMs;
}

// The best gzip level: it costs time once, at build, and saves it on every download.
export async function gzipFile(path) {
  const partial = `${path}.gz.partial`;
  await pipeline(createReadStream(path), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(partial));
  renameSync(partial, `${path}.gz`); // never a half-written .gz, even if the build is stopped
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = readdirSync(FOLDER)
    .filter((name) => !/\.gz(\.partial)?$/.test(name))
    .map((name) => join(FOLDER, name));
  const stale = files.filter(isStale);
  await Promise.all(stale.map(gzipFile));
  console.log(`precompressed ${stale.length} of the compiler's ${files.length} files in web/gen/compiler`);
}
