// How the lab sorts WebAssembly instructions and finds a kernel's hot loop,
// shared by the build's extractor (web/tools/extract-instructions.mjs), the
// page's instruction view, which marks them, and the listing of a kernel
// compiled in the page (student-listing.js): one definition, so the counts,
// the highlighted lines and the loop shown always agree.

// v128.* and lane-typed operations: f32x4.add, i8x16.shuffle, …
export const SIMD_OP = /^(v128|[if](8|16|32|64)x\d+)\./;

// One f32 or f64 at a time: f32.mul, f64.load, …
export const SCALAR_FLOAT_OP = /^f(32|64)\./;

const opOf = (text) => text.split(/\s/)[0];

// The loops of a body (one instruction a line) that contain no other loop, as lists of lines.
export function innermostLoops(body) {
  const loops = [];
  const stack = []; // open blocks: {loop, start, hasInner}
  body.forEach((text, i) => {
    const op = opOf(text);
    if (op === 'block' || op === 'loop' || op === 'if' || op === 'try') {
      stack.push({ loop: op === 'loop', start: i, hasInner: false });
    } else if (op === 'end') {
      const open = stack.pop();
      if (!open?.loop) return;
      if (!open.hasInner) loops.push(body.slice(open.start, i + 1));
      for (const outer of stack) if (outer.loop) outer.hasInner = true;
    }
  });
  return loops;
}

// Elements a loop's iteration loads, stores or computes on: a SIMD op counts
// four, index arithmetic nothing. The hot loop is the loop with the most:
// the main loop, not its remainder loop, however far the compiler unrolled that.
export function loopWork(lines) {
  let total = 0;
  for (const op of lines.map(opOf)) {
    if (SIMD_OP.test(op)) total += 4;
    else if (SCALAR_FLOAT_OP.test(op) || /^[if](32|64)\.(load|store)/.test(op)) total += 1;
  }
  return total;
}

// {total, simd, scalar_float} of a listing's lines.
export function countsOf(lines) {
  const ops = lines.map(opOf);
  return {
    total: ops.length,
    simd: ops.filter((op) => SIMD_OP.test(op)).length,
    scalar_float: ops.filter((op) => SCALAR_FLOAT_OP.test(op)).length,
  };
}
