// Runs a lesson's sweep through the lab client. Every request is validated
// before the first one runs, so a bad value anywhere changes nothing.

// {request, field, error} of the first request C++ refuses, or null.
export async function firstInvalid(lab, requests) {
  const checks = await Promise.all(requests.map((request) => lab.check(request)));
  const index = checks.findIndex((check) => check.status !== 'ok');
  return index < 0 ? null : { request: requests[index], ...checks[index] };
}

// items: [{requests: [...], demos?: [...], meta}]. Each item becomes one entry
// {meta, results, result, demos} (result is the last run; demos the results of
// the demo requests, run after the timed runs, a refused one included), handed
// to onEntry as soon as it is done. Resolves with {outcome: 'done' |
// 'cancelled' | 'error' | 'failed', error?}: 'failed' when a student's kernel
// trapped or wrote outside its output, which leaves no result to show.
export async function runSweep(lab, items, { onEntry, onProgress }) {
  const total = items.reduce((sum, item) => sum + item.requests.length, 0);
  let done = 0;
  let current = items[0]?.meta;
  const stop = lab.onStatus(({ fraction }) => onProgress((done + fraction) / total, current, done));
  try {
    for (const item of items) {
      current = item.meta;
      const results = [];
      for (const request of item.requests) {
        const result = await lab.run(request);
        done += 1;
        if (result.status === 'cancelled') return { outcome: 'cancelled' };
        if (result.status === 'error' || result.status === 'invalid') return { outcome: 'error', error: result.error };
        if (result.status === 'failed') return { outcome: 'failed', error: result.error };
        results.push(result);
        if (result.status === 'not_implemented') break;
      }
      const demos = [];
      for (const request of item.demos ?? []) {
        const result = await lab.demo(request);
        if (result.status === 'cancelled') return { outcome: 'cancelled' };
        if (result.status === 'error') return { outcome: 'error', error: result.error };
        demos.push(result);
      }
      onEntry({ meta: item.meta, results, result: results.at(-1), demos });
    }
    return { outcome: 'done' };
  } finally {
    stop();
  }
}
