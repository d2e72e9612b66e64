// The figures the closing note quotes, derived from the measured rows only:
// per size, the naive kernel, the best loop order and the best blocked kernel
// on each target, how far each step goes, what wasm keeps of native speed, and
// the lab's expert GEMM against the production library, both on one thread.
import { findKernel } from '../web/ui/catalog-query.js';
import { formatGflops, formatRatio } from './table.mjs';

// The kernels the figures name, by their catalog fields. The expert GEMM of
// the roofline lesson, which targets measure too.
export const EXPERT = { role: 'expert', operation: 'f32_matmul' };

// The mul+add ceiling probe; it runs at its operation's default length.
export const PEAK = { role: 'ceiling_probe' };

// The textbook i-j-k order, the starting point every speed-up is measured from.
const NAIVE = { role: 'naive', operation: 'f32_matmul' };

// The name of the one kernel of `catalog` that the query picks, or null.
export const kernelName = (catalog, query) => findKernel(catalog, query)?.name ?? null;

// The lessons whose story the per-size figures tell: loop order, then blocking,
// then the production library.
const PER_SIZE_LESSONS = ['loops', 'blocking', 'reference'];

export function best(rows) {
  return rows.reduce((a, b) => (b.gflops > a.gflops ? b : a), rows[0]) ?? null;
}

export function pick(row) {
  return row && { kernel: row.kernel, block: row.block, threads: row.threads, gflops: row.gflops, median_s: row.median_s };
}

function ratio(a, b) {
  return a && b ? a.gflops / b.gflops : null;
}

// The student's own kernels are left out: the figures describe the lab's.
// names: {naive, expert} kernel names.
function picks(rows, names) {
  const lab = rows.filter((r) => !r.student);
  const naive = lab.find((r) => r.kernel === names.naive) ?? null;
  const bestOrder = best(lab.filter((r) => r.lesson === 'loops'));
  const bestBlocked = best(lab.filter((r) => r.lesson === 'blocking'));
  const reference = best(lab.filter((r) => r.lesson === 'reference'));
  const expert = best(lab.filter((r) => r.kernel === names.expert && r.threads === 1));
  return {
    naive: pick(naive),
    best_order: pick(bestOrder),
    best_blocked: pick(bestBlocked),
    reference: pick(reference),
    best_order_over_naive: ratio(bestOrder, naive),
    best_blocked_over_naive: ratio(bestBlocked, naive),
    reference_over_best_blocked: ratio(reference, bestBlocked),
    expert: pick(expert),
    expert_over_reference: ratio(expert, reference),
  };
}

// wasm over native for the kernel (and block) that wasm picked.
function wasmOverNative(wasmPick, nativeRows) {
  if (!wasmPick) return null;
  const native = nativeRows.find((r) => r.kernel === wasmPick.kernel && r.block === wasmPick.block);
  if (!native) return null;
  return {
    kernel: wasmPick.kernel,
    block: wasmPick.block,
    wasm_gflops: wasmPick.gflops,
    native_gflops: native.gflops,
    ratio: wasmPick.gflops / native.gflops,
  };
}

// catalog: the lab catalog the rows were measured from, which names the kernels.
export function summarize(results, catalog) {
  const names = { naive: kernelName(catalog, NAIVE), expert: kernelName(catalog, EXPERT) };
  const told = results.filter((r) => PER_SIZE_LESSONS.includes(r.lesson) || r.kernel === names.expert);
  const sizes = [...new Set(told.map((r) => r.n))].sort((a, b) => a - b);
  return sizes.map((n) => {
    const atN = told.filter((r) => r.n === n);
    const native = atN.filter((r) => r.target === 'native');
    const wasm = picks(
      atN.filter((r) => r.target === 'wasm'),
      names,
    );
    return {
      n,
      wasm,
      native: picks(native, names),
      wasm_over_native: {
        naive: wasmOverNative(wasm.naive, native),
        best_order: wasmOverNative(wasm.best_order, native),
        best_blocked: wasmOverNative(wasm.best_blocked, native),
      },
    };
  });
}

