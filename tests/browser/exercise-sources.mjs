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

const CORRECT = {
  f32_matmul_student_loops: `for (int64_t i = 0; i < m; ++i) {
    for (int64_t j = 0; j < n; ++j) c[i * n + j] = 0;
    for (int64_t p = 0; p < k; ++p) {
      const float av = a[i * k + p];
      for (int64_t j = 0; j < n; ++j) c[i * n + j] += av * b[p * n + j];
    }
  }`,
  f32_matmul_student_blocked: `for (int64_t i = 0; i < m * n; ++i) c[i] = 0;
  for (int64_t i0 = 0; i0 < m; i0 += block)
    for (int64_t p0 = 0; p0 < k; p0 += block)
      for (int64_t j0 = 0; j0 < n; j0 += block) {
        const int64_t i1 = i0 + block < m ? i0 + block : m;
        const int64_t p1 = p0 + block < k ? p0 + block : k;
        const int64_t j1 = j0 + block < n ? j0 + block : n;
        for (int64_t i = i0; i < i1; ++i)
          for (int64_t p = p0; p < p1; ++p) {
            const float av = a[i * k + p];
            for (int64_t j = j0; j < j1; ++j) c[i * n + j] += av * b[p * n + j];
          }
      }`,
  f32_relu_student_wasmsimd: `const v128_t zero = wasm_f32x4_splat(0.0f);
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_pmax(zero, wasm_v128_load(x + i)));
  for (; i < n; ++i) y[i] = x[i] > 0 ? x[i] : 0.0f;`,
  // std::fmax is a libm call on wasm: it checks that math functions link.
  f32_quantize_i8_student: `float max_abs = 0;
  for (int64_t i = 0; i < n; ++i) max_abs = std::fmax(max_abs, std::fabs(x[i]));
  *scale = max_abs > 0 ? max_abs / 127 : 1.0f;
  for (int64_t i = 0; i < n; ++i) {
    const float r = std::nearbyint(x[i] / *scale);
    q[i] = static_cast<int8_t>(r > 127 ? 127 : (r < -127 ? -127 : r));
  }`,
};

// The last element of each exercise's output, to write wrongly or past.
const OUTPUT = {
  f32_matmul_student_loops: { last: 'c[m * n - 1]', past: 'c[m * n]' },
  f32_matmul_student_blocked: { last: 'c[m * n - 1]', past: 'c[m * n]' },
  f32_relu_student_wasmsimd: { last: 'y[n - 1]', past: 'y[n]' },
  f32_quantize_i8_student: { last: 'q[n - 1]', past: 'q[n]' },
};

export const PAGE_EXERCISES = Object.keys(CORRECT);

// What the catalog's page_compile names (cpp/lab/page_kernels.cpp), for tests
// that compile without the page: the entry function's file and the headers.
export const PAGE_COMPILE = {
  entry: 'cpp/exercises/page_entry.cpp',
  includes: ['cpp/core/kernel_status.h', 'cpp/core/source_file.h', 'cpp/exercises/student_kernels.h'],
};
export const readLabFile = async (path) => readFileSync(new URL(path, ROOT), 'utf8');

// The stub with its TODO body replaced by `body`, which ends with its own return.
export const replaceBody = (exercise, body) => stubOf(exercise).replace(TODO, body);
const withBody = (exercise, body) => replaceBody(exercise, `${body}\n  return KernelStatus::done;`);

// The exercise as the catalog describes it to the compiler: its name and its file.
export const exerciseEntry = (name) => ({ name, source: `cpp/exercises/${name}.cpp` });

// {source, ...what the test expects}
export function sourcesFor(exercise) {
  const correct = CORRECT[exercise];
  const { last, past } = OUTPUT[exercise];
  const stub = stubOf(exercise);
  const todoLine = stub.slice(0, stub.search(TODO)).split('\n').length;
  return {
    correct: { source: withBody(exercise, correct) },
    // Right everywhere but the last element: it fails at the smallest size, element 0.
    wrong: { source: withBody(exercise, `${correct}\n  ${last} = 7;`) },
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
