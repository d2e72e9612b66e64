// Regrades a class on this machine: every exercise of every submission is
// compiled from its source and flags, checked and timed by grade (the
// grading pipeline, grade-exercise.js), one after the other. Nothing the file
// measured is used. An exercise with no source is not started, and is not
// compiled.
//
// grade({submission, kernel, entry}) → {record} runs one; onRecord(row, name,
// record) after each; onProgress(fraction, text) as it goes; cancelled() is
// asked before each step. Resolves 'done' or 'cancelled'.
const abortedRecord = (record) => record?.check?.status === 'cancelled';

export const notStarted = (name) => ({
  exercise: name,
  state: 'not_started',
  at: new Date().toISOString(),
  compile: null,
  check: null,
  bar: null,
  simd: null,
});

export async function regradeClass({ rows, exercises, grade, title, onRecord, onProgress, cancelled }) {
  const total = rows.length * exercises.length;
  for (const [i, row] of rows.entries()) {
    for (const [j, kernel] of exercises.entries()) {
      if (cancelled()) return 'cancelled';
      const done = i * exercises.length + j;
      const where = `Student ${i + 1} of ${rows.length} (${row.submission.student.trim()}), exercise ${j + 1} of ${exercises.length}: ${title(kernel)}`;
      onProgress(done / total, where);
      const entry = row.submission.exercises.find((e) => e.name === kernel.name);
      if (!entry?.source) {
        onRecord(row, kernel.name, notStarted(kernel.name));
        continue;
      }
      let record;
      try {
        ({ record } = await grade({
          submission: row.submission,
          kernel,
          entry,
          onProgress: (fraction, text) => onProgress((done + fraction) / total, `${where}: ${text}`),
        }));
      } catch (error) {
        if (error.name === 'AbortError' || cancelled()) return 'cancelled';
        record = { error: error.message };
      }
      if (abortedRecord(record) || cancelled()) return 'cancelled';
      onRecord(row, kernel.name, record);
    }
  }
  onProgress(1, `Regraded ${rows.length} submission${rows.length === 1 ? '' : 's'}.`);
  return 'done';
}
