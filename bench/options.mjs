// The command line of `npm run bench`. Every value is checked here, before
// anything runs, so a typo costs one message instead of minutes of measuring.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const TARGETS = ['native', 'wasm'];

export const USAGE = `usage: node bench/run.mjs [options]
  --kernels=a,b          catalog kernels (and openblas_sgemm) to run; default: all
  --sizes=256,512        square sizes N for matrix kernels; default: 256,512, and 1024 as well
                         for kernels that take threads (threads pay off on large problems), and
                         each size and thread count a target in bench/targets.mjs compares
  --lengths=1048576      lengths n for vector kernels (ReLU, GELU); default: 1048576,16777216
                         (16777216 floats outgrow every cache, where fusion pays most; the
                         roofline's probes run at their own: 2^26 updates, a 2^25 triad)
  --blocks=16,32,64,128  block sizes for blocked kernels (those larger than N are skipped)
  --threads=1,max        thread counts for kernels that take threads (the others run on one);
                         max is all the target has: navigator.hardwareConcurrency in the
                         browser, the hardware threads natively
  --min-time=0.5         seconds spent measuring each kernel, size, block and thread count, per target
  --targets=native,wasm  where to run; default: both
  --out=PATH             default: bench/results/latest.json`;

// Thrown for anything the user typed wrong; run.mjs exits with status 2 on it.
export class UsageError extends Error {}

// The largest thread count a target has, in --threads.
export const MAX_THREADS = 'max';

const DEFAULTS = {
  kernels: null, // null: every kernel each target has
  sizes: null, // null: bench/plan.mjs picks them, by whether a kernel takes threads
  lengths: [1048576, 16777216],
  blocks: [16, 32, 64, 128],
  threads: [1, MAX_THREADS],
  minTime: 0.5,
  targets: TARGETS,
  out: fileURLToPath(new URL('./results/latest.json', import.meta.url)),
  help: false,
};

function list(name, text) {
  const items = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value.`);
  return items;
}

function positiveIntegers(name, text) {
  return list(name, text).map((item) => {
    if (!/^\d+$/.test(item) || Number(item) < 1) throw new UsageError(`--${name}: "${item}" is not a positive whole number.`);
    return Number(item);
  });
}

function threadCounts(text) {
  return list('threads', text).map((item) => {
    if (item === MAX_THREADS) return item;
    if (!/^\d+$/.test(item) || Number(item) < 1)
      throw new UsageError(`--threads: "${item}" is neither a positive whole number nor "${MAX_THREADS}".`);
    return Number(item);
  });
}

function positiveSeconds(name, text) {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw new UsageError(`--${name}: "${text}" is not a positive number of seconds.`);
  return value;
}

function targets(text) {
  const chosen = list('targets', text);
  const unknown = chosen.filter((t) => !TARGETS.includes(t));
  if (unknown.length) throw new UsageError(`--targets: unknown ${unknown.join(', ')}; choose from ${TARGETS.join(', ')}.`);
  return chosen;
}

export function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        kernels: { type: 'string' },
        sizes: { type: 'string' },
        lengths: { type: 'string' },
        blocks: { type: 'string' },
        threads: { type: 'string' },
        'min-time': { type: 'string' },
        targets: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  return {
    kernels: values.kernels === undefined ? DEFAULTS.kernels : list('kernels', values.kernels),
    sizes: values.sizes === undefined ? DEFAULTS.sizes : positiveIntegers('sizes', values.sizes),
    lengths: values.lengths === undefined ? DEFAULTS.lengths : positiveIntegers('lengths', values.lengths),
    blocks: values.blocks === undefined ? DEFAULTS.blocks : positiveIntegers('blocks', values.blocks),
    threads: values.threads === undefined ? DEFAULTS.threads : threadCounts(values.threads),
    minTime: values['min-time'] === undefined ? DEFAULTS.minTime : positiveSeconds('min-time', values['min-time']),
    targets: values.targets === undefined ? DEFAULTS.targets : targets(values.targets),
    out: values.out ?? DEFAULTS.out,
    help: values.help ?? DEFAULTS.help,
  };
}
