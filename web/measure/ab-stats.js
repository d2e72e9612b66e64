// The statistics of an interleaved A/B comparison, free of any assumption
// about how timings are distributed (they are skewed, with long tails, and
// a laptop's turbo makes them drift). Each round of A, B, B, A gives one
// ratio; the comparison is the median of those ratios, with the interval the
// sign test gives for a median: the k-th smallest to the k-th largest ratio.
// Whatever the distribution of the rounds, the true median lies outside that
// interval with a chance of at most 2 P(Binomial(n, 1/2) < k).

// Above this change in the machine's own speed during a comparison, the
// interval is widened by the change; above the second, no verdict is given.
export const DRIFT_WIDEN = 0.1;
export const DRIFT_REFUSE = 0.25;

// The middle value of numbers (the mean of the two middle ones for an even count).
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// P(X <= j) for X ~ Binomial(n, 1/2).
function binomialAtMost(n, j) {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= j; i += 1) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

// The interval of the median of `values` at `confidence` or more: {median,
// low, high, level, k}, where low and high are the k-th smallest and largest
// values and level the interval's exact coverage. With too few values for the
// confidence asked (fewer than 6 for 95%), low and high are null.
export function medianInterval(values, confidence = 0.95) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const alpha = 1 - confidence;
  let k = 0;
  while (k + 1 <= n / 2 && 2 * binomialAtMost(n, k) <= alpha) k += 1;
  const m = n ? median(sorted) : null;
  if (k === 0) return { median: m, low: null, high: null, level: null, k: 0, n };
  return { median: m, low: sorted[k - 1], high: sorted[n - k], level: 1 - 2 * binomialAtMost(n, k - 1), k, n };
}

// The machine's drift over a comparison, from the rates of one short reference
// kernel measured before, between and after the rounds: the fastest over the
// slowest, less one (0.2: it ran 20% faster at one time than at another).
// Each reference run is short, so one run alone can be off by several percent
// without the machine changing at all: with five or more runs, each is first
// replaced by the median of itself and its two neighbours, so only a change
// that lasts more than one run counts as drift.
export function driftOf(referenceRates) {
  const rates = referenceRates.filter((r) => Number.isFinite(r) && r > 0);
  if (rates.length < 2) return { change: null, rates, widened: false, refused: false };
  const smoothed = rates.length >= 5 ? rates.slice(1, -1).map((_, i) => median(rates.slice(i, i + 3))) : rates;
  const change = Math.max(...smoothed) / Math.min(...smoothed) - 1;
  return { change, rates, widened: change > DRIFT_WIDEN, refused: change > DRIFT_REFUSE };
}

// The verdict on per-round ratios of A's speed over B's (above 1: A faster),
// given the drift measured around them (driftOf; null when none was measured).
// A drift above DRIFT_WIDEN widens the interval by that factor each way, since
// a side measured while the machine was that much faster or slower may be off
// by as much; above DRIFT_REFUSE the verdict is 'refused'. Otherwise: 'faster'
// when the whole interval is above 1, 'slower' when below, else 'same' (no
// difference this machine can show).
export function compareRatios(ratios, drift = null, confidence = 0.95) {
  const interval = medianInterval(ratios, confidence);
  const widen = drift?.widened ? 1 + drift.change : 1;
  const low = interval.low === null ? null : interval.low / widen;
  const high = interval.high === null ? null : interval.high * widen;
  let verdict;
  if (drift?.refused) verdict = 'refused';
  else if (low === null) verdict = 'too_few';
  else if (low > 1) verdict = 'faster';
  else if (high < 1) verdict = 'slower';
  else verdict = 'same';
  return { ratio: interval.median, low, high, level: interval.level, rounds: ratios.length, widened_by: widen, verdict, drift };
}

// Where an interval lies against a goal: 'above' (all of it at or above),
// 'below' (all of it below) or 'straddles'.
export function againstGoal({ low, high }, goal) {
  if (low !== null && low >= goal) return 'above';
  if (high !== null && high < goal) return 'below';
  return 'straddles';
}
