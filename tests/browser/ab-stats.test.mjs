// The A/B comparison's statistics and its interleaving, without a browser:
// synthetic rounds whose true ratio is known, and a fake lab whose machine
// runs on a fake clock that can be made to drift.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareInterleaved } from '../../web/measure/ab-run.js';
import { againstGoal, compareRatios, driftOf, medianInterval } from '../../web/measure/ab-stats.js';
import { comparisonText } from '../../web/measure/ab-text.js';

// A seeded generator (mulberry32), so every run of the test sees the same noise.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Noisy ratios around `truth`: log-normal with a spread of `sigma`, plus a
// few long-tailed outliers, as a machine with background work gives.
function noisyRatios(truth, n, seed, sigma = 0.03) {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const normal = Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
    const outlier = i % 7 === 3 ? 0.7 : 1;
    return truth * Math.exp(sigma * normal) * outlier;
  });
}

test('the interval of a median is the k-th smallest to the k-th largest, with its exact coverage', () => {
  const values = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10];
  const i = medianInterval(values);
  assert.equal(i.median, 5.5);
  assert.equal(i.k, 2);
  assert.deepEqual([i.low, i.high], [2, 9]);
  assert.ok(Math.abs(i.level - (1 - 22 / 1024)) < 1e-12, 'two tails of P(X <= 1) for X ~ B(10, 1/2)');
  assert.equal(medianInterval([1, 2, 3, 4, 5]).low, null, 'five values cannot give a 95% interval');
  assert.equal(medianInterval([1, 2, 3, 4, 5, 6]).level, 1 - 2 / 64);
});

test('a known 10% difference is found, in either direction, through noise and outliers', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const faster = compareRatios(noisyRatios(1.1, 10, seed));
    assert.equal(faster.verdict, 'faster', `seed ${seed}: ${JSON.stringify(faster)}`);
    assert.ok(faster.low <= 1.1 && 1.1 <= faster.high * 1.05, 'the interval holds the truth');
    assert.equal(compareRatios(noisyRatios(1 / 1.1, 10, seed)).verdict, 'slower');
  }
});

test('no difference gives "no difference", not a verdict', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const same = compareRatios(noisyRatios(1, 10, seed));
    assert.equal(same.verdict, 'same', `seed ${seed}: ${JSON.stringify(same)}`);
    assert.ok(same.low < 1 && same.high > 1);
  }
  assert.match(comparisonText(compareRatios(noisyRatios(1, 10, 9)), 'A', 'B'), /no difference this machine can show/);
});

test('drift above the threshold widens the interval, and far above it refuses a verdict', () => {
  const ratios = noisyRatios(1.1, 10, 1, 0.01);
  assert.equal(driftOf([100, 101, 99]).widened, false);
  assert.equal(driftOf([100, 101, 130, 99, 100, 102]).change < 0.05, true, 'one stray reference run is not drift');
  const widened = compareRatios(ratios, driftOf([100, 100, 115, 115, 115]));
  assert.ok(Math.abs(widened.widened_by - 1.15) < 1e-12);
  assert.ok(widened.low < compareRatios(ratios).low / 1.1, 'the interval is wider by the drift');
  assert.equal(widened.verdict, 'same', 'a 10% difference cannot stand against 15% drift');
  const refused = compareRatios(ratios, driftOf([100, 100, 140, 140, 140]));
  assert.equal(refused.verdict, 'refused');
  assert.match(comparisonText(refused, 'A', 'B'), /changed too much/);
  assert.equal(againstGoal({ low: 1.2, high: 1.4 }, 1.1), 'above');
  assert.equal(againstGoal({ low: 0.9, high: 1.05 }, 1.1), 'below');
  assert.equal(againstGoal({ low: 1.0, high: 1.2 }, 1.1), 'straddles');
});

// A lab on a fake clock: each kernel takes `cost` units of work per call, and
// the machine does `speed(now)` units per second. Each run advances the clock
// by its time, as a real run would.
function fakeLab(costs, speed) {
  let now = 0;
  const log = [];
  return {
    log,
    async run(request) {
      const t = costs[request.kernel] / speed(now);
      now += 20 * t;
      log.push(request.kernel);
      return { status: 'ok', kernel: request.kernel, shape: {}, flops: 1e6, bytes: 0, timing: { median_s: t }, check: { passed: true } };
    },
  };
}

const requests = { a: { kernel: 'a' }, b: { kernel: 'b' }, reference: { kernel: 'probe' } };
const costs = { a: 1, b: 1.1, probe: 0.1 };

test('the rounds alternate A, B, B, A with B, A, A, B, with the reference between rounds', async () => {
  const lab = fakeLab(costs, () => 1);
  const r = await compareInterleaved(lab, { ...requests, rounds: 2 });
  assert.deepEqual(lab.log, ['probe', 'a', 'b', 'b', 'a', 'probe', 'b', 'a', 'a', 'b', 'probe']);
  assert.equal(r.status, 'ok');
  assert.ok(Math.abs(r.rounds[0] - 1.1) < 1e-12);
});

test('warmup runs A, B and the reference once each before the first round, and drops them', async () => {
  const lab = fakeLab(costs, () => 1);
  const seen = [];
  const r = await compareInterleaved(lab, { ...requests, rounds: 1, warmup: true, onRun: (done, total) => seen.push([done, total]) });
  assert.deepEqual(lab.log, ['a', 'b', 'probe', 'probe', 'a', 'b', 'b', 'a', 'probe']);
  assert.deepEqual(r.reference.rates.length, 2);
  assert.deepEqual(seen.at(-1), [8, 9]);
});

test('a steady machine gives a verdict, and one that slows down mid-run is caught by the reference', async () => {
  const steady = await compareInterleaved(
    fakeLab(costs, () => 1),
    requests,
  );
  assert.equal(steady.comparison.verdict, 'faster');
  assert.equal(steady.comparison.drift.change, 0);
  // Linear drift moves both sides of a round alike: the ratio still holds, but
  // the machine ran at very different speeds, and the verdict says so.
  const slowing = await compareInterleaved(
    fakeLab(costs, (now) => 1 / (1 + now / 10)),
    requests,
  );
  assert.ok(slowing.comparison.drift.change > 0.25, JSON.stringify(slowing.comparison.drift));
  assert.equal(slowing.comparison.verdict, 'refused');
  const wobble = await compareInterleaved(
    fakeLab(costs, (now) => (now > 400 ? 0.88 : 1)),
    requests,
  );
  assert.equal(wobble.comparison.drift.widened, true);
  assert.equal(wobble.comparison.drift.refused, false);
});

test('a run that fails or gives a wrong result stops the comparison with its reason', async () => {
  const wrong = {
    run: async (r) => ({ status: 'ok', kernel: r.kernel, flops: 1, timing: { median_s: 1 }, check: { passed: r.kernel !== 'b' } }),
  };
  assert.equal((await compareInterleaved(wrong, requests)).status, 'wrong');
  let calls = 0;
  const cancelled = await compareInterleaved(
    fakeLab(costs, () => 1),
    { ...requests, cancelled: () => ++calls > 3 },
  );
  assert.equal(cancelled.status, 'cancelled');
});
