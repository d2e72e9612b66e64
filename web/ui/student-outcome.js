// What a code panel says when a student's kernel does not make it to the
// table: a compile or link refusal, a wrong result, a trap, a cancel. Each
// message says what happened, where, and what to do; none of them means
// that anything measured before is lost.
import { scientific } from './format.js';

const KEPT = 'The lab keeps working, and every result measured before is kept.';

// A check shape in the words of its operation: "N = 7" for a vector, "M × N × K = 7 × 5 × 3, block 4" for a product.
export function shapeText(operation, { m, n, k, block }) {
  const size = operation?.shape === 'vector' || m === undefined ? `N = ${n}` : `M × N × K = ${m} × ${n} × ${k}`;
  return block > 0 ? `${size}, block ${block}` : size;
}

// The compiler's refusal: {kind, message, diagnostics}, where diagnostics are
// only those on the student's file's lines (diagnostic-list.js, inStudentFile):
// the count says how many are marked in the editor.
export function compileMessage({ kind, message, diagnostics = [] }) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  switch (kind) {
    case 'compile':
      return errors
        ? `It did not compile: ${errors} error${errors === 1 ? '' : 's'}, marked on ${errors === 1 ? 'its line' : 'their lines'} in the editor and listed below.`
        : `It did not compile: ${message}`;
    case 'link':
      return (
        `It compiled, but could not be linked: ${message} ` +
        'A kernel runs in a module of its own, without the C library: it may not allocate memory (malloc, new) or print (printf), ' +
        'and may call only what its file defines, the SIMD intrinsics and the functions of <cmath>. The lab hands it every buffer it needs.'
      );
    case 'too-large':
    case 'timeout':
      return `Refused: ${message}`;
    case 'cancelled':
      return 'Compile cancelled.';
    case 'load':
      return `The compiler could not load: ${message} Nothing else on the page depends on it.`;
    default:
      return message;
  }
}

// A value from the check: JSON has no NaN or infinity, so the lab sends those as null.
const checkValue = (v) => (v === null ? 'NaN or infinity (an element never written, or 0/0)' : String(v));

// Where a check failed first, with the check fields the lab reports: the
// output and element (index, or row and column), its expected and actual
// value, and the largest errors against the tolerance.
function wrongDetail(check) {
  const bad = check.first_bad;
  const element = bad ? (bad.row !== undefined ? `${bad.output}[${bad.row}][${bad.column}]` : `${bad.output}[${bad.index}]`) : null;
  const values = bad ? `: expected ${checkValue(bad.expected)}, got ${checkValue(bad.actual)}` : '';
  const errors = `largest relative error ${scientific(check.max_rel_err)} > tolerance ${scientific(check.tolerance)}, largest absolute error ${scientific(check.max_abs_err)}`;
  return element ? `element ${element}${values} (${errors})` : errors;
}

// outcome: what checkAtEveryShape resolved with, not passed; operation: the kernel's catalog operation.
export function checkMessage(outcome, operation) {
  const { status, shape, index, count, result } = outcome;
  const where = `at ${shapeText(operation, shape)} (size ${index + 1} of the ${count} sizes its test checks)`;
  switch (status) {
    case 'wrong':
      return `Wrong result ${where}: ${wrongDetail(result.check)}. It was not timed: a speed means nothing until the output is right.`;
    case 'failed':
      return `Your kernel failed ${where}: ${result.error} ${KEPT}`;
    case 'not_implemented':
      return 'Your kernel still returns KernelStatus::not_implemented: write its loops, then return KernelStatus::done.';
    case 'cancelled':
      return `Cancelled while checking ${where}. ${KEPT}`;
    default:
      return `The check stopped ${where}: ${result.error}`;
  }
}

// A timed run that did not finish: {outcome, error}, as runSweep resolves.
export function timingMessage({ outcome, error }) {
  if (outcome === 'cancelled') return `Timing cancelled. ${KEPT}`;
  if (outcome === 'failed') return `Your kernel failed while it was timed: ${error} ${KEPT}`;
  return `The timing stopped: ${error}`;
}
