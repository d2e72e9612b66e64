// A lesson's code panel: the student writes an exercise's kernel in the page,
// compiles it in the browser, and sees it checked and timed beside the lab's
// own kernels, in the lesson's table and chart.
//
// The panel starts folded. Opening it loads the editor (gen/editor.js) and the
// compiler (compiler-handle.js), neither of which the first page load carries,
// and starts the editor from the exercise's file, cpp/exercises/<name>.cpp,
// as the build copied it, or from what the student wrote on an earlier visit.
//
// Above the editor, the exercise's brief (exercise-brief.js): its goal, its
// performance bar, its hints one at a time, and where it stands.
//
// Compile and run grades the kernel (grade/grade-exercise.js): compile →
// register the module with the lab → check it at every shape its native test
// uses → count SIMD in its hot loop where asked → time it against the bar's
// reference; then it times it at the lesson's current sizes beside the
// reference kernels (LessonPage.exercisePlan), rows in the lesson's table.
// Each step that fails says why in the panel and stops; rows already in the
// table stay. The panel holds the session, as a lesson's Run does, from the
// compile to the last timed run. Cancel stops the step under way (the compile,
// or the lab's run) and every step after it: the panel asks after each wait,
// since a Cancel pressed between two requests finds nothing in the lab to stop.
import { el } from './dom.js';
import { fetchSource } from './source-view.js';
import { compilerHandle } from './compiler-handle.js';
import { CompileFlags, flagsLabel } from './compile-flags.js';
import { DEFAULT_FLAGS } from '../compiler/clang-command.js';
import { diagnosticList, inStudentFile } from './diagnostic-list.js';
import { downloadText } from './download.js';
import { compileMessage, timingMessage } from './student-outcome.js';
import { listing } from './instruction-view.js';
import { firstInvalid, runSweep } from './sweep.js';
import { timedSummary } from './student-summary.js';
import { bytes, seconds } from './format.js';
import { gradeExercise } from '../grade/grade-exercise.js';
import { ExerciseBrief } from './exercise-brief.js';
import { gradeSummary } from './grade-summary.js';

export class CodePanel {
  // page: the LessonPage; exercise: the stub's catalog kernel; instructions:
  // the lesson's InstructionView, or undefined (the panel then shows the listing).
  constructor({ session, page, exercise, instructions }) {
    this.session = session;
    this.page = page;
    this.exercise = exercise;
    this.instructions = instructions;
    this.fileName = exercise.source.split('/').at(-1);
    this.runner = { id: `code-${exercise.name}`, title: page.spec.title, lesson: page.spec.id };
    this.busy = false;
    this.editor = null;

    const saved = session.progress?.code(exercise.name);
    this.flags = new CompileFlags(saved?.flags ?? DEFAULT_FLAGS, {
      fileName: this.fileName,
      noAutovec: Boolean(exercise.exercise?.needs_simd),
      onChange: (flags) => session.progress?.keepCode(exercise.name, { flags }),
    });
    const kept = session.progress?.exerciseRecord?.(exercise.name);
    this.brief = new ExerciseBrief({
      session,
      exercise,
      opened: kept?.hints_opened ?? 0,
      onHint: (count) => session.progress?.keepHintsOpened?.(exercise.name, count),
    });
    if (kept?.grade) this.brief.showState(kept.grade.state);
    this.build();
    session.addEventListener('runner', () => this.showBlocked());
  }

