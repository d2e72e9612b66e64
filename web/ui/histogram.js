// Histograms of timing samples on a shared logarithmic axis, so runs of very
// different speeds can be overlaid and a long tail of slow samples stays visible.

const BINS_PER_DECADE = 40;

// Bin edges covering every value given (samples and marked times alike).
export function logEdges(values) {
  const positive = values.filter((v) => v > 0);
  const low = Math.floor(Math.log10(Math.min(...positive)) * BINS_PER_DECADE) - 1;
  const high = Math.ceil(Math.log10(Math.max(...positive)) * BINS_PER_DECADE) + 1;
  const edges = [];
  for (let i = low; i <= high; i += 1) edges.push(10 ** (i / BINS_PER_DECADE));
  return edges;
}

// [[edge, share of samples in the bin starting there], ...], for a stepped line;
// bins outside the samples' range are left out, so each run draws only its own hump.
export function histogramPoints(samples, edges) {
  const counts = new Array(edges.length).fill(0);
  const origin = Math.log10(edges[0]);
  for (const sample of samples) {
    const bin = Math.floor((Math.log10(sample) - origin) * BINS_PER_DECADE);
    counts[Math.min(Math.max(bin, 0), edges.length - 2)] += 1;
  }
  const first = counts.findIndex((c) => c > 0);
  const last = counts.findLastIndex((c) => c > 0);
  const points = [];
  for (let i = first; i <= last; i += 1) points.push([edges[i], counts[i] / samples.length]);
  points.push([edges[last + 1], 0]); // closes the last bin
  return points;
}
