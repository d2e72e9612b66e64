// Runs one of the compiler's commands (clang++, wasm-ld, objdump) over an
// in-memory file tree and collects what it prints. A command that exits with
// an error resolves with ok: false, like a shell's exit status; only a crash
// of the tool itself rejects.
export async function runTool(clang, command, args, files, options = {}) {
  const decoder = new TextDecoder();
  let output = '';
  const collect = (bytes) => {
    if (bytes) output += decoder.decode(bytes, { stream: true });
  };
  // decodeASCII: false keeps every output file as bytes; a module is never text.
  const run = { stdout: collect, stderr: collect, decodeASCII: false, ...options };
  try {
    const tree = await command(args, files, run);
    return { ok: true, files: tree, output: output + decoder.decode() };
  } catch (error) {
    if (!(error instanceof clang.Exit)) throw error;
    return { ok: false, files: error.files, output: output + decoder.decode() };
  }
}
