// The command line of `npm run bench`. Every value is checked here, before
// anything runs, so a typo costs one message instead of minutes of measuring.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const TARGETS = ['native', 'wasm'];

export const USAGE = `usage: node bench/run.mjs [options]
  --kernels=a,b          catalog kernels (and openblas_sgemm) to run; default: all
  --sizes=256,512        square sizes N; default: 256,512
  --blocks=16,32,64,128  block sizes for blocked kernels (those larger than N are skipped)
  --min-time=0.5         seconds spent measuring each kernel, size and block, per target
  --targets=native,wasm  where to run; default: both
  --out=PATH             default: bench/results/latest.json`;

// Thrown for anything the user typed wrong; run.mjs exits with status 2 on it.
export class UsageError extends Error {}

const DEFAULTS = {
  kernels: null, // null: every kernel each target has
  sizes: [256, 512],
  blocks: [16, 32, 64, 128],
  minTime: 0.5,
  targets: TARGETS,
  out: fileURLToPath(new URL('./results/latest.json', import.meta.url)),
  help: false,
};

function list(name, text) {
  const items = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value.`);
  return items;
}

function positiveIntegers(name, text) {
  return list(name, text).map((item) => {
    if (!/^\d+$/.test(item) || Number(item) < 1)
      throw new UsageError(`--${name}: "${item}" is not a positive whole number.`);
    return Number(item);
  });
}

function positiveSeconds(name, text) {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0))
    throw new UsageError(`--${name}: "${text}" is not a positive number of seconds.`);
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
        blocks: { type: 'string' },
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
    blocks: values.blocks === undefined ? DEFAULTS.blocks : positiveIntegers('blocks', values.blocks),
    minTime: values['min-time'] === undefined ? DEFAULTS.minTime : positiveSeconds('min-time', values['min-time']),
    targets: values.targets === undefined ? DEFAULTS.targets : targets(values.targets),
    out: values.out ?? DEFAULTS.out,
    help: values.help ?? DEFAULTS.help,
  };
}
