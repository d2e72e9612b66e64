// Student sources for every exercise that compiles in the page, made from the
// stub file itself (cpp/exercises/<name>.cpp) with its TODO body replaced: a
// correct kernel, and one for each way a kernel can go wrong. The browser
// tests compile them in the page, as a student would.
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
export const stubOf = (exercise) => readFileSync(new URL(`cpp/exercises/${exercise}.cpp`, ROOT), 'utf8');

// The stub's body: from the (void) line that silences its unused parameters
// through its `return KernelStatus::not_implemented;`.
const TODO = /\(void\)[^\n]*;[\s\S]*?return KernelStatus::not_implemented;/;

// A solution's body, from tests/cpp/exercises/solutions/<exercise>.cpp, where
// the native tests check it: the function of that name in namespace
// lab::<kind> (correct, slow or wrong), from its opening brace to the
// matching closing one, its own return included. The page compiles the very
// text the native test passed.
const solutionsFile = (exercise) => readFileSync(new URL(`tests/cpp/exercises/solutions/${exercise}.cpp`, ROOT), 'utf8');

export function solutionBody(exercise, kind) {
  const file = solutionsFile(exercise);
  const namespace = file.indexOf(`namespace lab::${kind} {`);
  if (namespace < 0) throw new Error(`${exercise}: no namespace lab::${kind} in its solutions file`);
  const open = file.indexOf('{', file.indexOf(`${exercise}(`, namespace));
  let depth = 0;
  for (let i = open; i < file.length; i += 1) {
    if (file[i] === '{') depth += 1;
    if (file[i] === '}' && --depth === 0) return file.slice(open + 1, i).trim();
  }
  throw new Error(`${exercise}: the ${kind} solution never closes its body`);
}

const hasSolution = (exercise, kind) => solutionsFile(exercise).includes(`namespace lab::${kind} {`);

// The last element of each exercise's output, to write wrongly or past, and
// what the check then reports for the first bad element (got: 7 unless said).
const OUTPUT = {
  f32_matmul_student_loops: { last: 'c[m * n - 1]', past: 'c[m * n]' },
  f32_matmul_student_blocked: { last: 'c[m * n - 1]', past: 'c[m * n]' },
  f32_relu_student_wasmsimd: { last: 'y[n - 1]', past: 'y[n]' },
  f32_quantize_i8_student: { last: 'q[n - 1]', past: 'q[n]' },
  // A split writes rows, not C: a begin of 7 leaves the one row at the smallest size unclaimed.
  f32_matmul_student_threads: { last: '*begin', past: 'end[threads - thread]', got: 'NaN' },
  i8_matmul_student: { last: 'c[m * n - 1]', past: 'c[m * n]' },
  f32_round_bf16_student: { last: 'y[n - 1]', past: 'y[n]' },
  // A tile: its last element is C's last when the nest calls it for C's last whole tile.
  f32_matmul_student_4x8: { last: 'c[3 * ldc + 7]', past: 'c[3 * ldc + 8]' },
  f32_gelu_student: { last: 'y[n - 1]', past: 'y[n]' },
  f32_matmul_bias_gelu_student: { last: 'c[m * n - 1]', past: 'c[m * n]' },
};

export const PAGE_EXERCISES = Object.keys(OUTPUT);

// What the catalog's page_compile names (cpp/lab/page_kernels.cpp), for tests
// that compile without the page: the entry function's file and the headers.
export const PAGE_COMPILE = {
  entry: 'cpp/exercises/page_entry.cpp',
  includes: [
    'cpp/core/kernel_status.h',
    'cpp/core/source_file.h',
    'cpp/exercises/student_kernels.h',
    'cpp/exercises/f32_matmul_4x8_tiles.h',
    'cpp/kernels/gelu/f32x4_gelu.h',
  ],
};
export const readLabFile = async (path) => readFileSync(new URL(path, ROOT), 'utf8');

// The stub with its TODO body replaced by `body`, which ends with its own return.
export const replaceBody = (exercise, body) => stubOf(exercise).replace(TODO, body);
const withBody = (exercise, body) => replaceBody(exercise, `${body}\n  return KernelStatus::done;`);

// The exercise as the catalog describes it to the compiler: its name and its file.
export const exerciseEntry = (name) => ({ name, source: `cpp/exercises/${name}.cpp` });

// {source, ...what the test expects}
export function sourcesFor(exercise) {
  const correct = solutionBody(exercise, 'correct').replace(/\s*return KernelStatus::done;$/, '');
  const { last, past, got = '7' } = OUTPUT[exercise];
  const stub = stubOf(exercise);
  const todoLine = stub.slice(0, stub.search(TODO)).split('\n').length;
  return {
    correct: { source: withBody(exercise, correct) },
    // Correct, but missing the point of the exercise (scalar where SIMD is asked, one thread doing all the work).
    slow: hasSolution(exercise, 'slow') ? { source: replaceBody(exercise, solutionBody(exercise, 'slow')) } : null,
    // The wrong solution the native test fails (a real mistake, such as truncating instead of rounding).
    mistaken: { source: replaceBody(exercise, solutionBody(exercise, 'wrong')) },
    // Right everywhere but the last element: it fails at the smallest size, element 0.
    wrong: { source: withBody(exercise, `${correct}\n  ${last} = 7;`), got },
    overrun: { source: withBody(exercise, `${correct}\n  ${past} = 0;`) },
    trap: { source: withBody(exercise, '__builtin_trap();') },
    endless: { source: withBody(exercise, 'for (volatile int spin = 1; spin;) {\n  }') },
    // The error is on the stub's TODO line, where the body starts.
    syntax: { source: withBody(exercise, `int oops = ;\n  ${correct}`), line: todoLine },
    malloc: {
      source: withBody(exercise, `${correct}\n  static void* volatile scratch = nullptr;\n  scratch = malloc(64);`).replace(
        'namespace lab {',
        'extern "C" void* malloc(decltype(sizeof 0) bytes);\n\nnamespace lab {',
      ),
    },
  };
}
