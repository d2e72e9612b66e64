// How the lab starts in one engine, over many page loads in one browser: the
// time from each load to a ready lab, and how often the module's set-up
// stalled and the page started it again in a new worker (SETUP_TIMEOUT_MS in
// web/lab-client.js). Restarts are counted from the worker scripts the server
// served for a load, so the page's own report is not taken on trust. A load
// not ready within --timeout seconds counts as hung.
//
//   node bench/start-stalls.mjs [--engine=firefox] [--loads=60] [--timeout=30]
import { parseArgs } from 'node:util';
import { labReady, openLab } from '../web/tools/headless.mjs';
import { median } from '../web/measure/ab-stats.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'firefox' },
    loads: { type: 'string', default: '60' },
    timeout: { type: 'string', default: '30' },
  },
});

const lab = await openLab({ engine: values.engine, path: '/#/loops' });
try {
  let workers = 0;
  lab.server.on('request', (request) => {
    if (request.url.startsWith('/worker.js?')) workers += 1;
  });
  const loads = [];
  for (let i = 1; i <= Number(values.loads); i++) {
    workers = 0;
    const started = Date.now();
    await lab.page.goto(`${lab.url}/?load=${i}#/loops`);
    const ready = await lab.tab.waitFor(labReady, null, Number(values.timeout) * 1000).then(
      () => true,
      () => false,
    );
    const load = { i, ready, ms: Date.now() - started, workers };
    loads.push(load);
    if (!ready || workers > 1) console.log(`load ${i}: ${ready ? 'ready' : 'HUNG'} after ${load.ms} ms, ${workers} workers`);
  }
  const readyMs = loads.filter((l) => l.ready).map((l) => l.ms);
  const restarted = loads.filter((l) => l.workers > 1).length;
  const hung = loads.filter((l) => !l.ready).length;
  console.log(
    `${lab.version}: ${loads.length} loads, ${restarted} with the set-up started again, ${hung} hung; ` +
      `ready after ${median(readyMs)} ms (median), ${Math.max(...readyMs)} ms at most`,
  );
} finally {
  await lab.close();
}
