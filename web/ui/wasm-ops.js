// How the lab sorts WebAssembly instructions, shared by the build's extractor
// (web/tools/extract-instructions.mjs), which counts them, and the page's
// instruction view, which marks them: one definition, so the counts and the
// highlighted lines always agree.

// v128.* and lane-typed operations: f32x4.add, i8x16.shuffle, …
export const SIMD_OP = /^(v128|[if](8|16|32|64)x\d+)\./;

// One f32 or f64 at a time: f32.mul, f64.load, …
export const SCALAR_FLOAT_OP = /^f(32|64)\./;