function name(p) {
  return p ? `${p.kernel}${p.block ? ` (block ${p.block})` : ''}` : 'not run';
}

function describePick(label, p) {
  return `${label} ${name(p)}${p ? ` ${formatGflops(p.gflops)} GFLOP/s` : ''}`;
}

function describeTarget(target, t) {
  const lines = [];
  if (t.naive || t.best_order || t.best_blocked) {
    lines.push(
      `  ${target}: ${describePick('naive', t.naive)}; ${describePick('best order', t.best_order)}; ` +
        `${describePick('best blocked', t.best_blocked)}`,
      `    best order / naive ${formatRatio(t.best_order_over_naive)}; ` + `best blocked / naive ${formatRatio(t.best_blocked_over_naive)}`,
    );
  }
  if (t.reference) {
    lines.push(
      `    ${describePick('reference', t.reference)}; ` + `reference / best blocked ${formatRatio(t.reference_over_best_blocked)}`,
    );
  }
  if (t.expert) {
    lines.push(
      `    ${target}: ${describePick('expert GEMM, 1 thread,', t.expert)}` +
        `${t.reference ? `; expert / reference ${formatRatio(t.expert_over_reference)}` : ''}`,
    );
  }
  return lines;
}

function describeWasmOverNative(label, c) {
  return c ? `${label} ${name(c)} ${formatRatio(c.ratio)}` : `${label} not run on both`;
}

export function formatSummary(summary) {
  const lines = ['Derived from the measurements above (GFLOP/s ratios):'];
  for (const s of summary) {
    lines.push(`N = ${s.n}`);
    lines.push(...describeTarget('wasm', s.wasm), ...describeTarget('native', s.native));
    const w = s.wasm_over_native;
    if (!w.naive && !w.best_order && !w.best_blocked) continue;
    lines.push(
      `  wasm / native, same kernel: ${describeWasmOverNative('naive', w.naive)}; ` +
        `${describeWasmOverNative('best order', w.best_order)}; ` +
        `${describeWasmOverNative('best blocked', w.best_blocked)}`,
    );
  }
  return lines.join('\n');
}

// The roofline's limits on each target and thread count: the mul+add ceiling
// and the triad's bandwidth, from the probes' rows.
const TRIAD = { role: 'bandwidth_probe' };

export function summarizeRoofline(results, catalog) {
  const [peakName, triadName] = [kernelName(catalog, PEAK), kernelName(catalog, TRIAD)];
  const probes = results.filter((r) => r.kernel === peakName || r.kernel === triadName);
  const keys = [...new Set(probes.map((r) => `${r.target}|${r.threads}`))].sort();
  return keys.map((key) => {
    const [target, threads] = key.split('|');
    const rows = probes.filter((r) => r.target === target && String(r.threads) === threads);
    const peak = best(rows.filter((r) => r.kernel === peakName));
    const triads = rows.filter((r) => r.kernel === triadName);
    const triad = triads.reduce((a, b) => (b.n > a.n ? b : a), triads[0]) ?? null;
    return {
      target,
      threads: Number(threads),
      ceiling_gflops: peak?.gflops ?? null,
      triad_n: triad?.n ?? null,
      bandwidth_gbps: triad?.gbps ?? null,
      ridge_flop_per_byte: peak && triad ? peak.gflops / triad.gbps : null,
    };
  });
}

export function formatRoofline(roofline) {
  if (roofline.length === 0) return 'Roofline: the probes did not run.';
  return [
    'Roofline limits (probes):',
    ...roofline.map(
      (r) =>
        `  ${r.target}, ${r.threads} thread${r.threads === 1 ? '' : 's'}: ` +
        `ceiling ${r.ceiling_gflops === null ? 'not run' : `${formatGflops(r.ceiling_gflops)} GFLOP/s`}; ` +
        `triad ${r.bandwidth_gbps === null ? 'not run' : `${formatGflops(r.bandwidth_gbps)} GB/s at n=${r.triad_n}`}` +
        (r.ridge_flop_per_byte === null ? '' : `; ridge ${r.ridge_flop_per_byte.toFixed(2)} FLOP/byte`),
    ),
  ].join('\n');
}
