// The lab report's data model, without a browser: the JSON format round-trips
// exactly and refuses every malformed file with a message naming the field;
// CSV quotes what it must; runs match across machines by kernel, shape, block
// and threads; the summary groups panel runs under their kernel's lesson.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeMachine,
  parseReport,
  serializeReport,
  ReportError,
  REPORT_FORMAT,
  REPORT_VERSION,
} from '../../web/report/report-format.js';
import { CSV_HEADER, csvField, measurementsCsv } from '../../web/report/report-csv.js';
import { compareMeasurements, matchKey } from '../../web/report/report-compare.js';
import { groupByLesson, rateOf, summarize } from '../../web/report/report-summary.js';
import { parseCsv } from './csv.mjs';

const MACHINE = describeMachine({
  catalog: {
    build: { simd: true, simd_name: 'wasm SIMD128', max_threads: 2 },
    clock: { name: 'performance.now()', resolution_s: 5e-6 },
    memory_bytes: 479199232,
  },
  build: { module: 'kernel_lab', threads: true },
  hardwareConcurrency: 2,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) "quoted", with commas',
  crossOriginIsolated: true,
});

// A run result as the lab writes it, its rates computed as the C++ computes them.
function measurement({
  kernel = 'f32_matmul_4x8_wasmsimd',
  lesson = 'threads',
  resultLesson = 'vectorization',
  m = 64,
  n = 64,
  k = 64,
  block = 64,
  threads = 1,
  median = 2e-5,
  flops = 2 * m * n * k,
  bytes = 4 * (m * k + k * n + m * n),
  passed = true,
  metrics = {},
} = {}) {
  return {
    at: '2026-11-21T03:12:50.123Z',
    lesson,
    request: { kernel, m, n, k, block, threads, min_time_s: 0.05 },
    result: {
      status: 'ok',
      target: 'wasm',
      kernel,
      lesson: resultLesson,
      shape: { m, n, k, block, threads },
      flops,
      bytes,
      gflops: (flops / median) * 1e-9,
      gbps: (bytes / median) * 1e-9,
      timing: {
        median_s: median,
        mean_s: median,
        stddev_s: 0,
        min_s: median * 0.9,
        max_s: median * 1.2,
        ci_low_s: median * 0.95,
        ci_high_s: median * 1.05,
        ci_level: 0.96,
        count: 40,
        batch: 8,
        warmup_calls: 3,
        first_call_s: median * 3,
        total_s: 0.05,
        clock: 'performance.now()',
        resolution_s: 5e-6,
        samples_s: [median, median * 1.1],
      },
      check: { passed, max_abs_err: 2.5e-6, max_rel_err: 1.4e-7, tolerance: 3.8e-6, metrics },
    },
  };
}

const report = (measurements) => ({ created: '2026-11-21T03:15:00.000Z', machine: MACHINE, measurements });

test('a report serializes to the documented format and parses back to the very same object and text', () => {
  const measurements = [
    measurement(),
    measurement({
      kernel: 'f32_relu_scalar',
      lesson: null,
      resultLesson: 'vectorization',
      m: 1,
      n: 4099,
      k: 1,
      block: 0,
      flops: 4099,
      bytes: 8 * 4099,
    }),
    measurement({ metrics: { scale: 0.0123, 'bits lost': 3 } }),
  ];
  const text = serializeReport(report(measurements));
  const parsed = parseReport(text);
  assert.equal(parsed.format, REPORT_FORMAT);
  assert.equal(parsed.version, REPORT_VERSION);
  assert.deepEqual(parsed.machine, MACHINE);
  assert.deepEqual(parsed.measurements, measurements);
  assert.equal(serializeReport(parsed), text);
});

test('the machine description says which build ran, its clock, and what the browser reported', () => {
  assert.deepEqual(MACHINE.build, { module: 'kernel_lab', simd: true, simd_name: 'wasm SIMD128', threads: true, max_threads: 2 });
  assert.deepEqual(MACHINE.clock, { name: 'performance.now()', resolution_s: 5e-6 });
  assert.equal(MACHINE.hardware_concurrency, 2);
  assert.equal(MACHINE.cross_origin_isolated, true);
  const unknown = describeMachine({
    catalog: { build: {}, clock: {} },
    build: {},
    hardwareConcurrency: undefined,
    userAgent: '',
    crossOriginIsolated: false,
  });
  assert.equal(unknown.hardware_concurrency, null);
});

