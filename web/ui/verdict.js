// The verdicts every lesson can give before it judges anything: no prediction
// was made, or the one typed is not a speedup. A verdict is {text, tone}.
import { parseNumber } from './form.js';

export const NO_PREDICTION = 'You made no prediction.';

// facts: what the run measured, said either way.
export const noPrediction = (facts) => ({ text: `${NO_PREDICTION} ${facts}`, tone: 'neutral' });

// A speedup as typed, "3" or "3×" (or "3x"), as a number: NaN if it is none.
const parseSpeedup = (text) => parseNumber(text.replace(/\s*[x×]$/i, ''));

// {guess} when the prediction is a positive speedup, else {verdict} saying why
// it cannot be judged; example: a speedup the message offers, such as 3.
export function readSpeedup(prediction, facts, example) {
  if (!prediction) return { verdict: noPrediction(facts) };
  const guess = parseSpeedup(prediction);
  if (!(guess > 0))
    return { verdict: { text: `“${prediction}” is not a speedup, such as ${example} or ${example}×. ${facts}`, tone: 'neutral' } };
  return { guess };
}
