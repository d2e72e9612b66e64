// The results table: one row per measured entry, appended as results arrive
// (one row at a time, so the page stays responsive during a sweep).
//
// column: {id, label, title?, numeric?, wrap?, timing?, value(entry) → string | Node}.
// A kernel that is not implemented has no timing: its timing columns become one
// cell holding the lab's message, and the other columns say what they can.
import { el, scrollRegion } from './dom.js';
import { seconds } from './format.js';

function cell(column, content, attrs = {}) {
  const classes = [column.numeric && 'num', column.wrap && 'wrap'].filter(Boolean).join(' ');
  return el('td', { 'data-col': column.id, class: classes || null, ...attrs }, content);
}

function row(columns, entry) {
  const cells = [];
  if (entry.result.status === 'not_implemented') {
    const timing = columns.filter((c) => c.timing);
    for (const column of columns) {
      if (column === timing[0]) {
        cells.push(cell(column, entry.result.error, { colspan: timing.length, class: 'not-implemented' }));
      } else if (!column.timing) {
        cells.push(cell(column, column.value(entry)));
      }
    }
  } else {
    for (const column of columns) cells.push(cell(column, column.value(entry)));
  }
  // A row kept from an earlier visit says so in its first cell, in words.
  if (entry.earlier) cells[0].append(el('span', { class: 'badge badge-earlier' }, 'earlier visit'));
  return el(
    'tr',
    { class: entry.result.status === 'not_implemented' ? 'missing' : null, 'data-earlier': entry.earlier ? '' : null },
    cells,
  );
}

export class ResultsTable {
  constructor(columns, { caption }) {
    this.columns = columns;
    this.body = el('tbody');
    this.footnote = el('p', { class: 'table-note' });
    this.empty = el('p', { class: 'empty' }, 'No results yet. Make a prediction, then press Run.');
    this.table = el(
      'table',
      { class: 'results', 'data-results': '' },
      el('caption', { class: 'visually-hidden' }, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          columns.map((c) => el('th', { scope: 'col', title: c.title ?? null, class: c.numeric ? 'num' : null }, c.label)),
        ),
      ),
      this.body,
    );
    this.element = el('div', { class: 'table-block' }, this.empty, scrollRegion(caption, this.table), this.footnote);
    this.clocks = new Map();
    this.refresh();
  }

  add(entry) {
    this.body.append(row(this.columns, entry));
    for (const result of entry.results) {
      if (result.timing) this.clocks.set(`${result.timing.clock}|${result.timing.resolution_s}`, result.timing);
    }
    this.refresh();
  }

  clear() {
    this.body.replaceChildren();
    this.clocks.clear();
    this.refresh();
  }

  // The clock is the same for every row, so it is said once, under the table,
  // from what the results themselves report.
  refresh() {
    const rows = this.body.rows.length;
    this.empty.hidden = rows > 0;
    this.table.hidden = rows === 0;
    this.footnote.hidden = this.clocks.size === 0;
    this.footnote.textContent = [...this.clocks.values()]
      .map((t) => `Times are per call, timed with ${t.clock}, resolution ${seconds(t.resolution_s)}.`)
      .join(' ');
  }
}
