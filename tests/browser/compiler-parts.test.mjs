// The in-page compiler's parts that need no browser: the command lines, how
// clang's and wasm-ld's output is read and what a student is told, the
// instructions picked out of objdump's listing, the file tree, and the
// server's choice of a gzip copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRequest, compileArgs, linkArgs } from '../../web/compiler/clang-command.js';
import { compileFailureMessage, parseDiagnostics } from '../../web/compiler/diagnostics.js';
import { fileTree } from '../../web/compiler/file-tree.js';
import { kernelInstructions } from '../../web/compiler/kernel-instructions.js';
import { importsRefusal, linkRefusal, onlyMath, undefinedSymbols } from '../../web/compiler/link-check.js';
import { acceptsGzip } from '../../web/tools/static-server.mjs';

const EXERCISE = { name: 'f32_relu_student_wasmsimd', source: 'cpp/exercises/f32_relu_student_wasmsimd.cpp' };

test('the compile and link commands follow the flags, and nothing else reaches the command line', () => {
  const unit = EXERCISE.source;
  assert.deepEqual(
    compileArgs({ exercise: EXERCISE, flags: { opt: 'O1', simd: false, autovec: false }, unit }).join(' '),
    'clang++ --target=wasm32-wasip1 -std=c++17 -O1 -fno-vectorize -fno-slp-vectorize -Icpp -DLAB_PAGE_ENTRY_f32_relu_student_wasmsimd ' +
      '-c cpp/exercises/f32_relu_student_wasmsimd.cpp -o f32_relu_student_wasmsimd.o',
  );
  assert.match(
    compileArgs({ exercise: EXERCISE, flags: { opt: 'O3', simd: true, autovec: true }, unit }).join(' '),
    / -O3 -msimd128 -Icpp /,
  );
  assert.equal(
    linkArgs({ exercise: EXERCISE, units: [unit, 'cpp/exercises/page_entry.cpp'], withLibc: true }).join(' '),
    'clang++ --target=wasm32-wasip1 -nostdlib -Wl,--no-entry -Wl,--export=lab_entry -Wl,--export=__heap_base ' +
      'f32_relu_student_wasmsimd.o page_entry.o -lc -o f32_relu_student_wasmsimd.wasm',
  );
  assert.throws(() => checkRequest({ exercise: EXERCISE, flags: { opt: 'O2 -v', simd: true, autovec: true } }), /flags\.opt/);
  assert.throws(() => checkRequest({ exercise: { name: 'a b' }, flags: { opt: 'O2', simd: true, autovec: true } }), /identifier/);
});

test("clang's diagnostics are read with their place, and the message names the first error's line", () => {
  const output = [
    'In file included from cpp/exercises/page_entry.cpp:3:',
    "cpp/exercises/f32_relu_student_wasmsimd.cpp:14:16: error: expected ';' after expression",
    '   14 |   int64_t i = 0',
    '      |                ^',
    "cpp/exercises/f32_relu_student_wasmsimd.cpp:20:3: warning: unused variable 'k' [-Wunused-variable]",
    "cpp/core/kernel_status.h:9:1: fatal error: 'x.h' file not found",
    '2 errors generated.',
  ].join('\n');
  const diagnostics = parseDiagnostics(output);
  assert.deepEqual(diagnostics[0], {
    file: EXERCISE.source,
    line: 14,
    column: 16,
    severity: 'error',
    message: "expected ';' after expression",
  });
  assert.deepEqual(
    diagnostics.map((d) => d.severity),
    ['error', 'warning', 'error'],
  );
  assert.equal(
    compileFailureMessage(diagnostics, EXERCISE.source, output),
    'Your code does not compile: 2 errors; the first is on line 14.',
  );
  assert.equal(
    compileFailureMessage(diagnostics.slice(2), EXERCISE.source, output),
    'Your code does not compile: 1 error; the first is on cpp/core/kernel_status.h, line 9.',
  );
  assert.equal(
    compileFailureMessage([], EXERCISE.source, "clang++: error: unknown argument: '-foo'"),
    "The compiler stopped with an error: clang++: error: unknown argument: '-foo'.",
  );
});

