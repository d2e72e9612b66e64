// Comparisons the lessons' verdicts and notes make between measured entries,
// and the size formulas they explain results with.

export function byN(entries) {
  const groups = new Map();
  for (const entry of [...entries].sort((a, b) => a.result.shape.n - b.result.shape.n)) {
    const n = entry.result.shape.n;
    if (!groups.has(n)) groups.set(n, []);
    groups.get(n).push(entry);
  }
  return groups;
}

export function fastest(entries) {
  return entries.reduce((best, e) => (!best || e.result.gflops > best.result.gflops ? e : best), null);
}

export function slowest(entries) {
  return entries.reduce((worst, e) => (!worst || e.result.gflops < worst.result.gflops ? e : worst), null);
}

// Two runs of the same shape whose medians' confidence intervals overlap
// cannot be ranked by this measurement.
export function overlap(a, b) {
  const ta = a.result.timing;
  const tb = b.result.timing;
  return ta.ci_low_s <= tb.ci_high_s && tb.ci_low_s <= ta.ci_high_s;
}

// How many times as fast `entry` ran as `baseline`, by their medians.
export function speedup(entry, baseline) {
  return baseline.result.timing.median_s / entry.result.timing.median_s;
}

// Chart points per series key; a later run at the same x replaces an earlier one.
export function latestPoints(entries, keyOf, xOf, yOf) {
  const series = new Map();
  for (const entry of entries) {
    const key = keyOf(entry);
    if (!series.has(key)) series.set(key, new Map());
    series.get(key).set(xOf(entry), yOf(entry));
  }
  return new Map([...series].map(([key, points]) => [key, [...points]]));
}

// Three f32 squares of this edge: A, B and C whole, or one tile of each.
export function threeSquaresBytes(edge) {
  return 3 * edge * edge * 4;
}

// Where data of this size can live. A web page cannot read the cache sizes of
// the learner's machine, so this compares with the range current cores span:
// L1 data 32 KiB to 128 KiB (Apple's large cores), L2 256 KiB to 2 MiB or more
// per core (some designs share a larger L2 between the cores of a cluster).
export function cacheFit(bytes) {
  const KiB = 1024;
  if (bytes <= 32 * KiB) return 'fits in the L1 data cache of nearly every current core (32 KiB or more)';
  if (bytes <= 128 * KiB)
    return 'fits in L1 only on cores whose L1 is larger than 32 KiB (48 KiB on some recent x86 cores, 64 KiB on some ARM cores, 128 KiB on Apple’s large cores), and in the L2 of most cores';
  if (bytes <= 256 * KiB) return 'fits in no current core’s L1 data cache, and in the L2 of most cores (256 KiB or more)';
  if (bytes <= 2048 * KiB) return 'fits in L2 only on cores whose L2 is at least this large (per-core L2s hold 256 KiB to 2 MiB or more)';
  return 'fits in no per-core L2 of 2 MiB or less: only a larger or shared cache (a cluster’s L2, or an L3) can hold it';
}
