// The instructor's page, #/grade: import a class's submission files (from the
// lab report's Export submission), regrade every exercise of every one on this
// machine, and read the class table, its CSV and a leaderboard per exercise.
// A file's own figures are shown only as the student's claim, beside what was
// measured here. Not a lesson: it has no number.
import { el, scrollRegion, setChildren } from '../ui/dom.js';
import { compilerHandle } from '../ui/compiler-handle.js';
import { bytes, seconds } from '../ui/format.js';
import { downloadText } from '../ui/download.js';
import { exerciseKernels, parseSubmission } from './submission-format.js';
import { regradeClass } from './regrade.js';
import { classColumns, classCsv, classRows, leaderboard, times } from './class-table.js';
import { stateLabel } from './grade-state.js';
import { classTable } from './class-table-view.js';

const PAGE = { id: 'grade', title: 'Grade submissions' };

// A submission holds at most a few sources of 64 KiB each; a file this large is none.
const MAX_FILE_BYTES = 4 * 2 ** 20;

class GradePage {
  constructor(session, lessons) {
    this.session = session;
    this.lessons = lessons;
    this.exercises = exerciseKernels(session.catalog);
    this.rows = []; // [{file, text, submission, regraded: Map(exercise → record)}]
    this.busy = false;
    this.cancelled = false;
    this.runner = { id: PAGE.id, title: PAGE.title, lesson: PAGE.id };

    const button = (action, label, onclick, extra = {}) =>
      el('button', { type: 'button', class: 'button', 'data-action': action, onclick, ...extra }, label);
    this.fileInput = el('input', {
      type: 'file',
      id: 'grade-import',
      class: 'visually-hidden',
      multiple: true,
      accept: '.json,application/json',
      'data-import': '',
      onchange: () => this.importFiles([...this.fileInput.files]),
    });
    this.regradeButton = button('regrade', 'Regrade on this machine', () => this.regrade(), { class: 'button primary' });
    this.cancelButton = button('cancel-regrade', 'Cancel', () => this.cancel(), { disabled: true });
    this.csvButton = button('export-class-csv', 'Export CSV', () => this.exportCsv());
    this.clearButton = button('clear-class', 'Remove all', () => this.clear(), { class: 'button quiet' });
    this.loaded = el('p', { class: 'grade-loaded', 'data-loaded': '', 'aria-live': 'polite' });
    this.refusals = el('div', { class: 'form-error', role: 'alert', 'data-refused': '', hidden: true });
    this.progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Progress of the regrade' });
    this.line = el('p', { class: 'run-line', 'data-grade-line': '', 'aria-live': 'polite' });
    this.outcome = el('p', { class: 'form-error', role: 'alert', 'data-grade-outcome': '', hidden: true });
    this.table = el('div', { 'data-class-table': '' });
    this.boardChoice = el(
      'select',
      { id: 'leaderboard-exercise', 'data-leaderboard-exercise': '', onchange: () => this.showLeaderboard() },
      this.exercises.map((kernel) => el('option', { value: kernel.name }, this.exerciseTitle(kernel))),
    );
    this.board = el('div', { 'data-leaderboard': '' });
    this.section = this.layout();
    this.acceptDrops();
    this.refresh();
  }

  // "1 · Loops: your loops", from the lesson registry and the catalog.
  exerciseTitle(kernel) {
    const lesson = this.lessons.find((l) => l.id === kernel.lesson);
    return lesson ? `${lesson.number} · ${lesson.title}: ${kernel.title}` : kernel.title;
  }

  layout() {
    return el(
      'section',
      { class: 'lesson grade', 'data-lesson-view': PAGE.id, hidden: true, 'aria-labelledby': 'grade-title' },
      el(
        'header',
        { class: 'lesson-head' },
        el('p', { class: 'eyebrow' }, 'For instructors'),
        el('h1', { id: 'grade-title' }, PAGE.title),
        el(
          'p',
          { class: 'lead' },
          'Import the submission files your students exported from their lab report, then regrade them here: every exercise is compiled from the student’s source, checked and timed against its reference on this machine. ',
          'The figures in a file are shown only as the student’s claim.',
        ),
      ),
      el(
        'div',
        { class: 'card grade-actions', 'data-grade-actions': '' },
        el('h2', {}, 'Submissions'),
        el(
          'p',
          { class: 'report-intro' },
          'Choose any number of submission files at once, or drop them on this page. A file that is not a whole, untouched submission is refused with the field it failed on; the others load.',
        ),
        el(
          'div',
          { class: 'buttons' },
          el('label', { for: 'grade-import', class: 'button', 'data-action': 'import' }, 'Choose submission files…'),
          this.fileInput,
          this.regradeButton,
          this.cancelButton,
          this.csvButton,
          this.clearButton,
        ),
        this.loaded,
        this.refusals,
        this.progress,
        this.line,
        this.outcome,
      ),
      el('div', { class: 'card' }, el('h2', {}, 'Class'), this.table),
      el(
        'div',
        { class: 'card' },
        el('h2', {}, 'Leaderboard'),
        el(
          'div',
          { class: 'field leaderboard-field' },
          el('label', { for: 'leaderboard-exercise' }, 'Exercise'),
          this.boardChoice,
          el(
            'p',
            { class: 'hint' },
            'Students ranked by their kernel’s rate over the reference’s, both timed on this machine by the regrade.',
          ),
        ),
        this.board,
      ),
    );
  }