test('what the lab writes as null (an unbounded error, an unreported thread count) is accepted', () => {
  const m = measurement();
  m.result.check.max_rel_err = null;
  m.result.check.tolerance = null;
  m.result.check.metrics = { worst: null };
  const r = report([m]);
  r.machine = { ...MACHINE, hardware_concurrency: null };
  assert.deepEqual(parseReport(serializeReport(r)).measurements, [m]);
  assert.deepEqual(parseReport(serializeReport(report([]))).measurements, []);
});

// Each bad file: how it is broken, and what the message must say.
const BROKEN = [
  ['not JSON', () => '{"format": "kernel-lab-report",', /^This file is not JSON/],
  ['JSON but not an object', () => '[1, 2]', /not a Kernel Lab report/],
  ['another format', (r) => ({ ...r, format: 'something-else' }), /not a Kernel Lab report: its "format" is "something-else"/],
  ['a newer version', (r) => ({ ...r, version: 2 }), /version 2; this page reads version 1: it was written by a newer Kernel Lab/],
  ['a version as text', (r) => ({ ...r, version: '1' }), /version "1"; this page reads version 1\.$/],
  ['no date', (r) => ({ ...r, created: undefined }), /^created must be a date .*\(it is missing\)/],
  ['a date that is not one', (r) => ({ ...r, created: 'yesterday' }), /^created must be a date/],
  ['no machine', (r) => ({ ...r, machine: undefined }), /^machine must be an object/],
  ['a machine with no clock', (r) => ({ ...r, machine: { ...r.machine, clock: undefined } }), /^machine\.clock must be an object/],
  [
    'a clock resolution of 0',
    (r) => ({ ...r, machine: { ...r.machine, clock: { name: 'x', resolution_s: 0 } } }),
    /^machine\.clock\.resolution_s must be a number above 0/,
  ],
  ['measurements not a list', (r) => ({ ...r, measurements: {} }), /^measurements must be a list/],
  [
    'a run that is not ok',
    (r) =>
      edit(r, (m) => {
        m.result.status = 'invalid';
      }),
    /^measurements\[1\]\.result\.status must be "ok"/,
  ],
  [
    'a negative median',
    (r) =>
      edit(r, (m) => {
        m.result.timing.median_s = -1;
      }),
    /^measurements\[1\]\.result\.timing\.median_s must be a number above 0 .*\(it is -1\)/,
  ],
  [
    'a median outside its interval',
    (r) =>
      edit(r, (m) => {
        m.result.timing.ci_low_s = 1;
        m.result.timing.ci_high_s = 2;
      }),
    /ci_low_s ≤ median_s ≤ ci_high_s/,
  ],
  [
    'a median as text',
    (r) =>
      edit(r, (m) => {
        m.result.timing.median_s = '2e-5';
      }),
    /median_s must be a number.*\(it is "2e-5"\)/,
  ],
  [
    'no samples',
    (r) =>
      edit(r, (m) => {
        m.result.timing.count = 0;
      }),
    /timing\.count must be a whole number at least 1/,
  ],
  [
    'a length of 0',
    (r) =>
      edit(r, (m) => {
        m.result.shape.n = 0;
      }),
    /shape\.n must be a whole number at least 1/,
  ],
  [
    'a fractional size',
    (r) =>
      edit(r, (m) => {
        m.result.shape.m = 6.5;
      }),
    /shape\.m must be a whole number/,
  ],
  [
    'an absurd size',
    (r) =>
      edit(r, (m) => {
        m.result.shape.k = 1e12;
      }),
    /shape\.k must be a whole number at least 0 and at most 2147483648/,
  ],
  [
    '0 threads',
    (r) =>
      edit(r, (m) => {
        m.result.shape.threads = 0;
      }),
    /shape\.threads must be a whole number at least 1/,
  ],
  [
    'GFLOP/s that do not follow from the time',
    (r) =>
      edit(r, (m) => {
        m.result.gflops *= 10;
      }),
    /result\.gflops must equal its count divided by the median time/,
  ],
  [
    'GB/s that do not follow from the time',
    (r) =>
      edit(r, (m) => {
        m.result.gbps = 1e9;
      }),
    /result\.gbps must equal/,
  ],
  [
    'a request for another kernel',
    (r) =>
      edit(r, (m) => {
        m.request.kernel = 'f32_relu_scalar';
      }),
    /request\.kernel must name the kernel of its result/,
  ],
  [
    'a check without its verdict',
    (r) =>
      edit(r, (m) => {
        m.result.check.passed = 'yes';
      }),
    /check\.passed must be true or false/,
  ],
  [
    'a metric as text',
    (r) =>
      edit(r, (m) => {
        m.result.check.metrics.scale = 'big';
      }),
    /check\.metrics\.scale must be a number/,
  ],
  [
    'a negative error',
    (r) =>
      edit(r, (m) => {
        m.result.check.max_abs_err = -1;
      }),
    /check\.max_abs_err must be a number at least 0/,
  ],
  [
    'a run with no date',
    (r) =>
      edit(r, (m) => {
        delete m.at;
      }),
    /^measurements\[1\]\.at must be a date/,
  ],
  [
    'a lesson that is a number',
    (r) =>
      edit(r, (m) => {
        m.lesson = 4;
      }),
    /^measurements\[1\]\.lesson must be a non-empty string/,
  ],
];

