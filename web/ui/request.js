// The one place a lesson writes a run request for a kernel. size is N, or a
// shape {m, n, k} for a product that is not square (a model's). N alone is
// sent as it is: C++ reads it as a vector's length, or as a square N × N × N
// product for a matrix operation. A block and a thread count go only to a kernel
// that takes them (its catalog `tunables`: C++ ignores them elsewhere), and an
// option left undefined is not sent, so C++ applies its default.
//
// cap_block: a block larger than the matrix runs at the matrix's side (C++
// decides), so one block can serve every N of a sweep.
//
// kernel: a catalog kernel; options: {block, cap_block, threads, min_time_s, single_shot}.
export function runRequest(kernel, size, { block, cap_block, threads, min_time_s, single_shot } = {}) {
  const takes = (tunable) => kernel.tunables.includes(tunable);
  const request = {
    kernel: kernel.name,
    ...(typeof size === 'number' ? { n: size } : size),
    block: takes('block') ? block : undefined,
    cap_block: takes('block') ? cap_block : undefined,
    threads: takes('threads') ? threads : undefined,
    min_time_s,
    single_shot,
  };
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}
