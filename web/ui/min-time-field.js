// The input every lesson times for: the least time each kernel and size is
// sampled. Its one name is what C++'s `min_time` field is mapped back to
// (refusal-field.js) and what a lesson's plan reads (values.min_time_s).
export const MIN_TIME_INPUT = 'min_time_s';

// value: the seconds it starts at, as typed; hint: what the time is spent on.
export const minTimeField = (value, hint) => ({ name: MIN_TIME_INPUT, label: 'Minimum time (s)', kind: 'number', value, hint });