// The second measurement of the report, changed by `change`.
function edit(r, change) {
  const copy = structuredClone(r);
  change(copy.measurements[1]);
  return copy;
}

test('a malformed report is refused with a message naming what is wrong', () => {
  const good = JSON.parse(serializeReport(report([measurement(), measurement({ threads: 2, median: 1.1e-5 })])));
  for (const [what, breakIt, message] of BROKEN) {
    const broken = breakIt(structuredClone(good));
    const text = typeof broken === 'string' ? broken : JSON.stringify(broken);
    assert.throws(
      () => parseReport(text),
      (error) => error instanceof ReportError && message.test(error.message),
      what,
    );
  }
  assert.throws(() => parseReport(''), ReportError);
  assert.throws(() => parseReport('null'), /not a Kernel Lab report/);
});

test('CSV: a header, one row per measurement, every field quoted as it must be', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(0), '0');
  assert.equal(csvField(false), 'false');

  const measurements = [
    measurement({ metrics: { 'odd, "name"': 0.5, unbounded: null } }),
    measurement({ lesson: null, resultLesson: 'quantization', threads: 2, median: 1e-5, passed: false }),
  ];
  measurements[0].result.check.max_rel_err = null;
  const text = measurementsCsv(measurements);
  assert.ok(text.endsWith('\r\n'));
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], CSV_HEADER);
  assert.equal(rows.length, 1 + measurements.length);
  const at = (row, name) => rows[row][CSV_HEADER.indexOf(name)];
  for (const row of rows) assert.equal(row.length, CSV_HEADER.length);
  assert.equal(at(1, 'kernel'), 'f32_matmul_4x8_wasmsimd');
  assert.equal(Number(at(1, 'median_s')), 2e-5);
  assert.equal(Number(at(1, 'gflops')), measurements[0].result.gflops, 'full precision');
  assert.equal(at(1, 'max_rel_err'), '', 'null is an empty field');
  assert.equal(at(1, 'check_metrics'), 'odd, "name"=0.5; unbounded=');
  assert.equal(at(1, 'lesson'), 'threads');
  assert.equal(at(2, 'lesson'), 'quantization', 'a panel run is filed under its kernel’s lesson');
  assert.equal(at(2, 'threads'), '2');
  assert.equal(at(2, 'check_passed'), 'false');
  assert.equal(measurementsCsv([]), `${CSV_HEADER.join(',')}\r\n`);
});

