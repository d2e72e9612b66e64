// A uPlot chart that accumulates: each update gets every series so far, as
// points, and redraws. uPlot needs one shared x array, so the points are
// aligned on the union of their x values, with gaps where a series has none.
// Under the chart, the same points as a table (ChartData); the legend's
// entries, which show and hide a series on a click, answer the keyboard too.
import uPlot from '../gen/vendor/uPlot.esm.js';
import { el } from './dom.js';
import { ChartData } from './chart-data.js';

// Every colour has at least 4.5:1 contrast on white, so it is legible as text too.
const PALETTE = ['#2563eb', '#c2410c', '#0b7a53', '#9333ea', '#c2185b', '#0e7490', '#a16207', '#475569'];
const HEIGHT = 320;

function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function isPower(v, base) {
  const exponent = Math.log(v) / Math.log(base);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
}

function align(series) {
  const xs = [...new Set(series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
  const ys = series.map((s) => {
    const byX = new Map(s.points);
    return xs.map((x) => (byX.has(x) ? byX.get(x) : null));
  });
  return [xs, ...ys];
}

// options: {xLabel, yLabel, xFormat, yFormat, valueFormat?: {x?, y?}, xLogBase?, yLogBase?, yRange?(min, max), steps?, decorate?(u), empty}
// (yRange: the y axis's [low, high] for the data's min and max; by default 0 to a little above max;
// valueFormat: how the legend and the data table write a value, where the ticks' labels are rounder
// than the data; by default as the ticks)
export class Chart {
  constructor(options) {
    this.options = options;
    this.colors = new Map(); // colour key → palette index, stable while results accumulate
    this.placeholder = el('p', { class: 'chart-empty' }, options.empty);
    this.frame = el('div', { class: 'chart-frame' });
    this.data = new ChartData(options);
    this.element = el('div', { class: 'chart', 'data-chart': '' }, this.placeholder, this.frame, this.data.element);
    this.plot = null;
    this.shape = '';
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  color(key) {
    if (!this.colors.has(key)) this.colors.set(key, this.colors.size % PALETTE.length);
    return PALETTE[this.colors.get(key)];
  }

  width() {
    return Math.max(this.element.clientWidth, 280);
  }

  resize() {
    if (this.plot && this.element.clientWidth > 0) this.plot.setSize({ width: this.width(), height: HEIGHT });
  }

  // series: [{label, points: [[x, y], ...], colorKey?, dash?, scatter?}] (scatter: points, no line)
  update(series) {
    this.placeholder.hidden = series.length > 0;
    const data = align(series);
    this.data.update(series, data, this.valueFormat());
    if (series.length === 0) {
      this.plot?.destroy();
      this.plot = null;
      this.shape = '';
      return;
    }
    const shape = JSON.stringify(series.map((s) => [s.label, s.colorKey, s.dash]));
    if (this.plot && shape === this.shape) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.shape = shape;
    this.plot = new uPlot(this.config(series), data, this.frame);
    this.describe();
  }

  // The canvas is an image whose words are the table below it; each legend
  // entry is a toggle button, pressed while its series is shown.
  describe() {
    const { xLabel, yLabel } = this.options;
    this.plot.ctx.canvas.setAttribute('role', 'img');
    this.plot.ctx.canvas.setAttribute(
      'aria-label',
      `Chart of ${yLabel} against ${xLabel}; its numbers are in the table "Data behind this chart" below it.`,
    );
    const plot = this.plot;
    this.frame.querySelectorAll('.u-legend .u-series').forEach((row, i) => {
      if (i === 0) return; // the x series: a label, not a toggle
      const label = row.querySelector('th');
      const sync = () => label.setAttribute('aria-pressed', String(plot.series[i].show));
      label.setAttribute('tabindex', '0');
      label.setAttribute('role', 'button');
      label.setAttribute('title', 'Show or hide this series');
      label.addEventListener('click', sync);
      label.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        label.click();
      });
      sync();
    });
  }

  valueFormat() {
    const { xFormat, yFormat, valueFormat } = this.options;
    return { x: valueFormat?.x ?? xFormat, y: valueFormat?.y ?? yFormat };
  }

  clear() {
    this.colors.clear();
    this.update([]);
  }

  config(series) {
    const { xLabel, yLabel, xFormat, yFormat, xLogBase, yLogBase, yRange, steps, decorate } = this.options;
    const value = this.valueFormat();
    const axis = { stroke: '#4b5563', grid: { stroke: '#e5e7eb', width: 1 }, ticks: { stroke: '#d1d5db', width: 1 } };
    return {
      width: this.width(),
      height: HEIGHT,
      scales: {
        x: xLogBase
          ? {
              time: false,
              distr: 3,
              log: xLogBase,
              range: (u, min, max) => (min === max ? [min / xLogBase, max * xLogBase] : uPlot.rangeLog(min, max, xLogBase, true)),
            }
          : { time: false },
        // A log axis for values spanning decades, such as errors; else from 0
        // unless the lesson gives its own range.
        y: yLogBase
          ? { distr: 3, log: yLogBase, range: (u, min, max) => uPlot.rangeLog(min, max, yLogBase, true) }
          : { range: (u, min, max) => (yRange ? yRange(min, max) : [0, max > 0 ? max * 1.1 : 1]) },
      },
      axes: [
        { ...axis, label: xLabel, values: (u, splits) => splits.map((v) => (v === null ? '' : xFormat(v))) },
        // On a log axis, only whole powers are labelled: the ticks between them are too close.
        {
          ...axis,
          label: yLabel,
          size: 60,
          values: (u, splits) => splits.map((v) => (!yLogBase || isPower(v, yLogBase) ? yFormat(v) : '')),
        },
      ],
      series: [
        { label: xLabel, value: (u, v) => (v === null ? '—' : value.x(v)) },
        ...series.map((s) => {
          const stroke = this.color(s.colorKey ?? s.label);
          return {
            label: s.label,
            stroke,
            width: 2,
            dash: s.dash ?? undefined,
            spanGaps: !steps,
            value: (u, v) => (v === null ? '—' : value.y(v)),
            ...(steps
              ? { paths: uPlot.paths.stepped({ align: 1 }), fill: withAlpha(stroke, 0.12), points: { show: false } }
              : s.scatter
                ? { paths: () => null, points: { show: true, size: 9, fill: withAlpha(stroke, 0.35) } }
                : { points: { show: !s.dash, size: 7, fill: '#fff' } }),
          };
        }),
      ],
      cursor: { points: { size: 8 } },
      hooks: decorate ? { draw: [(u) => decorate(u, (key) => this.color(key))] } : {},
    };
  }
}
