// The values of a small run of each lesson, in teaching order: quick, yet
// every kernel the lesson times runs (threads: 2 where the lesson asks, so the
// threaded kernels run too). Used by lessons.test.mjs and screenshots.mjs.
export const SMALL = {
  measuring: { n: 32, min_time_s: 0.2 },
  loops: { sizes: '17,32', min_time_s: 0.05 },
  blocking: { sizes: '33', blocks: '8,16', min_time_s: 0.05 },
  vectorization: { experiment: 'both', relu_sizes: '1000', matmul_sizes: '37', block: 16, min_time_s: 0.05 },
  threads: { sizes: '66', min_time_s: 0.05 },
  fusion: { experiment: 'both', gelu_sizes: '1000', matmul_sizes: '33', block: 16, threads: 2, min_time_s: 0.05 },
  quantization: { sizes: '33', block: 16, lengths: '1001', min_time_s: 0.05 },
  precision: { lengths: '1000', min_time_s: 0.05 },
  roofline: { sizes: '16', min_time_s: 0.05 },
  capstone: { batch: 5, d_model: 33, d_ff: 70, threads: 2, min_time_s: 0.05 },
};