test('comparison: runs match by kernel, shape, block and threads; the latest of repeats stands; the rest is listed per side', () => {
  const here = [
    measurement({ median: 4e-5 }),
    measurement({ median: 2e-5 }), // a repeat: the latest stands
    measurement({ threads: 2, median: 1e-5 }),
    measurement({ n: 65, median: 3e-5 }),
  ];
  const there = [measurement({ median: 6e-5 }), measurement({ threads: 2, median: 5e-6 }), measurement({ block: 32, median: 1e-5 })];
  const { matched, onlyHere, onlyThere } = compareMeasurements(here, there);
  assert.deepEqual(
    matched.map((p) => p.key),
    ['f32_matmul_4x8_wasmsimd|64|64|64|64|1', 'f32_matmul_4x8_wasmsimd|64|64|64|64|2'],
  );
  assert.equal(matched[0].here, here[1]);
  assert.equal(matched[0].runsHere, 2);
  assert.ok(Math.abs(matched[0].ratio - 3) < 1e-12, 'three times as fast here');
  assert.ok(Math.abs(matched[1].ratio - 0.5) < 1e-12, 'half as fast here');
  assert.deepEqual(onlyHere, [here[3]]);
  assert.deepEqual(onlyThere, [there[2]]);
  assert.equal(matchKey(here[3]), 'f32_matmul_4x8_wasmsimd|64|65|64|64|1');
});

test('comparison with its own export: everything matches, every ratio exactly 1', () => {
  const measurements = [
    measurement(),
    measurement({ threads: 2, median: 1.3e-5 }),
    measurement({ kernel: 'f32_relu_scalar', m: 1, n: 7, k: 1, block: 0, median: 3e-8 }),
  ];
  const imported = parseReport(serializeReport(report(measurements))).measurements;
  const { matched, onlyHere, onlyThere } = compareMeasurements(measurements, imported);
  assert.equal(matched.length, 3);
  assert.deepEqual(
    matched.map((p) => p.ratio),
    [1, 1, 1],
  );
  assert.deepEqual([onlyHere, onlyThere], [[], []]);
  assert.deepEqual(compareMeasurements([], imported).onlyThere, imported);
});

test('summary: lessons in teaching order, panel runs under their kernel’s lesson, the best rate per operation', () => {
  const order = ['measuring', 'vectorization', 'threads', 'quantization'];
  const runs = [
    measurement({ lesson: 'threads', median: 2e-5 }),
    measurement({
      lesson: null,
      resultLesson: 'quantization',
      kernel: 'f32_quantize_i8',
      m: 1,
      n: 100,
      k: 1,
      block: 0,
      flops: 0,
      bytes: 500,
      median: 1e-7,
    }),
    measurement({ lesson: 'threads', threads: 2, median: 1e-5, passed: false }),
    measurement({ lesson: 'vectorization', median: 4e-5 }),
    measurement({ lesson: 'unknown-lesson', median: 4e-5 }),
  ];
  assert.deepEqual(
    groupByLesson(runs, order).map((g) => [g.lesson, g.measurements.length]),
    [
      ['vectorization', 1],
      ['threads', 2],
      ['quantization', 1],
      ['unknown-lesson', 1],
    ],
  );
  const operationOf = (name) => (name.startsWith('f32_matmul') ? 'f32_matmul' : name);
  const summary = summarize(runs, order, operationOf);
  assert.equal(summary.runs, 5);
  assert.equal(summary.kernels, 2);
  assert.equal(summary.failed, 1);
  assert.deepEqual(summary.lessons, ['vectorization', 'threads', 'quantization', 'unknown-lesson']);
  const best = Object.fromEntries(summary.best.map((b) => [b.operation, b]));
  assert.equal(best.f32_matmul.measurement, runs[2]);
  assert.equal(best.f32_quantize_i8.rate.unit, 'GB/s', 'no FLOPs: ranked by GB/s');
  assert.deepEqual(rateOf(runs[0]), { value: runs[0].result.gflops, unit: 'GFLOP/s' });
  assert.deepEqual(summarize([], order, operationOf), { runs: 0, kernels: 0, lessons: [], failed: 0, best: [] });
});
