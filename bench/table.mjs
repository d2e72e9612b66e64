// The results as a plain-text table for the terminal, and the number formats
// the summary shares with it.

export function formatGflops(gflops) {
  return gflops.toFixed(2);
}

export function formatRatio(ratio) {
  return ratio === null ? '-' : `${ratio.toFixed(2)}x`;
}

export function formatSeconds(s) {
  return s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toPrecision(3)} ms`;
}

const COLUMNS = [
  { header: 'kernel', value: (r) => r.kernel },
  { header: 'target', value: (r) => r.target },
  { header: 'n', value: (r) => String(r.n), right: true },
  { header: 'block', value: (r) => (r.block === null ? '-' : String(r.block)), right: true },
  { header: 'threads', value: (r) => String(r.threads), right: true },
  { header: 'GFLOP/s', value: (r) => formatGflops(r.gflops), right: true },
  { header: 'GB/s', value: (r) => r.gbps.toFixed(2), right: true },
  { header: 'median', value: (r) => formatSeconds(r.median_s), right: true },
  { header: 'count', value: (r) => String(r.count), right: true },
  { header: 'max_rel_err', value: (r) => r.max_rel_err.toExponential(1), right: true },
  { header: 'check', value: (r) => (r.check_passed ? 'ok' : 'FAILED') },
];

// order: kernel names in catalog order. Rows are grouped by size, then kernel,
// block and threads, with the targets side by side so each pair reads as a comparison.
export function formatTable(results, order) {
  const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
  const rows = [...results].sort(
    (a, b) =>
      a.n - b.n ||
      rank(a.kernel) - rank(b.kernel) ||
      (a.block ?? 0) - (b.block ?? 0) ||
      a.threads - b.threads ||
      a.target.localeCompare(b.target),
  );
  const cells = [COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => c.value(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const format = (line) =>
    line
      .map((cell, i) => (COLUMNS[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const [header, ...body] = cells.map(format);
  return [header, '-'.repeat(header.length), ...body].join('\n');
}

// One line per kernel and reason: an unwritten exercise is skipped at every
// size, block and target, and saying so once is enough.
export function formatSkipped(skipped) {
  const groups = new Map();
  for (const s of skipped) {
    const key = `${s.kernel}: ${s.reason}`;
    if (!groups.has(key)) groups.set(key, { targets: new Set(), sizes: new Set() });
    groups.get(key).targets.add(s.target);
    groups.get(key).sizes.add(s.n);
  }
  return [...groups].map(([key, g]) => `${key} (${[...g.targets].join(', ')}; n = ${[...g.sizes].join(', ')})`).join('\n');
}
