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

// Where data of this size can live, against typical per-core cache sizes:
// L1 data 32–48 KiB, L2 1–2 MiB.
export function cacheFit(bytes) {
  const KiB = 1024;
  if (bytes <= 32 * KiB) return 'fits in a typical L1';
  if (bytes <= 48 * KiB) return 'fits in a 48 KiB L1, not a 32 KiB one';
  if (bytes <= 1024 * KiB) return 'fits in a typical L2';
  if (bytes <= 2048 * KiB) return 'fits in a 2 MiB L2, not a 1 MiB one';
  return 'larger than a typical L2';
}
