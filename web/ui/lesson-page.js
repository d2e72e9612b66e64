// The machinery every lesson shares: the page layout, and the run cycle —
// validate the whole sweep, lock the prediction, run with progress and cancel,
// add each result to the table and chart as it arrives, then judge the
// prediction and write notes from what was measured.
//
// spec: {
//   id, number, title, lead, explanation: Node[],
//   exercise: {prompt, label, control, question?},  see Exercise
//   fields,                                  see LessonForm
//   fieldFor(refusal) → inputName            the input C++'s `field` came from, where refusal
//                                            is {request, field, error}; see refusal-field.js
//   columns,                                 see ResultsTable
//   chart: Chart options, and legend?: a Node shown above the chart
//   moreCharts?: [{...Chart options, legend?, series(entries)}]  further charts of the same entries, below it
//   panels?: Node[]                          more cards, between the results and the code
//   ab?: {a, b, heading?, intro?}             the lesson's main comparison, run in interleaved
//                                            A/B rounds in a card under the results (a, b: sides
//                                            as ab-pair.js reads them); the verdict then
//                                            gives its result, or says the sweep's ratio has none
//   code: {kernels, operation | operations, sources}  see CodeView
//   instructions?: InstructionView           the lesson's listings, where a code panel adds the student's
//   exerciseValues?(values, kernel) → values  the form's values to time a student's kernel with
//                                            (default: as they are); see exercisePlan
//   plan(values) → (a promise of) {items: [{requests, meta}], skipped?: [note], checks?: [request]}
//     (checks: requests validated with the runs but never run, for a value the
//     runs adapt, such as a block capped at N, to be checked as it was typed)
//   describe(meta) → what is running, in words
//   series(entries) → chart series for every entry so far
//   conclude({entries, values, prediction}) → {verdict: {text, tone}, notes: [note]}
//   clear?()                                 empties what the lesson shows beyond the table and charts
// }
// With session.progress (progress-store.js), the prediction and each run's
// results, verdict and notes are kept, and come back on the next visit marked
// as an earlier visit's until the next Run replaces them. The prediction in
// force when a Run first gives a verdict is kept as the first prediction of
// the question asked, and each Run after it with a prediction as a later try.
//
// Every C++ exercise of the lesson (a catalog kernel with role 'exercise') gets
// a code panel under the results (code-panel.js), whose compiled kernels join
// the table and chart through addEntry(). Their rows are not kept across
// visits: a kernel compiled in the page is gone after a reload, until it is
// compiled again.
import { el } from './dom.js';
import { entryTitle } from './kernel-title.js';
import { LessonForm } from './form.js';
import { RunControls } from './run-controls.js';
import { Exercise } from './exercise.js';
import { ResultsTable } from './results-table.js';
import { Chart } from './chart.js';
import { CodeView } from './source-view.js';
import { firstInvalid, runSweep } from './sweep.js';
import { runRequest } from './request.js';
import { abComparePanel } from './ab-compare-panel.js';
import { comparisonText } from '../measure/ab-text.js';

export class LessonPage {
  constructor(session, spec) {
    this.session = session;
    this.spec = spec;
    this.entries = [];
    this.running = false;

    this.form = new LessonForm(spec.fields);
    this.form.onSubmit = () => this.run();
    this.controls = new RunControls({
      onRun: () => this.run(),
      onCancel: () => this.cancel(),
      onClear: () => this.clear(),
    });
    this.exercise = new Exercise(spec.exercise);
    this.table = new ResultsTable(spec.columns, { caption: `${spec.title}: results` });
    this.chart = new Chart(spec.chart);
    this.moreCharts = (spec.moreCharts ?? []).map((options) => ({
      chart: new Chart(options),
      legend: options.legend,
      series: options.series,
    }));
    this.notes = el('ul');
    this.notesBlock = el('div', { class: 'notes', 'data-notes': '', hidden: true }, el('h3', {}, 'What this run shows'), this.notes);
    this.noteList = [];
    this.earlierNote = el('p', { class: 'earlier-note', 'data-earlier-note': '', hidden: true });
    this.code = new CodeView(withLessonKernels(spec.code, session, spec.id));
    this.codePanelSlot = el('div', { class: 'code-panels' });
    this.ab = spec.ab
      ? abComparePanel(session, {
          id: `${spec.id}-ab`,
          lesson: spec.id,
          title: `${spec.title}: A/B comparison`,
          heading: spec.ab.heading ?? 'The main comparison, in interleaved A/B rounds',
          intro: spec.ab.intro,
          pair: spec.ab,
          onResult: () => this.refreshVerdict(),
        })
      : null;
    this.sweepVerdict = null; // the last Run's own verdict, before the A/B sentence
    this.mountCodePanels();
    this.section = this.layout();

    session.addEventListener('runner', () => {
      const other = session.runner && session.runner.id !== spec.id ? session.runner.title : null;
      if (!this.running) this.controls.setBlockedBy(other);
    });
    session.progress?.follow(this);
  }