  // Reads and checks every file whole; a refused one changes nothing.
  async importFiles(files) {
    if (this.busy || files.length === 0) return;
    this.fileInput.value = ''; // so choosing the same files again reads them again
    const refused = [];
    for (const file of files) {
      const text = file.size > MAX_FILE_BYTES ? null : await file.text();
      const parsed = text === null ? null : parseSubmission(text, this.session.catalog);
      const same = this.rows.find((row) => row.text === text);
      if (text === null) refused.push({ file: file.name, error: `it is ${bytes(file.size)}, far larger than any submission.` });
      else if (!parsed.ok) refused.push({ file: file.name, field: parsed.field, error: parsed.error });
      else if (same) refused.push({ file: file.name, error: `it is the same file as ${same.file}, already loaded.` });
      else this.rows.push({ file: file.name, text, submission: parsed.submission, regraded: new Map() });
    }
    this.showRefusals(refused);
    this.refresh();
  }

  showRefusals(refused) {
    setChildren(
      this.refusals,
      refused.length
        ? [
            el(
              'p',
              {},
              `${refused.length} file${refused.length === 1 ? ' was' : 's were'} refused; nothing of ${refused.length === 1 ? 'it' : 'them'} was loaded:`,
            ),
            el(
              'ul',
              {},
              refused.map(({ file, field, error }) =>
                el(
                  'li',
                  { 'data-refused-file': file, 'data-refused-field': field ?? '' },
                  el('strong', {}, file),
                  field ? [' failed on ', el('code', {}, field), ': '] : ': ',
                  // The message starts with the field it names, which is already said.
                  field && error.startsWith(`${field} `) ? error.slice(field.length + 1) : error,
                ),
              ),
            ),
          ]
        : [],
    );
    this.refusals.hidden = refused.length === 0;
  }

  // The table, the leaderboard and which controls apply, from the rows.
  refresh() {
    const count = this.rows.length;
    this.loaded.textContent = count ? `${count} submission${count === 1 ? '' : 's'} loaded.` : 'No submission loaded yet.';
    this.regradeButton.disabled = this.busy || count === 0;
    this.csvButton.disabled = count === 0;
    this.clearButton.disabled = this.busy || count === 0;
    this.fileInput.disabled = this.busy;
    this.cancelButton.disabled = !this.busy;
    const columns = this.columns();
    const old = this.table.querySelector('.table-scroll');
    const [left, focused] = [old?.scrollLeft ?? 0, old !== null && old === document.activeElement];
    this.table.replaceChildren(
      count
        ? scrollRegion('Class table', classTable(columns, classRows(this.rows, this.exercises)))
        : el('p', { class: 'empty' }, 'Import submission files to fill this table.'),
    );
    // Each regraded exercise redraws the table: where the reader was stays put.
    const region = this.table.querySelector('.table-scroll');
    if (region) region.scrollLeft = left;
    if (region && focused) region.focus();
    this.showLeaderboard();
  }

  columns() {
    return classColumns(this.exercises, (kernel) => this.exerciseTitle(kernel));
  }

