// Regrades a class on this machine: every exercise of every submission is
// compiled from its source and flags, checked and timed by grade (the
// grading pipeline, grade-exercise.js), one after the other. Nothing the file
// measured is used. An exercise with no source is not started, and is not
// compiled.
//
// grade({submission, kernel, entry}) → {record, cancelled?} runs one; onRecord(row, name,
// record) after each; onProgress(fraction, text) as it goes; cancelled() is
// asked before each step. Resolves 'done' or 'cancelled'.
const aborted = (record) =>
  record?.check?.status === 'cancelled' || record?.bar?.status === 'cancelled' || record?.compile?.status === 'cancelled';

const notStarted = (name) => ({
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
      let result;
      try {
        result = await grade({
          submission: row.submission,
          kernel,
          entry,
          onProgress: (fraction, text) => onProgress((done + fraction) / total, `${where}: ${text}`),
        });
      } catch (error) {
        if (error.name === 'AbortError' || cancelled()) return 'cancelled';
        result = { record: { error: error.message } };
      }
      // A grade cut short by Cancel is no grade: it is left out, not shown as a failure.
      if (result.cancelled || aborted(result.record) || cancelled()) return 'cancelled';
      onRecord(row, kernel.name, result.record);
    }
  }
  onProgress(1, `Regraded ${rows.length} submission${rows.length === 1 ? '' : 's'}.`);
  return 'done';
}
