// An interleaved A/B comparison of two kernels on the learner's machine, as
// the lessons and `npm run bench` run it. Round after round, the two run in
// short batches, A, B, B, A and then B, A, A, B, so a machine that speeds up
// or slows down moves both sides alike within a round. Each round gives one
// ratio of A's speed to B's. A short reference kernel runs before the first
// round, between rounds and after the last, so the drift of the machine
// itself is measured beside the result (see ab-stats.js for what it changes).
import { compareRatios, driftOf, median } from './ab-stats.js';

export const AB_ROUNDS = 10;
// Each run in a round is short, so one round spans little drift.
export const AB_MIN_TIME_S = 0.05;
export const REFERENCE_MIN_TIME_S = 0.02;

// Work per second, in the unit both sides share: flops where both count
// flops, else bytes; with neither, calls per second.
function rateOf(result, unit) {
  const work = unit === 'flops' ? result.flops : unit === 'bytes' ? result.bytes : 1;
  return work / result.timing.median_s;
}

function unitOf(x, y) {
  if (x.flops > 0 && y.flops > 0) return 'flops';
  if (x.bytes > 0 && y.bytes > 0) return 'bytes';
  return 'calls';
}

const ORDERS = [
  ['a', 'b', 'b', 'a'],
  ['b', 'a', 'a', 'b'],
];

// One side over all its runs: the median time per call and rate.
function sideOf(results, unit) {
  return {
    kernel: results[0].kernel,
    shape: results[0].shape,
    median_s: median(results.map((r) => r.timing.median_s)),
    rate: median(results.map((r) => rateOf(r, unit))),
    runs: results.length,
  };
}

// lab: anything with run(request) resolving as LabClient.run does. a, b: run
// requests; reference: a run request for the drift reference, or null.
// onRun(done, total) reports progress; cancelled() stops between runs.
// warmup: run A, B and the reference once each before the first round and
// drop those runs. V8 first runs a wasm function from its baseline compiler
// and switches to optimized code only between calls, so a short first run
// may time the baseline code, and a slow first reference would read as drift.
// Resolves with {status: 'ok', unit, a, b, rounds: [ratio], reference_rates,
// comparison} or {status, error} for the first run that did not succeed
// ('cancelled', 'failed', 'wrong', …).
export async function compareInterleaved(
  lab,
  { a, b, reference = null, rounds = AB_ROUNDS, warmup = false, onRun = () => {}, cancelled = () => false },
) {
  const requests = { a, b };
  const warming = warmup ? [a, b, reference].filter(Boolean) : [];
  const total = warming.length + rounds * 4 + (reference ? rounds + 1 : 0);
  let done = 0;
  const runOne = async (request) => {
    if (cancelled()) return { status: 'cancelled' };
    onRun(done, total);
    done += 1;
    const result = await lab.run(request);
    if (result.status !== 'ok') return { status: result.status, error: result.error };
    if (result.check && !result.check.passed) {
      return {
        status: 'wrong',
        error: `${result.kernel} gave a wrong result (${JSON.stringify(result.shape)}), so its speed does not count.`,
      };
    }
    return result;
  };
  const referenceRates = [];
  const measureReference = async () => {
    if (!reference) return null;
    const r = await runOne(reference);
    if (r.status !== 'ok') return r;
    referenceRates.push(rateOf(r, r.flops > 0 ? 'flops' : 'bytes'));
    return null;
  };

  for (const request of warming) {
    const r = await runOne(request);
    if (r.status !== 'ok') return r;
  }
  const results = { a: [], b: [] };
  const ratios = [];
  let stop = await measureReference();
  if (stop) return stop;
  for (let round = 0; round < rounds; round += 1) {
    const these = { a: [], b: [] };
    for (const side of ORDERS[round % 2]) {
      const r = await runOne(requests[side]);
      if (r.status !== 'ok') return r;
      these[side].push(r);
      results[side].push(r);
    }
    const unit = unitOf(these.a[0], these.b[0]);
    const mean = (rs) => rs.reduce((s, r) => s + rateOf(r, unit), 0) / rs.length;
    ratios.push(mean(these.a) / mean(these.b));
    stop = await measureReference();
    if (stop) return stop;
  }
  const unit = unitOf(results.a[0], results.b[0]);
  const drift = reference ? driftOf(referenceRates) : null;
  return {
    status: 'ok',
    unit,
    a: sideOf(results.a, unit),
    b: sideOf(results.b, unit),
    rounds: ratios,
    reference: reference && { kernel: reference.kernel, rates: referenceRates },
    comparison: compareRatios(ratios, drift),
  };
}
