// The dev server sends the isolation headers and the page's policy, listens on
// loopback only, and never serves a file outside web/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WEB_ROOT } from '../../web/tools/headless.mjs';
import { pagePolicy, resolveInside, startServer } from '../../web/tools/static-server.mjs';

const SERVE = fileURLToPath(new URL('../../web/tools/serve.mjs', import.meta.url));

let server;
let port;
before(async () => {
  server = await startServer({ root: WEB_ROOT, port: 0 });
  port = server.address().port;
});
after(() => new Promise((resolve) => server.close(resolve)));

// A raw request, so the path reaches the server exactly as written.
function get(path, at = port) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: at, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    })
      .on('error', reject)
      .end();
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

test("the page's Content-Security-Policy is sent as a header too, so it binds the workers", async () => {
  const policy = pagePolicy(WEB_ROOT);
  assert.match(policy, /'wasm-unsafe-eval'/);
  assert.equal((await get('/')).headers['content-security-policy'], policy);
  assert.equal((await get('/worker.js')).headers['content-security-policy'], policy);
});

test('a plain server sends none of the headers, as a bare static host', async () => {
  const plain = await startServer({ root: WEB_ROOT, port: 0, isolate: false });
  try {
    const res = await get('/', plain.address().port);
    assert.equal(res.statusCode, 200);
    for (const name of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'content-security-policy']) {
      assert.equal(res.headers[name], undefined, name);
    }
  } finally {
    await new Promise((resolve) => plain.close(resolve));
  }
});

test('paths that escape web/ are refused, however they are written', async () => {
  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/.%2e/package.json',
    '/gen/%2e%2e%2f%2e%2e%2fpackage.json',
    '/%00',
    '/gen/..',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/gen%5c..%5c..%5cpackage.json',
    'http://127.0.0.1/../package.json',
    '*',
  ]) {
    assert.equal((await get(path)).statusCode, 403, path);
  }
  // Encoded twice, or absolute: a name inside web/, where no such file is.
  for (const path of ['/%252e%252e/package.json', '//etc/passwd', '/etc/passwd']) {
    assert.equal((await get(path)).statusCode, 404, path);
  }
  assert.equal(resolveInside('/srv/web', '/../etc/passwd'), null);
  assert.equal(resolveInside('/srv/web', '/%E0%A4%A'), null);
  assert.equal(resolveInside('/srv/web', '/a\\..\\..\\b'), null);
  assert.equal(resolveInside('/srv/web', '//etc/passwd'), '/srv/web/etc/passwd');
  assert.equal(resolveInside('/srv/web', '/a/b.js?x=/../..'), '/srv/web/a/b.js');
  assert.equal(resolveInside('/srv/web', '/a/b.js'), '/srv/web/a/b.js');
});

test('the server listens on loopback only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});

// This machine's addresses other than loopback: none may reach the dev server.
function otherAddresses() {
  // Link-local IPv6 addresses need a scope to connect to, and are left out.
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => !a.internal && !a.address.startsWith('fe80:'))
    .map((a) => a.address);
}

function refused(host, at) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: at });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test("npm start's server says it is on 127.0.0.1, answers there, and nowhere else", async (t) => {
  const child = spawn(process.execPath, [SERVE, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = await once(child.stdout.setEncoding('utf8'), 'data');
    const url = new URL(/http:\/\/\S+/.exec(line)[0]);
    assert.equal(url.hostname, '127.0.0.1');
    const at = Number(url.port);
    assert.equal((await get('/', at)).statusCode, 200);
    const others = otherAddresses();
    if (!others.length) t.diagnostic('this machine has no address but loopback to try');
    for (const address of others) assert.equal(await refused(address, at), true, address);
  } finally {
    child.kill();
  }
});

test('serve.mjs refuses a port that is not one', async () => {
  const child = spawn(process.execPath, [SERVE, '--port', '80.5'], { stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
});
