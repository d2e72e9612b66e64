// The lab report's file format, version 1: what a student exports to keep
// their measurements or to compare them on another machine. Pure: no DOM, so
// node:test checks it directly.
//
// {
//   format: 'kernel-lab-report', version: 1,
//   created: ISO 8601 date of the export,
//   machine: {
//     build: {module, simd, simd_name, threads, max_threads},   which wasm build ran
//     clock: {name, resolution_s},                              the timer and its measured resolution
//     memory_bytes,                                             what one run may use
//     hardware_concurrency, user_agent, cross_origin_isolated   what the browser reported
//   },
//   measurements: [{at, lesson, request, result}]   session.measurements as they were,
//     oldest first; result is the C++ run result (status 'ok') unchanged.
// }
//
// parseReport() accepts exactly what this page writes, and refuses anything
// else with a message that names the field at fault, so a file from another
// machine is either compared whole or not at all.

import { FieldError, boolean, date, fail, isObject, number, object, shown, string } from './json-checks.js';

export const REPORT_FORMAT = 'kernel-lab-report';
export const REPORT_VERSION = 1;

// Larger than any size the lab accepts (its heap is 512 MiB), small enough to
// catch a value that was never a size.
const MAX_DIMENSION = 2 ** 31;

// The machine part of a report, from what the page knows about itself.
export function describeMachine({ catalog, build, hardwareConcurrency, userAgent, crossOriginIsolated }) {
  return {
    build: {
      module: build.module,
      simd: catalog.build.simd,
      simd_name: catalog.build.simd_name,
      threads: build.threads,
      max_threads: catalog.build.max_threads,
    },
    clock: { name: catalog.clock.name, resolution_s: catalog.clock.resolution_s },
    memory_bytes: catalog.memory_bytes,
    hardware_concurrency: hardwareConcurrency ?? null,
    user_agent: userAgent,
    cross_origin_isolated: crossOriginIsolated,
  };
}

export function serializeReport({ created, machine, measurements }) {
  return `${JSON.stringify({ format: REPORT_FORMAT, version: REPORT_VERSION, created, machine, measurements }, null, 1)}\n`;
}

// A refusal names the field at fault (error.field) as its message does.
export { FieldError as ReportError };

export function validateMachine(path, machine) {
  object(path, machine);
  const { build, clock } = machine;
  object(`${path}.build`, build);
  string(`${path}.build.module`, build.module);
  boolean(`${path}.build.simd`, build.simd);
  if (typeof build.simd_name !== 'string') fail(`${path}.build.simd_name`, 'must be a string', build.simd_name);
  boolean(`${path}.build.threads`, build.threads);
  number(`${path}.build.max_threads`, build.max_threads, { min: 1, max: 4096, whole: true });
  object(`${path}.clock`, clock);
  string(`${path}.clock.name`, clock.name);
  number(`${path}.clock.resolution_s`, clock.resolution_s, { above: 0, max: 1 });
  number(`${path}.memory_bytes`, machine.memory_bytes, { min: 1, whole: true });
  number(`${path}.hardware_concurrency`, machine.hardware_concurrency, { min: 1, max: 4096, whole: true, nullable: true });
  if (typeof machine.user_agent !== 'string') fail(`${path}.user_agent`, 'must be a string', machine.user_agent);
  boolean(`${path}.cross_origin_isolated`, machine.cross_origin_isolated);
}

function validateTiming(path, timing) {
  object(path, timing);
  for (const name of ['median_s', 'ci_low_s', 'ci_high_s']) number(`${path}.${name}`, timing[name], { above: 0, max: 3600 });
  // The interval is the median's, from order statistics: it always holds the median.
  if (timing.ci_low_s > timing.median_s || timing.median_s > timing.ci_high_s) {
    fail(`${path}`, 'must have ci_low_s ≤ median_s ≤ ci_high_s', [timing.ci_low_s, timing.median_s, timing.ci_high_s]);
  }
  number(`${path}.ci_level`, timing.ci_level, { above: 0, max: 1 });
  number(`${path}.count`, timing.count, { min: 1, whole: true });
  number(`${path}.batch`, timing.batch, { min: 1, whole: true });
}

function validateCheck(path, check) {
  object(path, check);
  boolean(`${path}.passed`, check.passed);
  for (const name of ['max_abs_err', 'max_rel_err', 'tolerance']) number(`${path}.${name}`, check[name], { min: 0, nullable: true });
  object(`${path}.metrics`, check.metrics);
  for (const [name, value] of Object.entries(check.metrics)) number(`${path}.metrics.${name}`, value, { nullable: true });
}

// A rate must be what its count and the median give, as the lab computes it.
function consistentRate(path, rate, count, median) {
  const expected = (count / median) * 1e-9;
  if (Math.abs(rate - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
    fail(path, `must equal its count divided by the median time (${shown(expected)})`, rate);
  }
}

function validateMeasurement(path, m) {
  object(path, m);
  date(`${path}.at`, m.at);
  if (m.lesson !== null) string(`${path}.lesson`, m.lesson);
  object(`${path}.request`, m.request);
  const result = object(`${path}.result`, m.result);
  if (result.status !== 'ok') fail(`${path}.result.status`, 'must be "ok": a report holds timed runs only', result.status);
  string(`${path}.result.kernel`, result.kernel);
  if (m.request.kernel !== result.kernel)
    fail(`${path}.request.kernel`, `must name the kernel of its result, ${shown(result.kernel)}`, m.request.kernel);
  string(`${path}.result.lesson`, result.lesson);
  const shape = object(`${path}.result.shape`, result.shape);
  for (const name of ['m', 'k', 'block']) number(`${path}.result.shape.${name}`, shape[name], { min: 0, max: MAX_DIMENSION, whole: true });
  number(`${path}.result.shape.n`, shape.n, { min: 1, max: MAX_DIMENSION, whole: true });
  number(`${path}.result.shape.threads`, shape.threads, { min: 1, max: 4096, whole: true });
  number(`${path}.result.flops`, result.flops, { min: 0 });
  number(`${path}.result.bytes`, result.bytes, { min: 0 });
  validateTiming(`${path}.result.timing`, result.timing);
  number(`${path}.result.gflops`, result.gflops, { min: 0 });
  number(`${path}.result.gbps`, result.gbps, { min: 0 });
  consistentRate(`${path}.result.gflops`, result.gflops, result.flops, result.timing.median_s);
  consistentRate(`${path}.result.gbps`, result.gbps, result.bytes, result.timing.median_s);
  validateCheck(`${path}.result.check`, result.check);
}

// The report in `text`, checked whole; throws a ReportError saying what is wrong.
export function parseReport(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new FieldError(`This file is not JSON: ${error.message}`);
  }
  if (!isObject(report) || report.format !== REPORT_FORMAT) {
    throw new FieldError(
      `This file is not a Kernel Lab report: its "format" is ${shown(isObject(report) ? report.format : report)}, not "${REPORT_FORMAT}".`,
    );
  }
  if (report.version !== REPORT_VERSION) {
    throw new FieldError(
      `This report is version ${shown(report.version)}; this page reads version ${REPORT_VERSION}` +
        `${typeof report.version === 'number' && report.version > REPORT_VERSION ? ': it was written by a newer Kernel Lab' : ''}.`,
    );
  }
  date('created', report.created);
  validateMachine('machine', report.machine);
  if (!Array.isArray(report.measurements)) fail('measurements', 'must be a list', report.measurements);
  report.measurements.forEach((m, i) => validateMeasurement(`measurements[${i}]`, m));
  return report;
}
