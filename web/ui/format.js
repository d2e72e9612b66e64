// How the page writes the lab's numbers: times with three significant digits
// in a unit that suits them, rates with two decimals, sizes in binary units.

import { el } from './dom.js';

const TIME_UNITS = [
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];

export function seconds(s) {
  if (!Number.isFinite(s)) return '—';
  const rounded = Number(s.toPrecision(3)); // so 999.9 µs becomes 1.00 ms, not 1.00e+3 µs
  const [scale, unit] = TIME_UNITS.find(([scale]) => Math.abs(rounded) >= scale) ?? TIME_UNITS.at(-1);
  return `${(rounded / scale).toPrecision(3)} ${unit}`;
}

export function secondsRange(low, high) {
  return `${seconds(low)} – ${seconds(high)}`;
}

// The same range for a table cell: it may break after the dash, never inside a time.
export function secondsRangeCell(low, high) {
  return [el('span', { class: 'nowrap' }, `${seconds(low)} –`), ' ', el('span', { class: 'nowrap' }, seconds(high))];
}

export function gflops(value) {
  return Number.isFinite(value) ? value.toFixed(2) : '—';
}

export function ratio(value) {
  return `${value.toPrecision(3)}×`;
}

export function percent(fraction, digits = 1) {
  return `${(fraction * 100).toFixed(digits)}%`;
}

// For axis ticks: as many decimals as the value has, up to one.
export function percentTick(fraction) {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

// Errors span many orders of magnitude, so they are written in scientific form.
export function scientific(value) {
  if (value === null || value === undefined) return '∞';
  return value === 0 ? '0' : value.toExponential(1);
}

export function bytes(count) {
  if (count >= 2 ** 30) return `${(count / 2 ** 30).toFixed(1)} GiB`;
  if (count >= 2 ** 20) return `${(count / 2 ** 20).toFixed(count >= 10 * 2 ** 20 ? 0 : 1)} MiB`;
  if (count >= 2 ** 10) return `${(count / 2 ** 10).toFixed(count >= 10 * 2 ** 10 ? 0 : 1)} KiB`;
  return `${count} B`;
}

// A length on a log axis, short enough for its ticks: 4096 → 4K, 16777216 → 16M.
export function binaryCount(n) {
  if (n >= 2 ** 20 && n % 2 ** 20 === 0) return `${n / 2 ** 20}M`;
  if (n >= 2 ** 10 && n % 2 ** 10 === 0) return `${n / 2 ** 10}K`;
  return String(n);
}

// A ratio on a chart axis: 1.5×, 2×.
export const timesTick = (v) => `${Number(v.toFixed(2))}×`;