  // The code panels, one per exercise of this lesson, come in after the lesson
  // itself: their modules are not part of the page's first load.
  async mountCodePanels() {
    const exercises = this.session.kernels((k) => k.lesson === this.spec.id && k.role === 'exercise' && !k.runtime);
    if (exercises.length === 0) return;
    const { CodePanel } = await import('./code-panel.js');
    const panels = exercises.map(
      (exercise) => new CodePanel({ session: this.session, page: this, exercise, instructions: this.spec.instructions }),
    );
    this.codePanelSlot.replaceChildren(...panels.map((panel) => panel.element));
  }

  // Called by the progress store once every lesson is mounted (a lesson's own
  // columns and series may read its page, which only exists after the constructor).
  keepProgress(progress) {
    const { id } = this.spec;
    this.exercise.restore(progress.prediction(id));
    this.exercise.input.addEventListener('input', () => progress.predict(id, this.exercise.value()));
    this.exercise.onAsk = (question) => this.exercise.showRecord(progress.predictionRecord(id, question));
    this.exercise.showRecord(progress.predictionRecord(id, this.exercise.question));
    const earlier = progress.earlierResults(id);
    if (earlier) this.showEarlier(earlier);
  }

  // Results of an earlier visit: shown, and said to be, until the next Run.
  showEarlier({ at, module, entries, verdict, notes }) {
    for (const entry of entries) {
      entry.earlier = true;
      this.entries.push(entry);
      this.table.add(entry);
    }
    this.redraw();
    this.earlierNote.textContent =
      `Restored from your earlier visit: measured on ${new Date(at).toLocaleString()} by the ${module} build, ` +
      'not in this page load. The next Run replaces them.';
    this.earlierNote.hidden = false;
    if (verdict) this.exercise.showVerdict(verdict.text, verdict.tone, { earlier: true });
    this.showNotes(notes);
  }

  remember() {
    this.session.progress?.keepResults(this.spec.id, {
      entries: this.entries.filter((e) => !e.earlier && !this.session.kernel(e.result.kernel)?.runtime),
      verdict: this.exercise.verdict,
      notes: this.noteList,
    });
  }

  redraw() {
    this.chart.update(this.spec.series(this.entries));
    for (const { chart, series } of this.moreCharts) chart.update(series(this.entries));
  }

  layout() {
    const { id, number, title, lead, explanation, chart, panels } = this.spec;
    const prose = el('div', { class: 'explanation' }, explanation);
    // A diagram scrolls sideways on a narrow screen, so its figure takes focus, for the keyboard to scroll it.
    for (const figure of prose.querySelectorAll('.figure')) figure.tabIndex = 0;
    return el(
      'section',
      { class: 'lesson', 'data-lesson-view': id, 'data-running': 'false', hidden: true, 'aria-labelledby': `${id}-title` },
      el(
        'header',
        { class: 'lesson-head' },
        el('p', { class: 'eyebrow' }, `Lesson ${number}`),
        el('h1', { id: `${id}-title` }, title),
        el('p', { class: 'lead' }, lead),
      ),
      prose,
      el(
        'div',
        { class: 'workbench' },
        this.exercise.element,
        el(
          'div',
          { class: 'card controls' },
          el('h2', {}, el('span', { class: 'step' }, '2'), 'Run'),
          this.form.element,
          this.controls.element,
        ),
      ),
      el(
        'div',
        { class: 'card results' },
        el('h2', {}, el('span', { class: 'step' }, '3'), 'Results'),
        this.earlierNote,
        this.notesBlock,
        chart.legend ?? null,
        this.chart.element,
        this.moreCharts.map(({ chart, legend }) => [legend ?? null, chart.element]),
        this.table.element,
      ),
      this.ab?.element ?? null,
      this.codePanelSlot,
      panels ?? null,
      el('div', { class: 'card code' }, el('h2', {}, 'The code'), this.code.element),
    );
  }

