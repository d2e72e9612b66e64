// The lab report as CSV, for a spreadsheet: a header row, then one row per
// measurement, oldest first, every number as the lab measured it (seconds,
// GFLOP/s, GB/s; full precision). Fields are quoted as RFC 4180 says: when
// they hold a comma, a quote or a line break, with quotes doubled. Pure: no DOM.
import { reportLesson } from './report-summary.js';

// [header, value(measurement)]; an absent or non-finite value is an empty field.
const COLUMNS = [
  ['at', (m) => m.at],
  ['lesson', reportLesson],
  ['kernel', (m) => m.result.kernel],
  ['m', (m) => m.result.shape.m],
  ['n', (m) => m.result.shape.n],
  ['k', (m) => m.result.shape.k],
  ['block', (m) => m.result.shape.block],
  ['threads', (m) => m.result.shape.threads],
  ['median_s', (m) => m.result.timing.median_s],
  ['ci_low_s', (m) => m.result.timing.ci_low_s],
  ['ci_high_s', (m) => m.result.timing.ci_high_s],
  ['ci_level', (m) => m.result.timing.ci_level],
  ['samples', (m) => m.result.timing.count],
  ['batch', (m) => m.result.timing.batch],
  ['flops', (m) => m.result.flops],
  ['bytes', (m) => m.result.bytes],
  ['gflops', (m) => m.result.gflops],
  ['gbps', (m) => m.result.gbps],
  ['check_passed', (m) => m.result.check.passed],
  ['max_rel_err', (m) => m.result.check.max_rel_err],
  ['max_abs_err', (m) => m.result.check.max_abs_err],
  ['tolerance', (m) => m.result.check.tolerance],
  [
    'check_metrics',
    (m) =>
      Object.entries(m.result.check.metrics)
        .map(([name, value]) => `${name}=${value ?? ''}`)
        .join('; '),
  ],
];

export const CSV_HEADER = COLUMNS.map(([name]) => name);

// Text that a spreadsheet would read as a formula (=, +, -, @, a tab or a
// carriage return first) gets a leading apostrophe: a name in a student's file
// must never run as a formula on the instructor's machine. Numbers go as they are.
export function csvField(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function measurementsCsv(measurements) {
  const lines = [CSV_HEADER, ...measurements.map((m) => COLUMNS.map(([, value]) => value(m)))];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}
