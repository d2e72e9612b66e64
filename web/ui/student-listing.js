// The instructions of a student's kernel, from the disassembly the compiler
// returns with each module, in the form the instruction view shows for the
// lab's own kernels: its hot loop, counted. The hot loop is picked as the
// build picks the lab's: the innermost loop that does the most (a SIMD
// instruction counting for its four lanes); a kernel without a loop shows
// all of its instructions.
import { SCALAR_FLOAT_OP, SIMD_OP } from './wasm-ops.js';

const opOf = (text) => text.split(/\s/)[0];
const OPENS = new Set(['block', 'loop', 'if', 'try']);

// One instruction a line, without wasm2wat's notes and the parentheses that close the function.
function instructionLines(text) {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/\s*\(;.*?;\)/g, '')
        .replace(/\s*;;.*$/, '')
        .trim()
        .replace(/\)+$/, '')
        .trim(),
    )
    .filter((line) => line && !line.startsWith('(func') && !line.startsWith('(local') && !line.startsWith('(param'));
}

function innermostLoops(lines) {
  const loops = [];
  const open = [];
  lines.forEach((line, i) => {
    const op = opOf(line);
    if (OPENS.has(op)) open.push({ loop: op === 'loop', start: i, inner: false });
    if (op !== 'end') return;
    const closed = open.pop();
    if (!closed?.loop) return;
    if (!closed.inner) loops.push(lines.slice(closed.start, i + 1));
    for (const outer of open) if (outer.loop) outer.inner = true;
  });
  return loops;
}

const work = (lines) => lines.reduce((sum, line) => sum + (SIMD_OP.test(opOf(line)) ? 4 : 1), 0);

export function countsOf(lines) {
  const ops = lines.map(opOf);
  return {
    total: ops.length,
    simd: ops.filter((op) => SIMD_OP.test(op)).length,
    scalar_float: ops.filter((op) => SCALAR_FLOAT_OP.test(op)).length,
  };
}

// text: the compiler's `instructions`; name: the function's name. Returns
// {function, instructions: [line], counts, whole: true when no loop was found}.
export function studentListing(text, name) {
  const lines = instructionLines(text);
  const loops = innermostLoops(lines);
  const hot = loops.reduce((best, loop) => (!best || work(loop) > work(best) ? loop : best), null);
  const shown = hot ?? lines;
  return { function: name, instructions: shown, counts: countsOf(shown), whole: !hot };
}
