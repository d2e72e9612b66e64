// The roofline model, computed from runs: the machine's limits from the two
// probes, each kernel's point at its arithmetic intensity (the catalog's FLOP
// count over its byte count), and where a point stands against its roof.
import { findKernel, kernelByRole } from './catalog-query.js';

// The two probes, by the role the catalog gives them: the mul+add ceiling and
// the streaming triad.
export const peakKernel = (catalog) => kernelByRole(catalog, { role: 'ceiling_probe' });
export const triadKernel = (catalog) => kernelByRole(catalog, { role: 'bandwidth_probe' });
// The FMA ceiling: the same probe with one relaxed-SIMD multiply-add per step,
// in a module of its own that only a browser with relaxed SIMD loads; null elsewhere.
const RELAXED = { variant: 'relaxed_simd', runtime: true };
export const fmaPeakKernel = (catalog) => findKernel(catalog, { role: 'ceiling_probe', ...RELAXED });
export const isRelaxed = (result, catalog) => catalog.kernels.find((k) => k.name === result.kernel)?.variant === 'relaxed_simd';

// Arithmetic intensity by the model: FLOPs per byte the catalog says must move.
export const intensity = (result) => result.flops / result.bytes;

// {peak, fmaPeak, bandwidth, triadN} for each thread count probed, from any
// runs: the best mul+add rate, the best FMA rate (0 when not probed), and the
// triad at the largest length run (memory, not cache), best of its runs
// there. A roof needs the mul+add probe and the triad at that count.
export function limits(results, catalog) {
  const [peak, triad] = [peakKernel(catalog).name, triadKernel(catalog).name];
  const fma = fmaPeakKernel(catalog)?.name;
  const byThreads = new Map();
  const at = (threads) => {
    if (!byThreads.has(threads)) byThreads.set(threads, { threads, peak: 0, fmaPeak: 0, bandwidth: 0, triadN: 0 });
    return byThreads.get(threads);
  };
  for (const r of results) {
    if (r.kernel === peak && r.check.passed) {
      const roof = at(r.shape.threads);
      roof.peak = Math.max(roof.peak, r.gflops);
    } else if (r.kernel === fma && r.check.passed) {
      const roof = at(r.shape.threads);
      roof.fmaPeak = Math.max(roof.fmaPeak, r.gflops);
    } else if (r.kernel === triad && r.check.passed) {
      const roof = at(r.shape.threads);
      if (r.shape.n > roof.triadN) Object.assign(roof, { triadN: r.shape.n, bandwidth: 0 });
      if (r.shape.n === roof.triadN) roof.bandwidth = Math.max(roof.bandwidth, r.gbps);
    }
  }
  return [...byThreads.values()].filter((r) => r.peak > 0 && r.bandwidth > 0).sort((a, b) => a.threads - b.threads);
}

// FLOP per byte where the two roofs meet: below it memory limits, above it arithmetic.
export const ridge = (roof) => roof.peak / roof.bandwidth;

export const attainable = (roof, ai) => Math.min(roof.peak, roof.bandwidth * ai);

export const boundBy = (roof, ai) => (ai < ridge(roof) ? 'memory' : 'compute');

// The roof a run is held to: the one probed at its thread count, else the
// nearest probed below it (a kernel on 3 of 4 threads against the 1-thread
// roof would look too good), else none.
export function roofFor(roofs, threads) {
  return roofs.filter((r) => r.threads <= threads).at(-1) ?? null;
}

// Integer kernels count integer multiply-adds: the f32 roof is not theirs.
// The catalog's dtype says which they are (the int8 model backends too).
export const isInteger = (result, catalog) => catalog.kernels.find((k) => k.name === result.kernel)?.dtype === 'i8';

// One point per kernel and shape: the latest run of each.
export function latestPerShape(results) {
  const points = new Map();
  for (const r of results) {
    const { m, n, k, threads, block } = r.shape;
    points.set(`${r.kernel}|${m}|${n}|${k}|${threads}|${block}`, r);
  }
  return [...points.values()];
}

// The roof a result is held to: a relaxed-SIMD kernel may use FMA, so its
// flat roof is the FMA ceiling where one was measured; every other kernel's
// is the mul+add ceiling. One fused multiply-add does the work of a multiply
// and an add, so a core runs FMA code at least as fast: where the FMA probe
// ran below the mul+add probe (Firefox's code for it did, on the lab's test
// machine), that measures the engine's code for the probe, and the relaxed
// kernel keeps the higher roof.
// What the FMA probe's ceiling over the mul+add probe's says: 'raised' (FMA
// plainly raised the ceiling), 'unchanged', 'slower' (the FMA probe plainly
// ran slower, which the core cannot explain) or 'unclear' in between, where
// the lesson says so rather than guess.
export function fmaGain(gain) {
  if (gain >= 1.3) return 'raised';
  if (gain < 0.95) return 'slower';
  if (gain <= 1.1) return 'unchanged';
  return 'unclear';
}

export function roofOf(roof, result, catalog) {
  return roof && isRelaxed(result, catalog) && roof.fmaPeak > 0 ? { ...roof, peak: Math.max(roof.fmaPeak, roof.peak) } : roof;
}

// f32 results faster than the ceiling measured on their thread count. The
// ceiling is a measurement too: such a result means the probe ran at a busier
// moment than the kernel did.
export function aboveCeiling(results, roofs, catalog) {
  return results.filter(
    (r) => !isInteger(r, catalog) && r.gflops > (roofOf(roofFor(roofs, r.shape.threads), r, catalog)?.peak ?? Infinity),
  );
}

export const ABOVE_CEILING_ADVICE =
  'the probe ran at a busier moment than these runs (just after the page loads, the browser is still compiling its code in the background). ' +
  'Run the probes again: each roof keeps the best ceiling measured.';
