// What a grading found, in the code panel: the exercise's state, and the two
// checks beyond a right answer, each with the figures it was decided on:
// the performance bar's measured ratio (both times per call, and each
// round's ratio, whose spread shows the noise) and the SIMD instructions
// counted in the hot loop.
import { el } from './dom.js';
import { ratio, seconds } from './format.js';
import { stateLabel } from '../grade/grade-state.js';

// Times per call, not rates: a reference may count bytes its own way (the
// unfused GELU's passes), and the ratio is of times, for the same work.
function barLine(bar, session) {
  const reference = session.kernel(bar.reference)?.title ?? bar.reference;
  if (bar.ratio === null) return bar.message ?? 'The bar was not measured.';
  const rounds = bar.rounds.map((r) => ratio(r)).join(', ');
  return (
    `Measured: yours ${seconds(bar.student.median_s)} a call, ${reference} ${seconds(bar.reference_timing.median_s)} ` +
    `(the medians of ${bar.student.runs} runs each). In ${bar.rounds.length} interleaved rounds yours ran ${rounds} as fast; ` +
    `the bar takes their median: yours ran ${ratio(bar.ratio)} as fast, and the bar is ${bar.ratio_needed}×: ` +
    (bar.passed ? 'cleared.' : `missed by ${ratio(bar.ratio_needed / bar.ratio)}.`)
  );
}

function simdLine(simd) {
  return simd.passed
    ? `Its hot loop holds ${simd.v128} SIMD128 instruction${simd.v128 === 1 ? '' : 's'}, as the exercise asks.`
    : 'Its hot loop holds no SIMD128 (v128) instruction: this exercise asks for one. Right, but scalar: write it with the intrinsics (and keep SIMD128 on in the flags).';
}

// record: a GradeRecord that got past the check (grade-exercise.js).
export function gradeSummary(record, session) {
  const tone = record.state === 'fast' ? 'right' : 'wrong';
  return el(
    'div',
    { class: `verdict verdict-${tone}`, 'data-grade': record.state },
    el('p', {}, el('strong', {}, `Status: ${stateLabel(record.state)}.`)),
    el(
      'ul',
      {},
      record.simd ? el('li', { 'data-simd-line': '' }, simdLine(record.simd)) : null,
      record.bar ? el('li', { 'data-bar-line': '' }, barLine(record.bar, session)) : null,
    ),
  );
}
