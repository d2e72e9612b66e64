// The instructions of a student's kernel, from the disassembly the compiler
// returns with each module, in the form the instruction view shows for the
// lab's own kernels: its hot loop, counted, picked as the build picks the
// lab's (wasm-ops.js); a kernel without a loop shows all of its instructions.
import { countsOf, innermostLoops, loopWork } from './wasm-ops.js';

// One instruction a line, without wasm2wat's notes, the parentheses that
// close the function, and objdump's line that names it (`lab::f(float):`).
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
    .filter((line) => line && !/^\((func|local|param)/.test(line) && !line.endsWith('):'));
}

// text: the compiler's `instructions`; name: the function's name. Returns
// {function, instructions: [line], counts, whole: true when no loop was found}.
export function studentListing(text, name) {
  const lines = instructionLines(text);
  const loops = innermostLoops(lines);
  const hot = loops.reduce((best, loop) => (!best || loopWork(loop) > loopWork(best) ? loop : best), null);
  const shown = hot ?? lines;
  return { function: name, instructions: shown, counts: countsOf(shown), whole: !hot };
}
