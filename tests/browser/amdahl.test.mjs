// The Amdahl's-law fit the Threads lesson reports. A plain node test: the
// module is pure arithmetic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amdahlSpeedup, efficiency, fitSerialFraction } from '../../web/ui/amdahl.js';

const T1 = 0.25; // seconds on one thread

function amdahlTimes(s, counts) {
  return counts.map((p) => [p, T1 * (s + (1 - s) / p)]);
}

function near(actual, expected, tolerance = 1e-12) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);
}

test('speedup and efficiency follow the law', () => {
  near(amdahlSpeedup(0, 8), 8);
  near(amdahlSpeedup(1, 8), 1);
  near(amdahlSpeedup(0.1, 4), 1 / (0.1 + 0.9 / 4));
  near(efficiency(amdahlSpeedup(0, 6), 6), 1);
  near(efficiency(3, 4), 0.75);
});

test('times made by the law give back their serial fraction exactly', () => {
  for (const s of [0, 0.02, 0.1, 0.5, 1]) {
    for (const counts of [
      [1, 2],
      [1, 2, 3, 4],
      [1, 2, 4, 8, 16],
      [4, 1, 2],
    ]) {
      const fit = fitSerialFraction(amdahlTimes(s, counts));
      near(fit.s, s);
      near(fit.raw, s);
      assert.equal(fit.counts, counts.length - 1);
      if (s > 0) near(fit.limit, 1 / s, 1e-9);
      else assert.equal(fit.limit, Infinity);
    }
  }
});

test('noisy times give the least-squares s', () => {
  // y = T(p)/T(1) − 1/p against x = 1 − 1/p; s = Σxy / Σx².
  const times = [
    [1, 1],
    [2, 0.6],
    [4, 0.4],
  ];
  const xs = [1 / 2, 3 / 4];
  const ys = [0.6 - 1 / 2, 0.4 - 1 / 4];
  const expected = (xs[0] * ys[0] + xs[1] * ys[1]) / (xs[0] ** 2 + xs[1] ** 2);
  near(fitSerialFraction(times).s, expected);
});

test('superlinear speedups clamp to s = 0, with no limit', () => {
  const fit = fitSerialFraction([
    [1, 1],
    [2, 0.45],
    [4, 0.2],
  ]);
  assert.ok(fit.raw < 0);
  assert.equal(fit.s, 0);
  assert.equal(fit.limit, Infinity);
});

test('threads that only slow things down clamp to s = 1, a limit of 1', () => {
  const fit = fitSerialFraction([
    [1, 1],
    [2, 3],
    [4, 5],
  ]);
  assert.ok(fit.raw > 1);
  assert.equal(fit.s, 1);
  assert.equal(fit.limit, 1);
});

test('unusable times are left out', () => {
  const fit = fitSerialFraction([[1, T1], [2, NaN], [3, 0], [4, -1], [8, Infinity], ...amdahlTimes(0.2, [2])]);
  near(fit.s, 0.2);
  assert.equal(fit.counts, 1);
});

test('nothing to fit: one thread only, or no usable one-thread time', () => {
  assert.equal(fitSerialFraction([[1, T1]]), null);
  assert.equal(fitSerialFraction([]), null);
  assert.equal(
    fitSerialFraction([
      [2, 0.1],
      [4, 0.05],
    ]),
    null,
  );
  assert.equal(
    fitSerialFraction([
      [1, 0],
      [2, 0.1],
    ]),
    null,
  );
  assert.equal(
    fitSerialFraction([
      [1, NaN],
      [2, 0.1],
    ]),
    null,
  );
});
