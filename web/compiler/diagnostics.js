// Reads clang's diagnostics out of its output, and says in one sentence what
// stopped a compile. clang writes each one as `file:line:column: severity:
// message`, followed by the source line and a caret, which stay in the log.

const DIAGNOSTIC = /^(.+?):(\d+):(\d+): (fatal error|error|warning|note): (.*)$/;

export function parseDiagnostics(output) {
  const diagnostics = [];
  for (const text of output.split('\n')) {
    const match = DIAGNOSTIC.exec(text);
    if (!match) continue;
    const [, file, line, column, severity, message] = match;
    // A fatal error (a missing header) stops the compile like any error.
    diagnostics.push({
      file,
      line: Number(line),
      column: Number(column),
      severity: severity === 'fatal error' ? 'error' : severity,
      message,
    });
  }
  return diagnostics;
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

// studentFile: the path of the student's own file, where an error's place is
// named by line alone. An error elsewhere (a header, the lab's entry file) is
// named with its file, since the student did not write it.
export function compileFailureMessage(diagnostics, studentFile, output) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) {
    // The driver's own errors (a bad option, a missing file) carry no place.
    const first = output.split('\n').find((text) => /error/.test(text));
    return `The compiler stopped with an error: ${first?.trim() ?? 'it gave no message'}.`;
  }
  const [first] = errors;
  const where = first.file === studentFile ? `line ${first.line}` : `${first.file}, line ${first.line}`;
  return `Your code does not compile: ${plural(errors.length, 'error')}; the first is on ${where}.`;
}
