// Checks for a file the page reads back (a lab report, a submission): each
// takes the path of the value in the file, such as `exercises[2].source`, and
// throws a FieldError that names it and says what the value should be. Pure:
// no DOM.

// field: the path of the value at fault, or null when the fault is the whole file.
export class FieldError extends Error {
  constructor(message, field = null) {
    super(message);
    this.field = field;
  }
}

export const shown = (value) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

export function fail(path, rule, value) {
  throw new FieldError(`${path} ${rule} (it is ${value === undefined ? 'missing' : shown(value)}).`, path);
}

export const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

export function object(path, v) {
  if (!isObject(v)) fail(path, 'must be an object', v);
  return v;
}

export function list(path, v, { max = Infinity } = {}) {
  if (!Array.isArray(v)) fail(path, 'must be a list', v);
  if (v.length > max) fail(path, `must hold at most ${max} entries`, `${v.length} entries`);
  return v;
}

export function string(path, v) {
  if (typeof v !== 'string' || v === '') fail(path, 'must be a non-empty string', v);
}

export function boolean(path, v) {
  if (typeof v !== 'boolean') fail(path, 'must be true or false', v);
}

export function date(path, v) {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) fail(path, 'must be a date such as 2026-01-31T12:00:00.000Z', v);
}

// One of `values`, each a string.
export function oneOf(path, v, values) {
  if (!values.includes(v)) fail(path, `must be one of ${values.map((value) => `"${value}"`).join(', ')}`, v);
}

// A finite number within [min, max]; whole numbers only when asked. The lab
// writes non-finite values (an error with no bound) as null, so `nullable`
// admits null. JSON.parse reads 1e999 as Infinity, which no check lets through.
export function number(path, v, { min = -Infinity, max = Infinity, whole = false, nullable = false, above } = {}) {
  if (v === null && nullable) return;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    v >= min &&
    v <= max &&
    (above === undefined || v > above) &&
    (!whole || Number.isInteger(v));
  if (ok) return;
  const lower = above !== undefined ? `above ${above}` : Number.isFinite(min) ? `at least ${min}` : null;
  const upper = Number.isFinite(max) ? `at most ${max}` : null;
  const range = [lower, upper].filter(Boolean).join(' and ');
  fail(path, `must be a ${whole ? 'whole ' : ''}number${range ? ` ${range}` : ''}`, v);
}