  build() {
    const id = `code-panel-${this.exercise.name}`;
    const button = (action, text, onclick, extra = {}) =>
      el('button', { type: 'button', class: 'button', 'data-action': action, onclick, ...extra }, text);
    this.toggle = button('toggle-code', 'Write it in the page', () => this.setOpen(this.body.hidden), {
      class: 'button primary',
      'aria-expanded': 'false',
      'aria-controls': `${id}-body`,
    });
    this.compilerProgress = el('progress', { max: 1, value: 0, 'aria-label': 'Compiler download' });
    this.compilerLine = el('p', { class: 'compiler-line', 'data-compiler-status': '', 'aria-live': 'polite' });
    this.editorHost = el('div', { class: 'editor-host', 'data-editor': '' }, el('p', { class: 'hint' }, 'Loading the editor…'));
    this.compileButton = button('compile', 'Compile and run', () => this.compileAndRun(), { class: 'button primary' });
    this.cancelButton = button('cancel-compile', 'Cancel', () => this.cancel(), { disabled: true });
    this.downloadButton = button('download', 'Download', () => downloadText(this.editor.text(), this.fileName), { disabled: true });
    this.resetButton = button('reset-code', 'Reset', () => this.reset(), { class: 'button quiet', disabled: true });
    this.progress = el('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Progress of the compile and run' });
    this.line = el('p', { class: 'run-line', 'data-code-line': '', 'aria-live': 'polite' });
    this.diagnostics = el('div', { 'data-diagnostics': '' });
    this.outcome = el('p', { class: 'form-error', role: 'alert', 'data-code-outcome': '', hidden: true });
    this.summary = el('div', { class: 'code-summary', 'data-code-summary': '', 'aria-live': 'polite' });
    this.listing = el('div', { class: 'insn-row', 'data-student-listing': '' });
    this.listingBlock = el(
      'div',
      { class: 'student-listing', hidden: true },
      el('h3', {}, 'Its instructions'),
      el('p', { class: 'hint' }, 'The WebAssembly of your kernel’s hot loop, disassembled from the module just compiled.'),
      this.listing,
    );
    this.body = el(
      'div',
      { id: `${id}-body`, class: 'code-panel-body', hidden: true },
      el('div', { class: 'compiler-status' }, this.compilerProgress, this.compilerLine),
      this.editorHost,
      el(
        'p',
        { class: 'hint editor-keys', id: `${id}-keys` },
        'Tab indents. To leave the editor with the keyboard, press Escape, then Tab.',
      ),
      this.flags.element,
      el('div', { class: 'buttons' }, this.compileButton, this.cancelButton, this.downloadButton, this.resetButton),
      this.progress,
      this.line,
      this.outcome,
      this.diagnostics,
      this.summary,
      this.instructions ? null : this.listingBlock,
    );
    this.element = el(
      'div',
      { class: 'card code-panel', 'data-code-panel': this.exercise.name, 'aria-labelledby': `${id}-title`, role: 'region' },
      el('h2', { id: `${id}-title` }, 'Your kernel: ', this.exercise.title),
      el(
        'p',
        { class: 'code-intro' },
        'Write ',
        el('code', {}, this.exercise.source),
        ' here, compile it in your browser, and it is checked at every size its test uses and timed beside the lab’s kernels, in the results above. ',
        'Download saves the file, so ',
        el('code', {}, 'npm run check'),
        ' can test the very same text natively.',
      ),
      this.brief.element,
      this.toggle,
      this.body,
    );
  }

  setOpen(open) {
    this.body.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? 'Hide the editor' : 'Write it in the page';
    this.toggle.classList.toggle('primary', !open);
    if (open && !this.opened) {
      this.opened = true;
      this.loadCompiler().catch(() => {}); // its line says what went wrong
      this.loadEditor();
    }
  }

  async loadEditor() {
    try {
      const [{ createEditor }, stub] = await Promise.all([import('../gen/editor.js'), fetchSource(this.exercise.source)]);
      this.stub = stub;
      this.editorHost.replaceChildren();
      this.editor = createEditor({
        parent: this.editorHost,
        text: this.session.progress?.code(this.exercise.name)?.text ?? stub,
        label: `C++ source of ${this.fileName}`,
        onChange: (text) => this.session.progress?.keepCode(this.exercise.name, { text }),
      });
      this.downloadButton.disabled = false;
      this.resetButton.disabled = false;
      this.showBlocked();
    } catch (error) {
      this.editorHost.replaceChildren(el('p', { class: 'form-error', role: 'alert' }, `The editor could not load: ${error.message}`));
    }
  }

  // The compiler's download, said in bytes the first time; later visits take the browser's copy.
  loadCompiler() {
    this.compilerProgress.hidden = false;
    this.compilerLine.textContent = 'Loading the compiler (clang, in WebAssembly)…';
    return compilerHandle({
      onProgress: ({ received, total }) => {
        this.compilerProgress.value = total ? received / total : 0;
        this.compilerLine.textContent = `Downloading the compiler: ${bytes(received)}${total ? ` of ${bytes(total)}` : ''}…`;
      },
    }).then(
      (handle) => {
        const { version, fromCache, seconds: took } = handle.loaded;
        this.compilerProgress.hidden = true;
        this.compilerLine.textContent = fromCache
          ? `Compiler ready: ${version}, from the copy your browser keeps (${seconds(took)}).`
          : `Compiler ready: ${version}, downloaded in ${seconds(took)}. Later visits reuse the copy your browser keeps, and compile offline.`;
        return handle;
      },
      (error) => {
        this.compilerProgress.hidden = true;
        this.compilerLine.textContent = compileMessage({ kind: 'load', message: error.message });
        throw error;
      },
    );
  }

  async compileAndRun() {
    if (this.busy || !this.editor || !this.session.claim(this.runner)) return;
    this.setBusy(true);
    this.cancelled = false;
    // Resolves on Cancel: a wait that nothing in the lab or the compiler can
    // stop (the compiler's download) races it.
    this.cancelling = new Promise((resolve) => (this.stopWaiting = resolve));
    this.say(null);
    this.summary.replaceChildren();
    try {
      await this.steps();
    } catch (error) {
      this.say(error.message);
    } finally {
      this.compiling = null;
      this.setBusy(false);
      this.session.release(this.runner);
    }
  }

  async steps() {
    const flags = this.flags.values();
    const source = this.editor.text();
    const compileCancelled = () => this.say(compileMessage({ kind: 'cancelled' }));
    if (!this.session.lab.registerStudentKernel) {
      return this.say('This lab cannot run a kernel compiled in the page: its worker has no way to load one.');
    }
    this.progressTo(0, 'Loading the compiler…');
    // On Cancel the download goes on (its line still counts the bytes), for the next compile.
    const loaded = await Promise.race([this.loadCompiler(), this.cancelling]);
    if (this.cancelled) return compileCancelled();
    this.compiling = loaded.client;
    const { record, kernel, compiled } = await gradeExercise({
      session: this.session,
      compiler: loaded.client,
      exercise: this.exercise,
      source,
      flags,
      label: flagsLabel(flags),
      cancelled: () => this.cancelled,
      onProgress: (fraction, text) => this.progressTo(0.7 * fraction, text),
      onCompiled: (result) => {
        this.compiling = null;
        this.showCompiled(result);
      },
      onRegistered: (registered, found) => this.showInstructions(registered, found),
    });
    this.compiling = null;
    // A grade cut short by Cancel says nothing of the kernel: the kept one stays.
    if (!this.cancelled) this.keepGrade(record);
    if (record.compile.status !== 'ok') return this.say(this.compileOutcome(record, compiled));
    if (!record.check) return compileCancelled();
    if (record.check.status !== 'passed') return this.say(record.check.message);
    this.summary.replaceChildren(gradeSummary(record, this.session));
    if (this.cancelled) return this.say(timingMessage({ outcome: 'cancelled' }));
    await this.time(kernel, this.session.operation(kernel.operation), record.check.shapes);
  }

  // The compiler's diagnostics and command line, as soon as it answers.
  showCompiled(compiled) {
    const diagnostics = compiled.diagnostics ?? [];
    this.showDiagnostics(
      diagnostics,
      diagnostics.filter((d) => inStudentFile(d, this.fileName)),
    );
    if (compiled.status === 'ok') this.flags.showCommand(compiled.command);
  }

  // Why it did not get as far as the check: the compiler's refusal (counting
  // only the errors marked in the student's file), or the lab's.
  compileOutcome(record, compiled) {
    if (record.compile.status === 'refused') return `It compiled. ${record.compile.message}`;
    const ours = (compiled?.diagnostics ?? []).filter((d) => inStudentFile(d, this.fileName));
    return compileMessage({ ...compiled, diagnostics: ours });
  }

  keepGrade(record) {
    this.brief.showState(record.state);
    this.session.progress?.keepGrade?.(this.exercise.name, record);
  }

  async time(kernel, operation, shapesChecked) {
    const { lab } = this.session;
    const timingCancelled = () => this.say(timingMessage({ outcome: 'cancelled' }));
    const items = await this.page.exercisePlan(kernel);
    if (this.cancelled) return timingCancelled();
    if (items.length === 0) {
      this.summary.append(
        el(
          'p',
          { 'data-no-lesson-rows': '' },
          `This lesson’s Run times other operations than yours, so its table gets no row of yours; the bar above timed yours against ${this.session.kernel(this.exercise.exercise.bar.reference)?.title}.`,
        ),
      );
      return;
    }
    const refused = await firstInvalid(
      lab,
      items.flatMap((item) => item.requests),
    );
    // The lab answers a validation that Cancel emptied from its queue with 'cancelled'.
    if (this.cancelled || refused?.status === 'cancelled') return timingCancelled();
    if (refused) {
      return this.say(
        `It passed, but the lesson’s values above cannot time it: ${refused.error} Change them under Run, then compile again.`,
      );
    }
    const total = items.reduce((sum, item) => sum + item.requests.length, 0);
    const entries = [];
    const { outcome, error } = await runSweep(lab, items, {
      onEntry: (entry) => {
        entries.push(entry);
        this.page.addEntry(entry);
      },
      onProgress: (fraction, meta, done) =>
        this.progressTo(0.7 + 0.3 * fraction, `Timing ${meta.title} at N = ${meta.n} (${Math.min(done + 1, total)} of ${total})`),
    });
    if (outcome !== 'done') this.say(timingMessage({ outcome, error }));
    this.summary.append(timedSummary({ session: this.session, kernel, entries, shapesChecked }));
  }

  cancel() {
    this.cancelled = true;
    this.stopWaiting();
    if (this.compiling) this.compiling.cancel();
    else this.session.lab.cancel();
  }

  reset() {
    if (!confirm(`Bring back the stub of ${this.fileName}? What you wrote here is lost (Download it first to keep it).`)) return;
    this.editor.setText(this.stub);
    this.session.progress?.forgetCode(this.exercise.name);
    this.showDiagnostics([], []);
    this.say(null);
  }

  // All of them are listed under the editor; only ours, those on lines of the
  // student's file, are marked in it (another file's line 12 is not theirs).
  showDiagnostics(diagnostics, ours) {
    this.editor.showDiagnostics(ours);
    this.diagnostics.replaceChildren(
      diagnosticList(diagnostics, { fileName: this.fileName, goTo: (line, column) => this.editor.goTo(line, column) }) ?? '',
    );
  }

  // In the lesson's instruction view, beside the lab's kernels, or else here.
  showInstructions(kernel, found) {
    if (this.instructions) {
      this.instructions.addCompiled(kernel, found);
      return;
    }
    const missing = () => 'The compiler returned no instructions for this kernel.';
    this.listing.replaceChildren(listing(kernel, found.instructions.length ? found : undefined, missing));
    this.listingBlock.hidden = false;
  }

  // message: what went wrong, or null to clear it.
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
    this.element.dataset.busy = String(busy);
    this.progress.hidden = !busy;
    this.cancelButton.disabled = !busy;
    this.flags.lock(busy);
    this.resetButton.disabled = busy;
    if (!busy) this.line.textContent = '';
    this.showBlocked();
  }

  // Another lesson's run, or another panel's, holds the lab: say which, and wait.
  showBlocked() {
    const other = this.session.runner && this.session.runner.id !== this.runner.id ? this.session.runner.title : null;
    this.compileButton.disabled = this.busy || !this.editor || Boolean(other);
    if (!this.busy) this.line.textContent = other ? `The ${other} lesson is running; wait for it or cancel it there.` : '';
  }
}