  // The section counts as running from the click on, validation included, so
  // whoever waits for data-running="false" sees the run's outcome, even a refusal.
  async run() {
    if (this.running || !this.session.claim(this.spec)) return;
    const prediction = { value: this.exercise.value(), question: this.exercise.question };
    this.cancelled = false;
    this.setRunning(true);
    this.controls.setProgress(0, 'Checking every request before the first one runs…');
    try {
      const values = this.form.values();
      const plan = await this.spec.plan(values);
      const refused = await firstInvalid(this.session.lab, [...(plan.checks ?? []), ...plan.items.flatMap((item) => item.requests)]);
      if (this.cancelled) return;
      if (refused) {
        this.form.showError(refused.error, this.spec.fieldFor(refused));
        return;
      }
      this.form.clearError();
      await this.sweep(values, plan, prediction);
    } finally {
      this.setRunning(false);
      this.session.release(this.spec);
    }
  }

  cancel() {
    this.cancelled = true;
    this.session.lab.cancel();
  }

  async sweep(values, plan, prediction) {
    if (!this.earlierNote.hidden) this.clear(); // an earlier visit's results are not mixed with this one's
    const total = plan.items.reduce((sum, item) => sum + item.requests.length, 0);
    const entries = [];
    const { outcome, error } = await runSweep(this.session.lab, plan.items, {
      onEntry: (entry) => {
        entries.push(entry);
        this.show(entry);
      },
      onProgress: (fraction, meta, done) =>
        this.controls.setProgress(fraction, `Running ${this.spec.describe(meta)} (${Math.min(done + 1, total)} of ${total})`),
    });
    if (outcome === 'error' || outcome === 'failed') this.form.showError(error);
    const verdict = this.conclude({ entries, values, prediction: prediction.value, outcome, skipped: plan.skipped ?? [] });
    this.remember();
    if (verdict) this.judgePrediction(prediction, verdict);
  }

  show(entry) {
    this.entries.push(entry);
    this.table.add(entry);
    this.redraw();
  }

  // An entry measured outside this lesson's Run (a code panel's), shown and
  // kept like a Run's; like a Run, it replaces an earlier visit's results.
  addEntry(entry) {
    if (!this.earlierNote.hidden) this.clear();
    this.show(entry);
    this.remember();
  }

  // The items a code panel times a student's kernel with: the lesson's own
  // plan at the form's values, cut to the lab's kernels of the student's
  // operation, and the student's kernel at each size (and block) of those
  // that take the same tunables as it, after the last of them, so its rows
  // sit beside theirs.
  async exercisePlan(kernel) {
    const values = this.form.values({ includeHidden: true });
    const plan = await this.spec.plan(this.spec.exerciseValues?.(values, kernel) ?? values);
    const kernelOf = (request) => this.session.kernel(request.kernel);
    const references = plan.items.filter((item) =>
      item.requests.every((r) => !kernelOf(r).student && kernelOf(r).operation === kernel.operation),
    );
    const sameTunables = (item) => item.requests.every((r) => String(kernelOf(r).tunables) === String(kernel.tunables));
    const patterns = references.some(sameTunables) ? references.filter(sameTunables) : references;
    const mine = new Map(); // the student's requests, as JSON → the item they follow
    for (const item of patterns) {
      const requests = item.requests.map(({ kernel: _, block, cap_block, threads, min_time_s, single_shot, ...size }) =>
        runRequest(kernel, size, { block, cap_block, threads, min_time_s, single_shot }),
      );
      const key = JSON.stringify(requests);
      mine.delete(key); // re-inserted: it follows the last reference item of its size
      mine.set(key, { after: item, item: { requests, meta: { ...item.meta, title: kernel.title, baseline: false } } });
    }
    return references.flatMap((item) => [item, ...[...mine.values()].filter((m) => m.after === item).map((m) => m.item)]);
  }

