// Run, Cancel and Clear, the progress bar and a line saying what is running.
import { el } from './dom.js';

export class RunControls {
  constructor({ onRun, onCancel, onClear }) {
    this.runButton = el('button', { type: 'button', class: 'button primary', 'data-action': 'run', onclick: onRun }, 'Run');
    this.cancelButton = el(
      'button',
      { type: 'button', class: 'button', 'data-action': 'cancel', disabled: true, onclick: onCancel },
      'Cancel',
    );
    this.clearButton = el('button', { type: 'button', class: 'button quiet', 'data-action': 'clear', onclick: onClear }, 'Clear results');
    this.progress = el('progress', { 'data-progress': '', max: 1, value: 0, hidden: true, 'aria-label': 'Progress of this run' });
    this.line = el('p', { class: 'run-line', 'aria-live': 'polite' });
    this.element = el(
      'div',
      { class: 'run-controls' },
      el('div', { class: 'buttons' }, this.runButton, this.cancelButton, this.clearButton),
      this.progress,
      this.line,
    );
  }

  setRunning(running) {
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.clearButton.disabled = running;
    this.progress.hidden = !running;
    this.progress.value = 0;
    if (!running) this.line.textContent = '';
  }

  // Another lesson's sweep holds the lab: say which, and keep this Run button off.
  setBlockedBy(title) {
    this.runButton.disabled = Boolean(title);
    this.line.textContent = title ? `The ${title} lesson is running; wait for it or cancel it there.` : '';
  }

  setProgress(fraction, text) {
    this.progress.value = Math.min(Math.max(fraction, 0), 1);
    if (text !== undefined) this.line.textContent = text;
  }
}
