// Draws the class table (class-table.js's model): two header rows, an
// exercise's title over its four columns, and a row per student whose name is
// its row header. A claim that outdoes the regrade is marked, in words and in colour.
import { el } from '../ui/dom.js';

function groupHeaders(columns) {
  const cells = [];
  for (const column of columns) {
    if (!column.group) cells.push(el('td', {}));
    else if (column.groupTitle) {
      const span = columns.filter((c) => c.group === column.group).length;
      cells.push(el('th', { scope: 'colgroup', colspan: span, class: 'group' }, column.groupTitle));
    }
  }
  return el('tr', {}, cells);
}

function cell(column, { text, value, title, tone, flagged }) {
  const tag = column.id === 'student' ? 'th' : 'td';
  const classes = [
    column.numeric ? 'num' : null,
    tone ? `grade-${tone}` : null,
    flagged ? 'grade-flagged' : null,
    column.groupTitle ? 'group-start' : null,
  ];
  return el(
    tag,
    {
      scope: tag === 'th' ? 'row' : null,
      class: classes.filter(Boolean).join(' ') || null,
      'data-col': column.id,
      'data-value': String(value),
      'data-flagged': flagged ? '' : null,
      title,
    },
    text,
  );
}

export function classTable(columns, rows) {
  return el(
    'table',
    { class: 'results class-table', 'data-class': '' },
    el('caption', { class: 'visually-hidden' }, 'The class: each student’s exercises as regraded on this machine, beside their claims'),
    el(
      'thead',
      {},
      groupHeaders(columns),
      el(
        'tr',
        {},
        columns.map((column) =>
          el('th', { scope: 'col', class: column.groupTitle ? 'group-start' : null, 'data-col': column.id }, column.label),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          columns.map((column) => cell(column, cells[column.id])),
        ),
      ),
    ),
  );
}