  setRunning(running) {
    this.running = running;
    this.section.dataset.running = String(running);
    this.controls.setRunning(running);
    this.form.lock(running);
    this.exercise.lock(running);
  }

  // prediction: {value, question} as the Run began; verdict: what the lesson judged.
  judgePrediction({ value, question }, verdict) {
    const record = this.session.progress?.judgePrediction(this.spec.id, { question, value, verdict });
    if (record && question === this.exercise.question) this.exercise.showRecord(record);
  }

  // Shows the verdict and notes of a Run; returns the lesson's verdict, or
  // null where the Run stopped or timed nothing, so there was none.
  conclude({ entries, values, prediction, outcome, skipped }) {
    const measured = entries.filter((e) => e.result.status === 'ok');
    if (outcome !== 'done' || measured.length === 0) {
      this.exercise.showVerdict(
        outcome === 'done'
          ? 'Nothing was timed in this run, so there is nothing to judge.'
          : 'The run stopped before it finished, so there is no verdict.',
        'neutral',
      );
      this.showNotes(skipped);
      return null;
    }
    const { verdict, notes } = this.spec.conclude({ entries: measured, values, prediction });
    this.sweepVerdict = verdict;
    // The verdict as shown, A/B sentence included, is the one a first prediction keeps.
    const shown = { ...verdict, text: this.withAb(verdict.text) };
    this.exercise.showVerdict(shown.text, shown.tone);
    this.showNotes([...failedChecks(measured, this.session), ...notes, ...skipped]);
    return shown;
  }

  // A speedup from the sweep divides medians of runs taken at different times;
  // the lesson's A/B comparison, where one ran, measures it against drift.
  withAb(text) {
    if (!this.ab) return text;
    const result = this.ab.result();
    if (!result)
      return `${text} That ratio divides medians of runs taken at different times, so any drift of the machine between them is in it; the interleaved A/B comparison below measures the main one without it.`;
    const { a, b } = this.ab.names();
    return `${text} Interleaved A/B: ${comparisonText(result.comparison, a, b)}`;
  }

  // A comparison that finished after the Run: the verdict shown gives it.
  refreshVerdict() {
    if (!this.sweepVerdict || !this.exercise.verdict) return;
    this.exercise.showVerdict(this.withAb(this.sweepVerdict.text), this.sweepVerdict.tone);
    this.remember();
  }

  showNotes(notes) {
    this.noteList = notes;
    this.notes.replaceChildren(...notes.map((note) => el('li', {}, note)));
    this.notesBlock.hidden = notes.length === 0;
  }

  clear() {
    this.entries = [];
    this.table.clear();
    this.chart.clear();
    for (const { chart } of this.moreCharts) chart.clear();
    this.showNotes([]);
    this.exercise.clearVerdict();
    this.sweepVerdict = null;
    this.form.clearError();
    this.spec.clear?.();
    this.earlierNote.hidden = true;
    this.remember();
  }
}

// A time is only worth comparing if the output it produced was right.
function failedChecks(entries, session) {
  return entries
    .filter((e) => e.results.some((r) => r.check && !r.check.passed))
    .map(
      (e) =>
        `${entryTitle(session, e)} at N = ${e.result.shape.n} FAILED the correctness check: ` +
        'its output is wrong, so its speed means nothing until it is fixed.',
    );
}

// The lesson's code view, with every kernel of the lesson that its own list
// leaves out (an exercise's stub, the reference an exercise's bar is measured
// against) and their operations: the page shows every file it compiled.
function withLessonKernels(code, session, lesson) {
  const unshown = session.kernels(
    (k) => k.lesson === lesson && !k.runtime && (!code.kernels.includes(k) || !code.sources.includes(k.source)),
  );
  if (unshown.length === 0) return code;
  const kernels = [...code.kernels, ...unshown.filter((k) => !code.kernels.includes(k))];
  const operations = [...new Set([...(code.operations ?? [code.operation]), ...unshown.map((k) => session.operation(k.operation))])];
  return { ...code, kernels, operations, sources: [...new Set([...code.sources, ...session.sourcesOf(unshown)])] };
}
