// A comparison in words, the same on the page and in the bench: what was
// measured (the median of the rounds' ratios and its interval), the verdict,
// and the machine's drift beside it when there was any worth saying.
import { DRIFT_REFUSE, DRIFT_WIDEN } from './ab-stats.js';

const times = (v) => `${v.toPrecision(3)}×`;
const pct = (v) => `${(100 * v).toFixed(v < 0.1 ? 1 : 0)}%`;

export const VERDICT_WORDS = {
  faster: 'faster',
  slower: 'slower',
  same: 'no difference this machine can show',
  refused: 'no verdict: the machine’s own speed changed too much during the run',
  too_few: 'too few rounds for a verdict',
};

// "1.52× (1.41×–1.60×, 97% interval of 8 rounds)".
export function intervalText(c) {
  if (c.low === null) return `${times(c.ratio)} (${c.rounds} rounds, too few for an interval)`;
  return `${times(c.ratio)} (${times(c.low)}–${times(c.high)}, ${pct(c.level)} interval of ${c.rounds} rounds)`;
}

// One sentence on the drift reference, or '' when none was measured.
export function driftText(drift) {
  if (!drift || drift.change === null) return '';
  const change = `the reference kernel's speed varied by ${pct(drift.change)} over the comparison`;
  if (drift.refused) return `Drift: ${change}, more than the ${pct(DRIFT_REFUSE)} a verdict can stand.`;
  if (drift.widened) return `Drift: ${change}, so the interval was widened by that much each way.`;
  return `Drift: ${change}, within the ${pct(DRIFT_WIDEN)} that leaves the interval as measured.`;
}

// "A ran 1.52× as fast as B (…): faster." plus the drift sentence.
export function comparisonText(c, aName, bName) {
  const verdict = VERDICT_WORDS[c.verdict];
  return [`${aName} ran ${intervalText(c)} as fast as ${bName}: ${verdict}.`, driftText(c.drift)].filter(Boolean).join(' ');
}
