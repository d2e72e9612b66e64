// The Measuring lesson's section on comparing two kernels: why two medians
// taken minutes apart mislead, interleaved A/B rounds, the sign test's
// interval of the median of the rounds' ratios, the verdict and drift, each
// told with the student's own two comparisons: a real difference (the SIMD128
// ReLU against the scalar one) and an A/A test (one kernel against itself).
import { el } from '../ui/dom.js';
import { abComparePanel } from '../ui/ab-compare-panel.js';
import { percent, ratio } from '../ui/format.js';
import { DRIFT_REFUSE, DRIFT_WIDEN } from '../measure/ab-stats.js';
import { VERDICT_WORDS } from '../measure/ab-text.js';

const RUNNER = 'Measuring: A/B comparison';
// 2^16 floats, 256 KiB: each run is short, so a round spans little drift.
const RELU_N = 2 ** 16;
const relu = (variant) => ({ query: { role: 'elementwise', operation: 'f32_relu', variant }, size: RELU_N });
export const MEASURING_PAIRS = {
  real: { a: relu('simd128'), b: relu('scalar') },
  same: { a: relu('simd128'), b: relu('simd128') },
};

function prose() {
  return el(
    'div',
    { class: 'prose' },
    el('h2', {}, 'Comparing two kernels'),
    el(
      'p',
      {},
      'A speedup divides one kernel’s time by another’s. Timed one after the other, minutes apart, the two medians also differ by whatever the machine did in between: a laptop’s turbo fades as it heats, a background task wakes, the power plan changes. That drift lands in the ratio, and nothing in two medians tells it apart from the kernels’ real difference.',
    ),
    el('h3', {}, 'Interleave'),
    el(
      'p',
      {},
      'So the lab alternates. One round runs A, B, B, A, the next B, A, A, B, each run short. Within a round both kernels meet nearly the same machine, and a speed that drifts steadily through the round hurts the first and last runs as much as the middle two. Each round gives one ratio: A’s speed over B’s, from that round’s own runs. Between the rounds a short reference kernel, the mul+add ceiling probe (the textbook matmul in the build without SIMD), is timed again, to measure the drift itself.',
    ),
    el('h3', {}, 'The median of the rounds, and its interval'),
    el(
      'p',
      {},
      'The comparison is the median of the rounds’ ratios. Its interval comes from the sign test: sort the ratios, and take the k-th smallest and the k-th largest. Each round lands above the true median or below it with even odds, so how many land below is a coin-flip count, and the binomial distribution gives exactly how likely the true median is to lie outside that pair. Nothing is assumed about the noise: timings are skewed and have long tails, and the test does not care. The lab picks the largest k whose pair still covers the median with at least 95%; with fewer than 6 rounds no pair does.',
    ),
    el('h3', {}, 'The verdict'),
    el(
      'p',
      {},
      'When the whole interval lies above 1, A is faster; below 1, slower. When it contains 1, the verdict is “',
      VERDICT_WORDS.same,
      '”: not that the kernels are equal, but that any difference is smaller than what this machine’s noise lets these rounds resolve.',
    ),
    el('h3', {}, 'Drift'),
    el(
      'p',
      {},
      `The reference kernel’s fastest run over its slowest says how much the machine itself changed during the comparison. One short run can be off by a few percent on its own, so each run is first replaced by the median of it and its two neighbours: only a change that lasts counts. Above ${percent(DRIFT_WIDEN, 0)}, the interval is widened by that much each way, since one side may have been measured on a faster machine than the other; above ${percent(DRIFT_REFUSE, 0)}, there is no verdict. Run the two comparisons below: first a real difference, then one kernel against itself, an A/A test, which should find none.`,
    ),
  );
}

// What the two comparisons showed, from their numbers.
function notesOf(results) {
  const notes = [];
  const { real, same } = results;
  if (real) {
    const c = real.result.comparison;
    notes.push(
      `${real.names.a} against ${real.names.b}: ${ratio(c.ratio)}, verdict “${VERDICT_WORDS[c.verdict]}”` +
        (c.verdict === 'refused'
          ? `: the drift reference changed by ${percent(c.drift.change)} during the comparison, more than a verdict can stand.`
          : c.low === null
            ? '.'
            : `, since the interval (${ratio(c.low)}–${ratio(c.high)}) ${c.low > 1 ? 'lies wholly above 1' : c.high < 1 ? 'lies wholly below 1' : 'contains 1'}.`),
    );
  }
  if (same) {
    const c = same.result.comparison;
    const contains = c.low !== null && c.low <= 1 && c.high >= 1;
    notes.push(
      c.low === null
        ? `The A/A test ran too few rounds for an interval (${ratio(c.ratio)}).`
        : contains
          ? `The A/A test gave ${ratio(c.ratio)} (${ratio(c.low)}–${ratio(c.high)}): its interval contains 1, as it should for one kernel against itself.`
          : `The A/A test gave ${ratio(c.ratio)} (${ratio(c.low)}–${ratio(c.high)}): its interval misses 1, although both sides ran the same kernel. With a ${percent(c.level, 1)} interval that happens in ${percent(1 - c.level, 1)} of honest comparisons; more often than that, it means drift or noise the rounds did not cancel. Run it again.`,
    );
  }
  for (const { result } of [real, same].filter(Boolean)) {
    const drift = result.comparison.drift;
    if (drift?.change === null || drift === null) continue;
    notes.push(
      `During one comparison the reference kernel’s speed varied by ${percent(drift.change)}: a ratio of two medians timed at such different moments could be off by about as much, while each round compared runs taken moments apart.`,
    );
    break;
  }
  return notes;
}

export function measuringAbSection(session) {
  const results = {};
  const notes = el('ul', { 'data-ab-notes': '' });
  const notesBlock = el('div', { class: 'notes', hidden: true }, el('h3', {}, 'What your comparisons show'), notes);
  const panel = (key, heading, intro) =>
    abComparePanel(session, {
      id: `measuring-ab-${key}`,
      lesson: 'measuring',
      title: RUNNER,
      heading,
      intro: el('p', {}, intro),
      pair: MEASURING_PAIRS[key],
      onResult(result, names) {
        if (result) results[key] = { result, names };
        const shown = notesOf(results);
        notes.replaceChildren(...shown.map((note) => el('li', {}, note)));
        notesBlock.hidden = shown.length === 0;
      },
    });
  const real = panel('real', 'A real difference', 'The SIMD128 ReLU against the scalar ReLU, on the same floats.');
  const same = panel('same', 'An A/A test', 'The SIMD128 ReLU against itself: whatever difference this finds, the machine made.');
  return el('div', { class: 'card', 'data-section': 'measuring-ab' }, prose(), real.element, same.element, notesBlock);
}
