// The compiler's diagnostics under the editor, one line each: where, how bad
// and what clang said. A diagnostic on a line of the student's file is a
// button that puts the cursor there; one elsewhere (a header, the linker) is
// plain text.
import { el } from './dom.js';

const WORD = { error: 'error', fatal: 'error', warning: 'warning', note: 'note', remark: 'note' };

function where({ file, line, column }) {
  if (!line) return file ?? '';
  return `line ${line}${column ? `:${column}` : ''}`;
}

// diagnostics: [{file, line, column, severity, message}]; fileName: the
// student's file, as clang names it; goTo(line, column) moves the editor's cursor.
export function diagnosticList(diagnostics, { fileName, goTo }) {
  if (diagnostics.length === 0) return null;
  const ours = (d) => d.line > 0 && (!d.file || d.file.endsWith(fileName));
  return el(
    'ul',
    { class: 'diagnostics', 'aria-label': 'Compiler messages' },
    diagnostics.map((d) => {
      const severity = WORD[d.severity] ?? 'note';
      const place = ours(d)
        ? el('button', { type: 'button', class: 'diagnostic-place', 'data-line': d.line, onclick: () => goTo(d.line, d.column) }, where(d))
        : el('span', { class: 'diagnostic-place' }, where(d) || 'link');
      return el(
        'li',
        { class: `diagnostic diagnostic-${severity}`, 'data-diagnostic': severity },
        place,
        el('span', { class: 'diagnostic-severity' }, severity),
        el('span', { class: 'diagnostic-message' }, d.message),
      );
    }),
  );
}
