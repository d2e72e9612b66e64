// The one place a lesson writes a run request for a kernel at size N. A
// kernel of a vector operation is sized by its length N alone; any other runs
// a square N × N × N product. A block and a thread count go only to a kernel
// that takes them (its catalog `tunables`: C++ ignores them elsewhere), and an
// option left undefined is not sent, so C++ applies its default.
//
// kernel: a catalog kernel; options: {block, threads, min_time_s, single_shot}.
export function runRequest(session, kernel, n, { block, threads, min_time_s, single_shot } = {}) {
  const takes = (tunable) => kernel.tunables.includes(tunable);
  const size = session.operation(kernel.operation).shape === 'vector' ? { n } : { m: n, n, k: n };
  const request = {
    kernel: kernel.name, ...size,
    block: takes('block') ? block : undefined,
    threads: takes('threads') ? threads : undefined,
    min_time_s, single_shot,
  };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}
