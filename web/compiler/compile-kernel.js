// One compile in the page: the student's exercise file and the lab's entry
// file, each to an object, linked into a module that imports nothing, and the
// instructions of the student's function. Every step's command and output go
// into the log with the time it took, which the page can show as a terminal would.
import { commandText, compileArgs, linkArgs } from './clang-command.js';
import { compileFailureMessage, parseDiagnostics } from './diagnostics.js';
import { fileTree } from './file-tree.js';
import { kernelInstructions } from './kernel-instructions.js';
import { importsRefusal, linkRefusal, onlyMath, undefinedSymbols } from './link-check.js';
import { runTool } from './run-tool.js';

const failure = (kind, message, diagnostics, log) => ({ status: 'error', kind, message, diagnostics, log });

// The lab's files the compile needs, by path, read with readLabFile(path).
async function labFiles(pageCompile, readLabFile) {
  const paths = [...pageCompile.includes, pageCompile.entry];
  return Promise.all(
    paths.map(async (path) => {
      try {
        return [path, await readLabFile(path)];
      } catch (error) {
        throw new Error(`The lab's file ${path} could not be read (${error.message}): reload the page and try again.`);
      }
    }),
  );
}

// clang: the compiler's module (@yowasp/clang). version: its version line.
export async function compileKernel(clang, version, { exercise, pageCompile, source, flags }, readLabFile) {
  const started = performance.now();
  const diagnostics = [];
  const shown = []; // the commands that built the module, as the student would type them
  let log = '';
  let lab;
  try {
    lab = await labFiles(pageCompile, readLabFile);
  } catch (error) {
    return failure('load', error.message, diagnostics, log);
  }
  let tree = fileTree(new Map([...lab, [exercise.source, source]]));
  const step = async (command, args) => {
    const stepStarted = performance.now();
    const result = await runTool(clang, command, args, tree);
    log += `$ ${commandText(args)}\n${result.output}# ${((performance.now() - stepStarted) / 1000).toFixed(1)} s\n`;
    return result;
  };

  const units = [exercise.source, pageCompile.entry];
  for (const unit of units) {
    const args = compileArgs({ exercise, flags, unit });
    const compiled = await step(clang.runClang, args);
    diagnostics.push(...parseDiagnostics(compiled.output));
    if (!compiled.ok) return failure('compile', compileFailureMessage(diagnostics, exercise.source, compiled.output), diagnostics, log);
    shown.push(commandText(args));
    tree = compiled.files;
  }

  let args = linkArgs({ exercise, units, withLibc: false });
  let linked = await step(clang.runClang, args);
  const symbols = undefinedSymbols(linked.output);
  if (!linked.ok && onlyMath(symbols)) {
    log += `(${symbols.join(', ')}: from <cmath>, in the WASI sysroot's libc.a, which imports nothing; linking again with -lc)\n`;
    args = linkArgs({ exercise, units, withLibc: true });
    linked = await step(clang.runClang, args);
  }
  if (!linked.ok) {
    const message = symbols.length ? linkRefusal(symbols, exercise.name) : `The linker stopped: ${linked.output.trim().split('\n')[0]}`;
    return failure('link', message, diagnostics, log);
  }
  shown.push(commandText(args));
  const output = `${exercise.name}.wasm`;
  // A copy with a buffer of its own, which the worker hands to the page.
  const wasm = linked.files[output].slice();
  const refusal = importsRefusal(WebAssembly.Module.imports(await WebAssembly.compile(wasm)));
  if (refusal) return failure('link', refusal, diagnostics, log);

  const listing = await runTool(clang, clang.runLLVM, ['objdump', '-d', '--demangle', output], linked.files);
  return {
    status: 'ok',
    wasm,
    command: shown.join('\n'),
    flags,
    version,
    seconds: (performance.now() - started) / 1000,
    diagnostics,
    log,
    instructions: kernelInstructions(listing.output, exercise.name),
  };
}
