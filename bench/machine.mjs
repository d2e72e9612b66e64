// What the numbers were measured on: without it, a GFLOP/s figure means little.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function readOr(path, fallback) {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return fallback;
  }
}

async function cpuModel() {
  const cpuinfo = await readOr('/proc/cpuinfo', '');
  return /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? null;
}

async function osName() {
  const release = await readOr('/etc/os-release', '');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  return `${pretty ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`;
}

// The compiler a build directory was configured with, as `--version` names it.
async function compiler(buildDir) {
  const cache = await readOr(`${ROOT}build/${buildDir}/CMakeCache.txt`, '');
  const path = /^CMAKE_CXX_COMPILER:\w+=(.*)$/m.exec(cache)?.[1];
  if (!path) return null;
  try {
    const { stdout } = await promisify(execFile)(path, ['--version']);
    return stdout.split('\n')[0];
  } catch {
    return path;
  }
}

// The share of all CPUs that was busy over a short window, from /proc/stat's
// cumulative counters; null where there is no /proc/stat. Called while the
// benchmark itself is idle, it tells whether other processes would compete.
export async function busyFraction(windowMs = 500) {
  const sample = async () => {
    const fields = /^cpu\s+(.*)$/m
      .exec(await readOr('/proc/stat', ''))?.[1]
      .split(/\s+/)
      .map(Number);
    if (!fields) return null;
    const [, , , idle, iowait] = fields; // user nice system idle iowait irq softirq steal ...
    return { total: fields.reduce((a, b) => a + b, 0), idle: idle + iowait };
  };
  const before = await sample();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = await sample();
  if (!before || !after || after.total === before.total) return null;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

// native: {catalog, context} (context is Google Benchmark's); wasm: {catalog, browser}.
// Either is null when that target did not run.
export async function describeMachine({ native, wasm, loadAverage, busyBeforeStart }) {
  return {
    date: new Date().toISOString(),
    cpu: await cpuModel(),
    logical_cores: os.cpus().length,
    memory_bytes: os.totalmem(),
    os: await osName(),
    load_average_at_start: loadAverage,
    cpu_busy_before_start: busyBeforeStart,
    node: process.version,
    native: native && {
      compiler: await compiler('native'),
      clock: native.catalog.clock,
      mhz_per_cpu: native.context.mhz_per_cpu,
      cpu_scaling_enabled: native.context.cpu_scaling_enabled,
      caches: native.context.caches,
      benchmark_library_build_type: native.context.library_build_type,
    },
    wasm: wasm && {
      compiler: await compiler('wasm'),
      clock: wasm.catalog.clock,
      memory_bytes: wasm.catalog.memory_bytes,
      ...wasm.browser,
    },
  };
}
