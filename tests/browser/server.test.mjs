// The dev server sends the isolation headers and never serves a file outside web/.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { WEB_ROOT } from '../../web/tools/headless.mjs';
import { resolveInside, startServer } from '../../web/tools/static-server.mjs';

let server;
let port;
before(async () => {
  server = await startServer({ root: WEB_ROOT, port: 0 });
  port = server.address().port;
});
after(() => new Promise((resolve) => server.close(resolve)));

// A raw request, so the path reaches the server exactly as written.
function get(path) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    }).on('error', reject).end();
  });
}

test('the page is served with COOP and COEP', async () => {
  const res = await get('/');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
  assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
});

test('wasm is served as application/wasm', async () => {
  assert.equal((await get('/gen/kernel_lab.wasm')).headers['content-type'], 'application/wasm');
});

test('paths that escape web/ are refused', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/gen/%2e%2e%2f%2e%2e%2fpackage.json', '/%00']) {
    assert.equal((await get(path)).statusCode, 403, path);
  }
  assert.equal(resolveInside('/srv/web', '/../etc/passwd'), null);
  assert.equal(resolveInside('/srv/web', '/%E0%A4%A'), null);
  assert.equal(resolveInside('/srv/web', '/a/b.js'), '/srv/web/a/b.js');
});

test('the server listens on loopback only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});
