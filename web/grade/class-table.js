// The class table of the #/grade page, as data: a row per submission, and
// per exercise its state and its speedup over the reference as regraded on
// this machine, what the student's file claimed, and the lesson's first
// prediction. The page draws it and the CSV writes it from this one model, so
// the two cannot disagree. Pure: no DOM.
import { csvField } from '../report/report-csv.js';
import { STATES, stateLabel } from './grade-state.js';

const stateRank = (state) => STATES.indexOf(state);

// A claimed ratio this far from the regraded one, either way, is flagged.
// The same two kernels keep their ratio roughly across machines, so a claim
// off by half again is worth a look; this is a threshold chosen, not measured.
export const FAR_FACTOR = 1.5;

const TONE_TEXT = { right: 'right', wrong: 'wrong', neutral: 'not judged' };

// Three significant digits, and no exponent for a ratio of a thousand or more.
export const times = (value) => `${value >= 1000 ? Math.round(value) : value.toPrecision(3)}×`;

// What a regrade left for one exercise: a GradeRecord, or {error} when the grader failed.
function stateCell(regraded) {
  if (!regraded) return { text: 'not regraded', value: '', tone: 'pending' };
  if (regraded.error) return { text: `error: ${regraded.error}`, value: `error: ${regraded.error}`, tone: 'error' };
  return { text: stateLabel(regraded.state), value: stateLabel(regraded.state), tone: regraded.state };
}

function speedupCell(regraded) {
  const ratio = regraded?.bar?.ratio ?? null;
  if (ratio === null) return { text: '—', value: '', title: regraded?.bar?.message };
  const { reference, ratio_needed: needed } = regraded.bar;
  return { text: times(ratio), value: ratio, title: `Its rate over ${reference}'s, timed here; the bar is ${times(needed)}` };
}

// The file's own state and ratio, flagged when they outdo the regrade.
function claimCell(claimed, regraded) {
  if (!claimed) return { text: '—', value: '' };
  const ratio = claimed.bar?.ratio ?? null;
  const parts = [stateLabel(claimed.state), ratio === null ? null : times(ratio)].filter(Boolean);
  const measured = regraded && !regraded.error ? regraded : null;
  const flags = [];
  if (measured && stateRank(claimed.state) > stateRank(measured.state)) flags.push(`regraded ${stateLabel(measured.state)}`);
  const against = measured?.bar?.ratio ?? null;
  if (ratio !== null && against !== null && (ratio > against * FAR_FACTOR || ratio < against / FAR_FACTOR))
    flags.push(`far from the regraded ${times(against)}`);
  const text = [parts.join(', '), ...flags.map((flag) => `⚠ ${flag}`)].join('; ');
  return { text, value: text, flagged: flags.length > 0 };
}

function predictionCell(prediction) {
  const first = prediction?.first;
  if (!first) return { text: '—', value: '' };
  if (first.value === '') return { text: 'none before the first Run', value: '' };
  const text = `${first.value} (${first.verdict ? TONE_TEXT[first.verdict.tone] : 'no verdict'})`;
  return { text, value: text, title: first.verdict?.text, tone: first.verdict?.tone };
}

// exercises: the catalog's exercise kernels; title(kernel): the name a column group shows.
export function classColumns(exercises, title) {
  return [
    { id: 'student', label: 'Student' },
    { id: 'file', label: 'File' },
    ...exercises.flatMap((kernel) => [
      { id: `${kernel.name}.state`, label: 'State', group: kernel, groupTitle: title(kernel) },
      { id: `${kernel.name}.speedup`, label: 'Speedup here', group: kernel, numeric: true },
      { id: `${kernel.name}.claimed`, label: 'Student’s claim', group: kernel },
      { id: `${kernel.name}.prediction`, label: 'First prediction', group: kernel },
    ]),
  ];
}

// rows: [{file, submission, regraded: Map(exercise name → record)}] → a row of cells per submission.
export function classRows(rows, exercises) {
  return rows.map(({ file, submission, regraded }) => {
    const cells = { student: { text: submission.student, value: submission.student }, file: { text: file, value: file } };
    for (const kernel of exercises) {
      const entry = submission.exercises.find((e) => e.name === kernel.name);
      const record = regraded.get(kernel.name);
      cells[`${kernel.name}.state`] = stateCell(record);
      cells[`${kernel.name}.speedup`] = speedupCell(record);
      cells[`${kernel.name}.claimed`] = claimCell(entry?.grade, record);
      cells[`${kernel.name}.prediction`] = predictionCell(entry?.prediction);
    }
    return cells;
  });
}

// The table as CSV: a header of column ids, then each row's values, a ratio at full precision.
export function classCsv(columns, cellRows) {
  const lines = [columns.map((c) => c.id), ...cellRows.map((cells) => columns.map((c) => cells[c.id].value))];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The submissions ranked by their regraded ratio for one exercise, fastest
// first; those with no ratio (not timed, or not regraded) are left out.
export function leaderboard(rows, exercise) {
  return rows
    .map(({ submission, file, regraded }) => ({ student: submission.student, file, record: regraded.get(exercise) }))
    .filter(({ record }) => typeof record?.bar?.ratio === 'number')
    .sort((a, b) => b.record.bar.ratio - a.record.bar.ratio)
    .map((entry, i) => ({ rank: i + 1, ...entry }));
}
