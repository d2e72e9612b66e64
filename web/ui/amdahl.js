// Amdahl's law. If a share s of the one-thread time cannot be split (the
// serial fraction), p threads take T(p) = T(1)·(s + (1 − s)/p), so the speedup
// is S(p) = 1 / (s + (1 − s)/p), which no number of threads lifts above 1/s.
// Parallel efficiency E(p) = S(p)/p is the share of p threads' time that
// was useful work.

export function amdahlSpeedup(s, p) {
  return 1 / (s + (1 - s) / p);
}

export function efficiency(speedup, p) {
  return speedup / p;
}

// The serial fraction that best explains measured times, by least squares.
// T(p)/T(1) − 1/p = s·(1 − 1/p) is a line through the origin in x = 1 − 1/p,
// so s = Σxy / Σx² with y = T(p)/T(1) − 1/p. The raw value is kept: below 0
// means faster than ideal (superlinear), above 1 means more threads were
// slower; the clamped s is the nearest serial fraction that exists.
//
// times: [[p, T(p)]] with one p = 1. Returns {s, raw, limit, counts}, where
// limit is 1/s (Infinity for s = 0) and counts is how many thread counts above
// 1 went in, or null when there is nothing to fit.
export function fitSerialFraction(times) {
  const usable = times.filter(([p, t]) => p >= 1 && t > 0 && Number.isFinite(t));
  const t1 = usable.find(([p]) => p === 1)?.[1];
  const parallel = usable.filter(([p]) => p > 1);
  if (t1 === undefined || parallel.length === 0) return null;
  let sxy = 0;
  let sxx = 0;
  for (const [p, t] of parallel) {
    const x = 1 - 1 / p;
    sxy += x * (t / t1 - 1 / p);
    sxx += x * x;
  }
  const raw = sxy / sxx;
  const s = Math.min(1, Math.max(0, raw));
  return { s, raw, limit: 1 / s, counts: parallel.length };
}
