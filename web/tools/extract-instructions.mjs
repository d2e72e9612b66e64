// Disassembles a built .wasm and writes, for every kernel in its catalog, the
// WebAssembly instructions of the kernel's hot loop: what the page's
// instruction view shows. Run by the wasm build, so the listing always comes
// from the very module the page loads; nothing here is written by hand.
//
//   node web/tools/extract-instructions.mjs web/gen/kernel_lab.wasm out.json
//
// The module is linked with --profiling-funcs, so its functions keep their
// (demangled) names. A kernel is found by name, either as its own function or,
// where the compiler inlined it, inside the catalog adapter that calls it. Its
// hot loop is the innermost loop that moves the most data per iteration (a
// SIMD operation counts for its four lanes), among the kernel's function and
// the lab functions it calls directly: the main loop, not its remainder loop.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { countsOf, innermostLoops, loopWork } from '../ui/wasm-ops.js';

const CALL_DEPTH = 2;

// wasm2wat writes one function per `(func $name ...` line, then one
// instruction per line until the next function.
function functions(wat) {
  const byName = new Map();
  let current = null;
  for (const line of wat.split('\n')) {
    const head = /^ {2}\(func (\$\S+)/.exec(line);
    if (head) {
      current = [];
      byName.set(head[1], current);
    } else if (/^ {2}\(/.test(line)) {
      current = null; // a table, memory, export... : not code
    } else if (current) {
      // Without wasm2wat's notes ("(;@3;)" after a branch, ";; label = @3"),
      // then without the parentheses that close the function.
      const text = line
        .replace(/\s*\(;.*?;\)/g, '')
        .replace(/\s*;;.*$/, '')
        .trim()
        .replace(/\)+$/, '')
        .trim();
      if (text) current.push(text);
    }
  }
  return byName;
}

// The kernel's own function if it survived inlining, else the adapter the catalog calls it through.
function rootOf(kernel, byName) {
  const own = `$lab::${kernel}_float`;
  const names = [...byName.keys()];
  return names.find((n) => n.startsWith(own)) ?? names.find((n) => n.includes(`<&_lab::${kernel}_float`));
}

function reachable(root, byName) {
  const seen = new Set([root]);
  let frontier = [root];
  for (let depth = 0; depth < CALL_DEPTH; depth += 1) {
    const next = [];
    for (const name of frontier) {
      for (const text of byName.get(name)) {
        const callee = /^call (\$\S+)/.exec(text)?.[1];
        if (callee && callee.includes('lab::') && byName.has(callee) && !seen.has(callee)) {
          seen.add(callee);
          next.push(callee);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

function tidy(text) {
  return text.replace(/\s+/g, ' ');
}

function hotLoop(kernel, byName) {
  const root = rootOf(kernel, byName);
  if (!root) return null;
  let best = null;
  for (const name of reachable(root, byName)) {
    for (const loop of innermostLoops(byName.get(name))) {
      const score = loopWork(loop);
      if (!best || score > best.score) best = { name, loop, score };
    }
  }
  if (!best) return null;
  const instructions = best.loop.map(tidy);
  return { function: best.name.slice(1), instructions, counts: countsOf(instructions) };
}

// The kernel names, from the catalog the module itself declares: read out of
// the name section rather than by running the module.
function kernelNames(byName) {
  const names = new Set();
  for (const name of byName.keys()) {
    const m = /<&_lab::(\w+?)_float/.exec(name) ?? /^\$lab::(f32_\w+?)_float/.exec(name);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

const [wasmPath, outPath] = process.argv.slice(2);
if (!wasmPath || !outPath) {
  console.error('usage: extract-instructions.mjs module.wasm out.json');
  process.exit(2);
}
const wat = execFileSync('wasm2wat', ['--enable-threads', wasmPath], { maxBuffer: 1 << 30, encoding: 'utf8' });
const byName = functions(wat);
const kernels = {};
for (const kernel of kernelNames(byName)) {
  const loop = hotLoop(kernel, byName);
  if (loop) kernels[kernel] = loop;
}
if (Object.keys(kernels).length === 0) {
  console.error(`${wasmPath}: no kernel functions found; was it linked with --profiling-funcs?`);
  process.exit(1);
}
writeFileSync(outPath, `${JSON.stringify({ module: basename(wasmPath), source: 'wasm2wat of the built module', kernels }, null, 1)}\n`);
