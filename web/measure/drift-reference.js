// The short kernel a comparison re-measures before, between and after its
// rounds to see whether the machine itself changed speed: the mul+add ceiling
// probe, which does nothing but arithmetic in registers, so its speed follows
// the core's clock (turbo, heat, a neighbour's load) and nothing else. In a
// build without it (no SIMD), the textbook matmul at a size that fits L1.
import { findKernel } from '../ui/catalog-query.js';
import { runRequest } from '../ui/request.js';
import { REFERENCE_MIN_TIME_S } from './ab-run.js';

// About a millisecond per call on a laptop core: 2 x 12480 x 2048 flops.
export const PROBE_LENGTH = 12480 * 2048;
const FALLBACK_N = 48;

export function driftReferenceRequest(catalog) {
  const probe = findKernel(catalog, { role: 'ceiling_probe', operation: 'f32_mul_add', variant: 'simd128' });
  const kernel = probe ?? findKernel(catalog, { role: 'naive', operation: 'f32_matmul' });
  if (!kernel) return null;
  return runRequest(kernel, probe ? PROBE_LENGTH : FALLBACK_N, { threads: 1, min_time_s: REFERENCE_MIN_TIME_S });
}