test("wasm-ld's undefined symbols: math links from the sysroot, anything else is refused with the reason", () => {
  const output = [
    'wasm-ld: error: a.o: undefined symbol: malloc',
    'wasm-ld: error: a.o: undefined symbol: operator new(unsigned long)',
    'wasm-ld: error: b.o: undefined symbol: printf',
    'wasm-ld: error: b.o: undefined symbol: lab::helper(int)',
    'wasm-ld: error: b.o: undefined symbol: malloc',
  ].join('\n');
  const symbols = undefinedSymbols(output);
  assert.deepEqual(symbols, ['malloc', 'operator new(unsigned long)', 'printf', 'lab::helper(int)']);
  assert.equal(onlyMath(symbols), false);
  assert.equal(onlyMath(['roundf', 'expf', 'tanh', 'fmaxf', 'lrintf']), true);
  assert.equal(onlyMath(['roundf', 'memcpy']), false);
  assert.equal(onlyMath([]), false);
  const message = linkRefusal(symbols, 'f32_relu_student_wasmsimd');
  assert.match(
    message,
    /^Your kernel calls malloc and operator new\(unsigned long\), but a kernel must not allocate memory: the lab owns all memory/,
  );
  assert.match(message, /calls printf, but a kernel cannot print: there is no console inside a timed kernel\./);
  assert.match(message, /calls lab::helper\(int\), which no file defines/);
  // A student who changed the exercise's signature: the lab's entry is what calls it.
  const renamed = linkRefusal(['lab::f32_relu_student_wasmsimd(float const*, float*, long long)'], 'f32_relu_student_wasmsimd');
  assert.match(
    renamed,
    /^The lab calls lab::f32_relu_student_wasmsimd\(.*\), and your file defines no function with that name and signature/,
  );
  assert.doesNotMatch(renamed, /Your kernel calls/);
  assert.equal(importsRefusal([]), null);
  assert.match(
    importsRefusal([{ module: 'env', name: 'now', kind: 'function' }]),
    /imports env\.now, but a kernel's module must stand alone/,
  );
});

test("objdump's listing: the exercise's function, or lab_entry where it was inlined, as bare instructions", () => {
  const listing = [
    'kernel.wasm:\tfile format wasm',
    '',
    '00000065 <lab::f32_relu_student_wasmsimd(float const*, float*, long long)>:',
    '        .local i64, i32',
    '      72: 42 04        \ti64.const\t4',
    '      ca: 03 40        \tloop    \t                        # label3:',
    '      d0: fd 00 00 00  \tv128.load\t0:p2align=0',
    '      ef: 0b           \tend',
    '',
    '000001a0 <lab_entry>:',
    '      1a2: 10 00        \tcall\t0',
  ].join('\n');
  assert.equal(
    kernelInstructions(listing, EXERCISE.name),
    [
      'lab::f32_relu_student_wasmsimd(float const*, float*, long long):',
      '.local i64, i32',
      'i64.const 4',
      'loop # label3:',
      'v128.load 0:p2align=0',
      'end',
    ].join('\n'),
  );
  assert.equal(kernelInstructions(listing, 'other_kernel'), 'lab_entry:\ncall 0');
  assert.equal(kernelInstructions('', EXERCISE.name), '');
});

test('the file tree puts each file at its path, and refuses a path that leaves it', () => {
  const tree = fileTree(
    new Map([
      ['cpp/core/a.h', 'A'],
      ['cpp/exercises/b.cpp', 'B'],
      ['cpp/core/c.h', 'C'],
    ]),
  );
  assert.deepEqual(tree, { cpp: { core: { 'a.h': 'A', 'c.h': 'C' }, exercises: { 'b.cpp': 'B' } } });
  assert.throws(() => fileTree(new Map([['../etc/passwd', '']])), /relative path/);
});

test('the server sends a gzip copy only to a client that accepts gzip', () => {
  assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.5'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0, br'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(), false);
});
