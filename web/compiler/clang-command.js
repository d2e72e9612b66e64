// The clang and wasm-ld command lines of a compile in the page. The worker
// runs exactly these, and the page shows them as text, so a student sees the
// very command that built their module and could type it at a terminal.

export const OPT_LEVELS = ['O0', 'O1', 'O2', 'O3'];

// What a code panel compiles with until the student changes it.
export const DEFAULT_FLAGS = { opt: 'O2', simd: true, autovec: true };

// WASI's target gives clang the sysroot's headers (<cstdint>, <cmath>); the
// module links without its libc unless a math function needs it (link-check.js).
const TARGET = '--target=wasm32-wasip1';

// A module with no entry point, exporting only what the lab calls: the entry
// function and where its heap begins. The memory is exported by default.
const LINK_FLAGS = ['-nostdlib', '-Wl,--no-entry', '-Wl,--export=lab_entry', '-Wl,--export=__heap_base'];

// Throws on flags or an exercise the page should never send: these become
// command-line arguments, so nothing but the known values may pass.
export function checkRequest({ exercise, flags }) {
  if (!/^[A-Za-z_]\w*$/.test(exercise?.name ?? '')) throw new TypeError(`exercise.name must be a C++ identifier: ${exercise?.name}`);
  if (!OPT_LEVELS.includes(flags?.opt)) throw new TypeError(`flags.opt must be one of ${OPT_LEVELS.join(', ')}: ${flags?.opt}`);
  if (typeof flags.simd !== 'boolean' || typeof flags.autovec !== 'boolean')
    throw new TypeError('flags.simd and flags.autovec must be booleans');
}

// The object file a translation unit compiles to, named after it.
export const objectName = (path) => path.replace(/^.*\//, '').replace(/\.\w+$/, '.o');

// What a code panel's flags add to clang's command, also shown by the panel
// before the first compile (compile-flags.js).
export function flagArgs({ opt, simd, autovec }) {
  return [`-${opt}`, ...(simd ? ['-msimd128'] : []), ...(autovec ? [] : ['-fno-vectorize', '-fno-slp-vectorize'])];
}

export function compileArgs({ exercise, flags, unit }) {
  return [
    'clang++',
    TARGET,
    '-std=c++17',
    ...flagArgs(flags),
    '-Icpp',
    `-DLAB_PAGE_ENTRY_${exercise.name}`,
    '-c',
    unit,
    '-o',
    objectName(unit),
  ];
}

// withLibc: the WASI sysroot's libc.a, which holds libm, for a kernel that
// calls math functions (roundf, expf...). Those objects import nothing.
export function linkArgs({ exercise, units, withLibc }) {
  return ['clang++', TARGET, ...LINK_FLAGS, ...units.map(objectName), ...(withLibc ? ['-lc'] : []), '-o', `${exercise.name}.wasm`];
}

// A command line as a shell would take it: the arguments here need no quotes.
export const commandText = (args) => args.join(' ');
