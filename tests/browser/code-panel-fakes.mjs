// Stand-ins for the two pieces a code panel calls that may not be in this
// checkout: the in-browser compiler (web/compiler/compiler-client.js) and the
// lab's registerStudentKernel. With them the panel's own logic (editor,
// flags, diagnostics, messages, rows in the lesson's table) is tested alone;
// tests/browser/code-panel-real.test.mjs drives the real ones once both exist.
//
// The fake compiler reads the source: a line with `BROKEN` is a compile error
// there (and, as a misused macro gives, one in a header of the lab's at line
// 3), a call to malloc a link refusal, anything else compiles. While
// self.fakeLoadGate is a promise, the compiler's download waits for it. The
// fake registration adds a page kernel to the session's catalog that runs as
// the lab's reference kernel of the same operation (so its rows are real
// timings); self.fakeRun ('wrong' | 'failed' | 'endless') makes its runs go
// wrong as a broken kernel's would, and 'pause' holds its first run's result
// until self.fakeResume() is called, with nothing in the lab (a gap between
// two requests).

// Served in place of web/compiler/compiler-client.js.
export const FAKE_COMPILER = `
export class CompilerClient {
  async load({ onProgress } = {}) {
    await self.fakeLoadGate;
    const total = 27 * 2 ** 20;
    for (const received of [0, total / 3, total]) {
      onProgress?.({ received, total });
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { version: 'clang version 22.0.0-fake', fromCache: false, seconds: 0.1 };
  }
  async compile({ exercise, source, flags }) {
    self.fakeCompiles = [...(self.fakeCompiles ?? []), { exercise: exercise.name, source, flags }];
    const file = exercise.source.split('/').at(-1);
    const lines = source.split('\\n');
    const broken = lines.findIndex((line) => line.includes('BROKEN'));
    if (broken >= 0) {
      const column = lines[broken].indexOf('BROKEN') + 1;
      const diagnostics = [
        { file: 'cpp/exercises/' + file, line: broken + 1, column, severity: 'error', message: "use of undeclared identifier 'BROKEN'" },
        { file: 'cpp/exercises/student_kernels.h', line: 3, column: 1, severity: 'error', message: "expected ';' after top level declarator" },
      ];
      return { status: 'error', kind: 'compile', message: 'compile failed', diagnostics, log: '' };
    }
    if (source.includes('malloc(')) {
      return { status: 'error', kind: 'link', message: 'undefined symbol: malloc', diagnostics: [], log: '' };
    }
    const command = 'clang++ --target=wasm32 -' + flags.opt + (flags.simd ? ' -msimd128' : '') + (flags.autovec ? '' : ' -fno-vectorize -fno-slp-vectorize') + ' -c ' + file;
    const instructions = ['(func $' + exercise.name, 'block', 'loop', 'v128.load', 'f32x4.pmax', 'v128.store', 'br_if 0', 'end', 'end', ')'].join('\\n');
    return { status: 'ok', wasm: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]), command, flags, version: 'clang version 22.0.0-fake', seconds: 0.2, diagnostics: [], log: '', instructions };
  }
  cancel() {}
}
`;

// Routes the compiler module to the fake, for openLab's prepare().
export async function fakeCompiler(page) {
  await page.route('**/compiler/compiler-client.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_COMPILER }),
  );
}

// Gives the page's lab client a registerStudentKernel (needs ?test-hooks in the address).
export async function fakeRegistration(page) {
  await page.evaluate(() => {
    const { lab, session } = self.kernelLabTest;
    const standsFor = new Map(); // runtime kernel → the reference kernel that runs in its place
    let count = 0;
    let stopEndless = null;
    lab.registerStudentKernel = async ({ exercise, label }) => {
      const stub = session.kernel(exercise);
      const reference = session.kernels(
        (k) => k.operation === stub.operation && !k.student && String(k.tunables) === String(stub.tunables),
      )[0];
      const vector = session.operation(stub.operation).shape === 'vector';
      count += 1;
      const kernel = {
        ...stub,
        name: `${exercise}_page_${count}`,
        title: label,
        runtime: true,
        page: true,
        check_shapes: vector
          ? [{ n: 1 }, { n: 7 }, { n: 33 }]
          : [
              { m: 3, n: 5, k: 7, block: 4 },
              { m: 17, n: 9, k: 13, block: 8 },
            ],
      };
      session.catalog.kernels.push(kernel);
      standsFor.set(kernel.name, reference.name);
      return { status: 'ok', kernel };
    };
    const [run, check, cancel] = [lab.run.bind(lab), lab.check.bind(lab), lab.cancel.bind(lab)];
    lab.run = async (request) => {
      const reference = standsFor.get(request.kernel);
      if (!reference) return run(request);
      if (self.fakeRun === 'endless')
        return new Promise((resolve) => (stopEndless = () => resolve({ status: 'cancelled', error: 'Cancelled.' })));
      if (self.fakeRun === 'failed') {
        return {
          status: 'failed',
          kernel: request.kernel,
          error: 'It wrote outside its output: buffer y, 4 bytes at offset 28 past its end.',
        };
      }
      const result = await run({ ...request, kernel: reference });
      if (self.fakeRun === 'pause') {
        self.fakeRun = null;
        await new Promise((resolve) => (self.fakeResume = resolve));
      }
      if (self.fakeRun === 'wrong' && result.check) {
        result.check = {
          ...result.check,
          passed: false,
          max_rel_err: 1,
          first_bad: { output: 'y', index: 3, expected: 0.5, actual: -0.5 },
        };
      }
      return { ...result, kernel: request.kernel };
    };
    lab.check = (request) => check({ ...request, kernel: standsFor.get(request.kernel) ?? request.kernel });
    lab.cancel = () => {
      stopEndless?.();
      stopEndless = null;
      cancel();
    };
  });
}
