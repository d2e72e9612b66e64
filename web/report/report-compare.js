// Two machines' measurements side by side. A run matches another when it timed
// the same kernel at the same shape, block and thread count; when one side
// timed it more than once, its latest run stands for it. Pure: no DOM.

export function matchKey({
  result: {
    kernel,
    shape: { m, n, k, block, threads },
  },
}) {
  return [kernel, m, n, k, block, threads].join('|');
}

// key → {measurement (the latest), runs}, in the order each key first appeared.
function latestByKey(measurements) {
  const latest = new Map();
  for (const measurement of measurements) {
    const key = matchKey(measurement);
    latest.set(key, { measurement, runs: (latest.get(key)?.runs ?? 0) + 1 });
  }
  return latest;
}

// {matched: [{key, here, there, ratio}], onlyHere: [measurement], onlyThere: [measurement]}.
// ratio is the other machine's median time over this one's: how many times as
// fast this machine ran it (above 1: faster here).
export function compareMeasurements(here, there) {
  const mine = latestByKey(here);
  const theirs = latestByKey(there);
  const matched = [];
  const onlyHere = [];
  for (const [key, { measurement, runs }] of mine) {
    const other = theirs.get(key);
    if (!other) {
      onlyHere.push(measurement);
      continue;
    }
    matched.push({
      key,
      here: measurement,
      there: other.measurement,
      runsHere: runs,
      runsThere: other.runs,
      ratio: other.measurement.result.timing.median_s / measurement.result.timing.median_s,
    });
  }
  const onlyThere = [...theirs].filter(([key]) => !mine.has(key)).map(([, { measurement }]) => measurement);
  return { matched, onlyHere, onlyThere };
}