  showLeaderboard() {
    const ranked = leaderboard(this.rows, this.boardChoice.value);
    const unranked = this.rows.length - ranked.length;
    const table = el(
      'table',
      { class: 'results leaderboard' },
      el('caption', { class: 'visually-hidden' }, `Leaderboard: ${this.boardChoice.selectedOptions[0]?.textContent ?? ''}`),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['Rank', 'Student', 'Speedup here', 'State'].map((label) => el('th', { scope: 'col' }, label)),
        ),
      ),
      el(
        'tbody',
        {},
        ranked.map(({ rank, student, record }) =>
          el(
            'tr',
            { 'data-rank': rank },
            el('td', { class: 'num' }, String(rank)),
            el('th', { scope: 'row' }, student),
            el('td', { class: 'num' }, times(record.bar.ratio)),
            el('td', {}, stateLabel(record.state)),
          ),
        ),
      ),
    );
    setChildren(
      this.board,
      ranked.length ? scrollRegion('Leaderboard', table) : null,
      el(
        'p',
        { class: 'table-note' },
        ranked.length === 0
          ? 'No kernel of this exercise has been timed here yet: regrade the class first.'
          : unranked
            ? `${unranked} submission${unranked === 1 ? ' has' : 's have'} no time here for this exercise (not regraded, not started, or not correct).`
            : null,
      ),
    );
  }

  async regrade() {
    if (this.busy || this.rows.length === 0) return;
    if (!this.session.claim(this.runner)) {
      this.say(`The ${this.session.runner.title} lesson is running; wait for it or cancel it there, then regrade.`);
      return;
    }
    this.cancelled = false;
    this.cancelling = new Promise((resolve) => (this.stopWaiting = resolve));
    this.setBusy(true);
    this.say(null);
    for (const row of this.rows) row.regraded.clear();
    this.refresh();
    const started = performance.now();
    let outcome = null;
    try {
      outcome = await this.regradeSteps();
      if (outcome === 'cancelled')
        this.say('Regrade cancelled. The exercises regraded before it are in the table; the rest say “not regraded”.');
    } catch (error) {
      this.say(`The regrade stopped: ${error.message}`);
    } finally {
      this.compiler = null;
      this.setBusy(false);
      this.session.release(this.runner);
    }
    const count = this.rows.length;
    if (outcome === 'done')
      this.line.textContent = `Regraded ${count} submission${count === 1 ? '' : 's'} in ${seconds((performance.now() - started) / 1000)}.`;
  }

  async regradeSteps() {
    this.progressTo(0, 'Loading the grader and the compiler…');
    const loading = Promise.all([
      import('./grade-exercise.js'),
      compilerHandle({
        onProgress: ({ received, total }) =>
          this.progressTo(0, `Downloading the compiler: ${bytes(received)}${total ? ` of ${bytes(total)}` : ''}…`),
      }),
    ]);
    const loaded = await Promise.race([loading, this.cancelling]);
    if (this.cancelled) return 'cancelled';
    const [{ gradeExercise }, { client }] = loaded;
    this.compiler = client;
    return regradeClass({
      rows: this.rows,
      exercises: this.exercises,
      title: (kernel) => this.exerciseTitle(kernel),
      grade: ({ submission, kernel, entry, onProgress }) =>
        gradeExercise({
          session: this.session,
          compiler: client,
          exercise: kernel,
          source: entry.source,
          flags: entry.compiler.flags,
          label: `${submission.student.trim()}, ${kernel.title}`,
          onProgress,
          cancelled: () => this.cancelled,
        }),
      onRecord: (row, name, record) => {
        row.regraded.set(name, record);
        this.refresh();
      },
      onProgress: (fraction, text) => this.progressTo(fraction, text),
      cancelled: () => this.cancelled,
    });
  }

  // Stops the step under way (a compile, or the lab's run) and every one after it.
  cancel() {
    if (!this.busy) return;
    this.cancelled = true;
    this.stopWaiting();
    this.compiler?.cancel();
    this.session.lab.cancel();
  }

  exportCsv() {
    const text = classCsv(this.columns(), classRows(this.rows, this.exercises));
    downloadText(text, `kernel-lab-class-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`, 'text/csv');
  }

  clear() {
    if (this.busy) return;
    this.rows = [];
    this.showRefusals([]);
    this.say(null);
    this.refresh();
  }

  say(message) {
    this.outcome.textContent = message ?? '';
    this.outcome.hidden = !message;
  }

  progressTo(fraction, text) {
    this.progress.value = fraction;
    this.line.textContent = text;
  }

  setBusy(busy) {
    this.busy = busy;
    this.section.dataset.busy = String(busy);
    this.progress.hidden = !busy;
    if (!busy) this.line.textContent = '';
    this.refresh();
  }

  // Submission files dropped anywhere on the page are imported as if chosen.
  acceptDrops() {
    const hasFile = (event) => event.dataTransfer?.types.includes('Files');
    this.section.addEventListener('dragover', (event) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      this.section.classList.add('dropping');
    });
    this.section.addEventListener('dragleave', (event) => {
      if (!this.section.contains(event.relatedTarget)) this.section.classList.remove('dropping');
    });
    this.section.addEventListener('drop', (event) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      this.section.classList.remove('dropping');
      this.importFiles([...event.dataTransfer.files]);
    });
  }
}

export default {
  ...PAGE,
  // lessons: the registry's lessons, for the exercises' titles.
  mount(session, { lessons }) {
    return new GradePage(session, lessons).section;
  },
};
