// Picks the student's function out of `llvm-objdump -d --demangle` of their
// linked module, for the lesson's instruction view. objdump opens each
// function with `<offset> <name>:` and writes one instruction a line:
//
//   00000065 <lab::f32_relu_student_wasmsimd(float const*, float*, long long)>:
//         .local i64, i64, i32
//         72: 42 04        	i64.const	4
//
// The view compares instructions, not encodings, so each line keeps only the
// instruction and objdump's note on it (a branch's target, a loop's label).

const HEAD = /^[0-9a-f]+ <(.+)>:$/;
const INSTRUCTION = /^\s*[0-9a-f]+:(?: [0-9a-f]{2})+\s*\t(.*)$/;

function functions(listing) {
  const byName = new Map();
  let lines = null;
  for (const text of listing.split('\n')) {
    const head = HEAD.exec(text);
    if (head) byName.set(head[1], (lines = []));
    else if (lines && INSTRUCTION.test(text)) lines.push(INSTRUCTION.exec(text)[1].replace(/\s+/g, ' ').trim());
    else if (lines && text.trim().startsWith('.local')) lines.push(text.trim());
  }
  return byName;
}

// The exercise's function, lab::<name>(...), or the entry function when the
// compiler inlined the exercise into it. Returns '' if neither is there.
export function kernelInstructions(listing, exerciseName) {
  const byName = functions(listing);
  const name = [...byName.keys()].find((n) => n.startsWith(`lab::${exerciseName}(`)) ?? (byName.has('lab_entry') ? 'lab_entry' : null);
  return name ? [`${name}:`, ...byName.get(name)].join('\n') : '';
}
