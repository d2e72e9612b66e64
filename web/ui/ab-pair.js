// The two sides of an A/B comparison, declared as data by a lesson and turned
// into run requests here: each side names its kernel by catalog fields (never
// by name), its size and, where the kernel takes them, threads and a block.
//
// side: {query: {role, operation, dtype, variant, …}, size: N or {m, n, k},
//        threads?, block?, label?, finding?, pending?}
// finding: the key of a session finding {kernel} that another run left (the
// fastest loop order the Loops lesson measured); the side then runs that
// kernel, and its query, if any, stands in until the finding exists; without
// one the pair is missing it, and `pending` names the side meanwhile.
import { findKernel } from './catalog-query.js';
import { runRequest } from './request.js';

const describe = (query) =>
  Object.entries(query)
    .map(([field, value]) => `${field} ${value}`)
    .join(', ');

// {kernels: {a, b}, names: {a, b}}; {unavailable: reason} when this build
// lacks a kernel or the threads a side asks for; {missing: reason, names}
// when a side waits for a finding.
export function resolvePair(session, { a, b }) {
  const kernels = {};
  for (const [key, side] of Object.entries({ a, b })) {
    const found = side.finding && session.findings.get(side.finding);
    if (found) {
      kernels[key] = session.kernel(found.kernel);
      continue;
    }
    if (!side.query) {
      const names = { a: a.pending ?? a.label, b: b.pending ?? b.label };
      for (const [k, s] of Object.entries({ a, b }))
        if (s.query && !s.finding) names[k] = findKernel(session.catalog, s.query)?.title ?? names[k];
      return { missing: `Run the lesson first: side ${key.toUpperCase()} is ${side.pending}.`, names };
    }
    const kernel = findKernel(session.catalog, side.query);
    if (!kernel) return { unavailable: `This build has no kernel with ${describe(side.query)}, so this comparison cannot run here.` };
    const most = session.catalog.build?.max_threads ?? 1;
    if ((side.threads ?? 1) > Math.min(most, self.navigator?.hardwareConcurrency || 1)) {
      return { unavailable: `This comparison needs ${side.threads} threads, and this build or browser runs fewer here.` };
    }
    kernels[key] = kernel;
  }
  const threads = (side, kernel) =>
    kernel.tunables.includes('threads') && side.threads ? `, ${side.threads === 1 ? '1 thread' : `${side.threads} threads`}` : '';
  const nameOf = (key) => (key === 'a' ? a : b).label ?? `${kernels[key].title}${threads(key === 'a' ? a : b, kernels[key])}`;
  let names = { a: nameOf('a'), b: nameOf('b') };
  // An A/A test: the same kernel twice, told apart by its place in the rounds.
  if (names.a === names.b) names = { a: `${names.a} (A)`, b: `${names.b} (B)` };
  return { kernels, names };
}

// The run request of one side, each run lasting at least minTime seconds.
// Unlogged: a comparison's dozens of short runs are not the student's
// measurements of record (the lab report, the roofline); its result is.
export function sideRequest(kernel, side, minTime) {
  return {
    ...runRequest(kernel, side.size, {
      threads: side.threads,
      block: side.block,
      cap_block: side.block ? true : undefined,
      min_time_s: minTime,
    }),
    unlogged: true,
  };
}
