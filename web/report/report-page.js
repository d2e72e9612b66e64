// The lab report: every run the student timed this session, live, grouped by
// lesson, with the machine it ran on; exported as JSON (report-format.js) or
// CSV, printed, or compared with another machine's exported JSON.
// Not a lesson: it has no number and runs nothing of its own.
import { el } from '../ui/dom.js';
import { ResultsTable } from '../ui/results-table.js';
import { ratio } from '../ui/format.js';
import { downloadText } from '../ui/download.js';
import { describeMachine, parseReport, serializeReport } from './report-format.js';
import { measurementsCsv } from './report-csv.js';
import { submissionCard } from './submission-export.js';
import { compareMeasurements } from './report-compare.js';
import { reportLesson, summarize } from './report-summary.js';
import { geometricMean, machineFacts, matchedColumns, runColumns, summaryView, unmatchedColumns } from './report-views.js';

const PAGE = { id: 'report', title: 'Lab report' };

// A report of this page's own making is far smaller (2000 samples per run at
// most); anything this large is not one, and reading it would only stall the page.
const MAX_FILE_BYTES = 64 * 2 ** 20;

// An entry as ResultsTable's columns read it.
const entryOf = (measurement) => ({ result: measurement.result, results: [measurement.result] });

function tableOf(columns, measurements, caption) {
  const table = new ResultsTable(columns, { caption });
  for (const m of measurements) table.add(entryOf(m));
  return table.element;
}

// The runs of earlier visits, kept by the progress store: apart from this
// session's, marked as such, and left out of the summary and the exports.
function earlierCard(measurements, columns) {
  if (measurements.length === 0) return null;
  const table = new ResultsTable(columns, { caption: 'Runs of earlier visits' });
  for (const m of measurements) table.add({ ...entryOf(m), earlier: true });
  const [first, last] = [measurements[0].at, measurements.at(-1).at].map((at) => new Date(at).toLocaleString());
  return el(
    'div',
    { class: 'card', 'data-report-earlier': '' },
    el('h2', {}, 'From earlier visits'),
    el(
      'p',
      { class: 'earlier-note' },
      `Restored from this browser's saved progress: ${measurements.length} runs timed from ${first} to ${last} by this same build, `,
      'not in this page load. They are not in the summary or the exports above; Reset progress, at the top, forgets them.',
    ),
    table.element,
  );
}

class ReportPage {
  constructor(session, lessons) {
    this.session = session;
    this.lessons = lessons;
    this.order = lessons.map((lesson) => lesson.id);
    this.groups = new Map(); // lesson id → {element, table}
    this.other = null; // the imported report, once one was read

    const button = (action, label, onclick) => el('button', { type: 'button', class: 'button', 'data-action': action, onclick }, label);
    this.exportJson = button('export-json', 'Export JSON', () => this.download('json'));
    this.exportCsv = button('export-csv', 'Export CSV', () => this.download('csv'));
    this.fileInput = el('input', {
      type: 'file',
      id: 'report-import',
      class: 'visually-hidden',
      accept: '.json,application/json',
      'data-import': '',
      onchange: () => this.importFile(this.fileInput.files[0]),
    });
    this.alert = el('p', { class: 'form-error', role: 'alert', 'data-error': '', hidden: true });
    this.machine = el('div');
    this.summary = el('div', { 'data-summary': '' });
    this.empty = el(
      'p',
      { class: 'empty', 'data-report-empty': '' },
      'Nothing has been timed yet. Run any lesson: each run it times appears here, under that lesson.',
    );
    this.runs = el('div', { class: 'report-groups', 'data-report-runs': '' });
    this.comparison = el('div', { class: 'card', 'data-compare': '', hidden: true });
    this.earlier = earlierCard(session.progress?.earlierMeasurements() ?? [], runColumns(session));
    this.section = this.layout(button);

    session.addEventListener('measurement', ({ detail }) => this.add(detail));
    for (const measurement of session.measurements) this.add(measurement);
    this.refresh();
    this.acceptDrops();
  }

  layout(button) {
    return el(
      'section',
      { class: 'lesson report', 'data-lesson-view': PAGE.id, hidden: true, 'aria-labelledby': 'report-title' },
      el(
        'header',
        { class: 'lesson-head' },
        el('p', { class: 'eyebrow' }, 'Your measurements'),
        el('h1', { id: 'report-title' }, PAGE.title),
        el(
          'p',
          { class: 'lead' },
          'Every run you timed in this session, on this machine, grouped by lesson. Export it to keep it, print it, or compare it with a report exported on another machine.',
        ),
      ),
      el(
        'div',
        { class: 'card report-actions', 'data-report-actions': '' },
        el('h2', {}, 'Keep and compare'),
        el(
          'p',
          { class: 'report-intro' },
          'JSON keeps every figure, samples included, and can be compared here later; CSV opens in a spreadsheet. ',
          'To compare, open the lab on the other machine, run the same kernels at the same sizes, export its JSON, and import that file here (or drop it on this page).',
        ),
        el(
          'div',
          { class: 'buttons' },
          this.exportJson,
          this.exportCsv,
          button('print', 'Print', () => window.print()),
          el('label', { for: 'report-import', class: 'button', 'data-action': 'import' }, 'Import JSON to compare…'),
          this.fileInput,
        ),
        this.alert,
      ),
      submissionCard(this.session, () => this.machineNow()),
      el('div', { class: 'card' }, el('h2', {}, 'This machine'), this.machine),
      el('div', { class: 'card' }, el('h2', {}, 'Summary'), this.summary),
      this.comparison,
      this.empty,
      this.runs,
      this.earlier,
    );
  }

