// A static file server for the lab, on the loopback interface only. By default
// it acts as a host that sets headers: the cross-origin isolation headers that
// SharedArrayBuffer (and so wasm pthreads) needs, and the page's own
// Content-Security-Policy, so that it also binds the lab's workers, which a
// <meta> policy does not reach. With isolate: false it acts as a plain static
// host that sets none, where the page's service worker must isolate it. Used by
// `npm start`, the browser tests and the benchmarks. A file with a gzip copy
// beside it (file.gz, made by the build: precompress.mjs) is sent compressed to
// a browser that accepts gzip, as a static host should send the compiler.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

// Loopback only: the dev server is for this machine, never for the network.
export const HOST = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.tar': 'application/x-tar',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.cpp': 'text/plain; charset=utf-8',
  '.h': 'text/plain; charset=utf-8',
};

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Maps a URL path inside `root`, or returns null for anything that is not a
// plain path below it: a request target that is not a path (an absolute URL),
// one that does not decode, a NUL, a backslash (a separator on Windows) or a
// `..` segment, however it was encoded. Such a path is refused rather than
// normalized, and what remains is checked to lie inside root all the same.
export function resolveInside(root, urlPath) {
  const path = urlPath.split(/[?#]/)[0];
  if (!path.startsWith('/')) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded) || decoded.split('/').includes('..')) return null;
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

// The Content-Security-Policy of root/index.html's <meta> tag, sent as a header
// too: one policy, written once, in the page. Null when root has none.
export function pagePolicy(root) {
  try {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    return /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? null;
  } catch {
    return null;
  }
}

// Whether an Accept-Encoding header takes gzip: named, or `*`, with no q=0.
export function acceptsGzip(header = '') {
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((text) => text.trim());
    const q = params.find((param) => param.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (!q || Number(q.slice(2)) > 0);
  });
}

// file.gz when it exists and is not older than file, else null.
async function gzipCopy(file) {
  try {
    const [gz, plain] = await Promise.all([stat(`${file}.gz`), stat(file)]);
    return gz.mtimeMs >= plain.mtimeMs ? `${file}.gz` : null;
  } catch {
    return null;
  }
}

export function startServer({ root, port = 8080, isolate = true }) {
  const policy = isolate ? pagePolicy(root) : null;
  const server = createServer(async (req, res) => {
    const headers = isolate ? { ...ISOLATION } : {};
    if (policy) headers['Content-Security-Policy'] = policy;
    let file = resolveInside(root, req.url);
    if (!file) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const gz = await gzipCopy(file);
      if (gz) headers['Vary'] = 'Accept-Encoding';
      const send = gz && acceptsGzip(req.headers['accept-encoding']) ? gz : file;
      const body = await readFile(send);
      if (send === gz) headers['Content-Encoding'] = 'gzip';
      headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
      headers['Cache-Control'] = 'no-store';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}
