// The numbers behind a chart, as a table a screen reader can read and anyone
// can copy: one row per x value, one column per series, in a closed <details>
// under the chart. It is built from the very series the chart draws, so the
// two cannot disagree.
import { el, scrollRegion } from './dom.js';

export class ChartData {
  constructor({ xLabel, yLabel }) {
    this.labels = { x: xLabel, y: yLabel };
    this.head = el('thead');
    this.body = el('tbody');
    this.table = el(
      'table',
      { class: 'results chart-table', 'data-chart-table': '' },
      el('caption', { class: 'visually-hidden' }, `${yLabel} against ${xLabel}`),
      this.head,
      this.body,
    );
    this.element = el(
      'details',
      { class: 'chart-data', 'data-chart-data': '', hidden: true },
      el('summary', {}, 'Data behind this chart'),
      scrollRegion(`Data behind the chart of ${yLabel} against ${xLabel}`, this.table),
    );
  }

  // columns: [xs, ...ys] as uPlot takes them; format: {x(v), y(v)}
  update(series, columns, format) {
    this.element.hidden = series.length === 0;
    if (series.length === 0) return;
    const [xs, ...ys] = columns;
    this.head.replaceChildren(
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, this.labels.x),
        series.map((s) => el('th', { scope: 'col', class: 'num' }, `${s.label} (${this.labels.y})`)),
      ),
    );
    this.body.replaceChildren(
      ...xs.map((x, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, format.x(x)),
          ys.map((y) => el('td', { class: 'num' }, y[i] === null ? '—' : format.y(y[i]))),
        ),
      ),
    );
  }
}