  lessonTitle(id) {
    const lesson = this.lessons.find((l) => l.id === id);
    return lesson ? `${lesson.number} · ${lesson.title}` : id;
  }

  add(measurement) {
    const lesson = reportLesson(measurement);
    if (!this.groups.has(lesson)) this.groups.set(lesson, this.group(lesson));
    this.groups.get(lesson).table.add(entryOf(measurement));
    this.refresh();
  }

  // A lesson's card, placed among the others in teaching order.
  group(lesson) {
    const table = new ResultsTable(runColumns(this.session), { caption: `${this.lessonTitle(lesson)}: runs` });
    const element = el(
      'div',
      { class: 'card', 'data-report-lesson': lesson },
      el('h2', {}, `Lesson ${this.lessonTitle(lesson)}`),
      table.element,
    );
    const rank = (id) => (this.order.includes(id) ? this.order.indexOf(id) : this.order.length);
    const next = [...this.runs.children].find((card) => rank(card.dataset.reportLesson) > rank(lesson));
    this.runs.insertBefore(element, next ?? null);
    return { element, table };
  }

  refresh() {
    const { measurements, catalog } = this.session;
    const none = measurements.length === 0;
    this.empty.hidden = !none;
    this.exportJson.disabled = none;
    this.exportCsv.disabled = none;
    this.machine.replaceChildren(machineFacts(this.machineNow(), new Date().toISOString(), { 'data-machine': '' }));
    const operationOf = (name) => catalog.kernels.find((k) => k.name === name)?.operation ?? name;
    this.summary.replaceChildren(
      ...(none
        ? [el('p', { class: 'empty' }, 'No runs yet.')]
        : summaryView(this.session, summarize(measurements, this.order, operationOf), (id) => this.lessonTitle(id))),
    );
    if (this.other) this.showComparison();
  }

  machineNow() {
    return describeMachine({
      catalog: this.session.catalog,
      build: this.session.lab.build,
      hardwareConcurrency: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
      crossOriginIsolated: self.crossOriginIsolated,
    });
  }

  report() {
    return { created: new Date().toISOString(), machine: this.machineNow(), measurements: this.session.measurements };
  }

  download(kind) {
    const report = this.report();
    const [text, type] =
      kind === 'json' ? [serializeReport(report), 'application/json'] : [measurementsCsv(report.measurements), 'text/csv'];
    downloadText(text, `kernel-lab-report-${report.created.replace(/[:.]/g, '-')}.${kind}`, type);
  }

  // Reads and checks the whole file first: a bad one changes nothing on the page.
  async importFile(file) {
    if (!file) return;
    this.fileInput.value = ''; // so choosing the same file again reads it again
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`it is ${(file.size / 2 ** 20).toFixed(0)} MiB, far larger than any report`);
      this.other = parseReport(await file.text());
    } catch (error) {
      this.showError(`${file.name} cannot be compared: ${error.message}`);
      return;
    }
    this.showError(null);
    this.showComparison();
  }

  showError(message) {
    this.alert.textContent = message ?? '';
    this.alert.hidden = !message;
  }

  showComparison() {
    const { matched, onlyHere, onlyThere } = compareMeasurements(this.session.measurements, this.other.measurements);
    const matchedTable = new ResultsTable(matchedColumns(this.session), { caption: 'Runs timed on both machines' });
    for (const pair of matched) matchedTable.add({ result: pair.here.result, results: [pair.here.result, pair.there.result], pair });
    const side = (title, measurements, attr) =>
      el(
        'div',
        { [attr]: '' },
        el('h3', {}, `${title} (${measurements.length})`),
        measurements.length ? tableOf(unmatchedColumns(this.session), measurements, title) : el('p', { class: 'empty' }, 'None.'),
      );
    this.comparison.replaceChildren(
      el('h2', {}, 'Compared with another machine'),
      el('p', {}, 'The other machine, as its report describes it:'),
      machineFacts(this.other.machine, this.other.created, { 'data-other-machine': '' }),
      el(
        'p',
        { 'data-compare-summary': '' },
        matched.length
          ? `${matched.length} runs match: the same kernel, shape, block and threads, timed on both machines. ` +
              `Over those, this machine ran ${ratio(geometricMean(matched.map((p) => p.ratio)))} as fast as the other (geometric mean of the ratios).`
          : 'No run matches: run the same kernels at the same shape, block and threads on both machines to compare them.',
      ),
      el('div', { 'data-compare-matched': '' }, matched.length ? matchedTable.element : null),
      side('Only on this machine', onlyHere, 'data-only-here'),
      side('Only on the other machine', onlyThere, 'data-only-there'),
      el(
        'div',
        { class: 'buttons' },
        el(
          'button',
          { type: 'button', class: 'button quiet', 'data-action': 'stop-comparing', onclick: () => this.stopComparing() },
          'Stop comparing',
        ),
      ),
    );
    this.comparison.hidden = false;
  }

  stopComparing() {
    this.other = null;
    this.comparison.hidden = true;
    this.comparison.replaceChildren();
  }

  // A report file dropped anywhere on the page is imported as if chosen.
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
      this.importFile(event.dataTransfer.files[0]);
    });
  }
}

export default {
  ...PAGE,
  // lessons: the registry's lessons, for their titles and their order.
  mount(session, { lessons }) {
    return new ReportPage(session, lessons).section;
  },
};
