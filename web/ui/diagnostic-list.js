// The compiler's diagnostics under the editor, one line each: where, how bad
// and what clang said. A diagnostic on a line of the student's file is a
// button that puts the cursor there; one elsewhere (a header, the linker) is
// plain text.
import { el } from './dom.js';

// Whether a diagnostic is on a line of the student's file (fileName, as clang
// names it): only those are marked in the editor and counted as theirs.
export const inStudentFile = (d, fileName) => d.line > 0 && (!d.file || d.file.endsWith(fileName));

// Where a diagnostic is: a line of the student's file by its number alone;
// elsewhere with its file's name, since that line is not in the editor.
function where({ file, line, column }, ours) {
  const at = line ? `line ${line}${column ? `:${column}` : ''}` : '';
  if (ours) return at;
  return [file?.split('/').at(-1), at].filter(Boolean).join(', ') || 'link';
}

// diagnostics: [{file, line, column, severity, message}], severity one of
// error, warning, note; fileName: the student's file, as clang names it;
// goTo(line, column) moves the editor's cursor.
export function diagnosticList(diagnostics, { fileName, goTo }) {
  if (diagnostics.length === 0) return null;
  return el(
    'ul',
    { class: 'diagnostics', 'aria-label': 'Compiler messages' },
    diagnostics.map((d) => {
      const ours = inStudentFile(d, fileName);
      const place = ours
        ? el(
            'button',
            { type: 'button', class: 'diagnostic-place', 'data-line': d.line, onclick: () => goTo(d.line, d.column) },
            where(d, ours),
          )
        : el('span', { class: 'diagnostic-place' }, where(d, ours));
      return el(
        'li',
        { class: `diagnostic diagnostic-${d.severity}`, 'data-diagnostic': d.severity },
        place,
        el('span', { class: 'diagnostic-severity' }, d.severity),
        el('span', { class: 'diagnostic-message' }, d.message),
      );
    }),
  );
}
