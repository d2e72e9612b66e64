// An exercise's brief, from its catalog spec (cpp/lab/exercise_specs.cpp):
// the goal, the performance bar it must clear on this machine, and its hints,
// revealed one at a time. How many were opened is kept with the progress and
// goes into a submission; a hint once opened stays open.
import { el } from './dom.js';
import { stateLabel } from '../grade/grade-state.js';

// The bar in words: "at least 3× the speed of ReLU scalar at N = 65536, both timed in the same run on this machine".
export function barText(bar, session) {
  const reference = session.kernel(bar.reference);
  const { m, n, k, block, threads } = bar.shape;
  const vector = session.operation(reference?.operation)?.shape === 'vector';
  const size = vector ? `N = ${n}` : m === n && n === k ? `N = ${n}` : `M × N × K = ${m} × ${n} × ${k}`;
  const extras = [block > 0 ? `block ${block}` : null, threads === 0 ? 'on every thread' : null].filter(Boolean);
  return (
    `at least ${bar.ratio}× the speed of ${reference?.title ?? bar.reference} at ${size}` +
    `${extras.length ? `, ${extras.join(', ')}` : ''}, both timed in the same run on this machine`
  );
}

export class ExerciseBrief {
  // exercise: the stub's catalog kernel (with .exercise); opened: hints already opened; onHint(count).
  constructor({ session, exercise, opened = 0, onHint = () => {} }) {
    const spec = exercise.exercise;
    this.hints = spec.hints;
    this.onHint = onHint;
    this.opened = 0;
    this.hintList = el('ol', { class: 'hint-list', 'data-hints': '' });
    this.hintButton = el('button', { type: 'button', class: 'button quiet', 'data-action': 'next-hint', onclick: () => this.reveal() });
    this.stateBadge = el('span', { class: 'state-badge', 'data-exercise-state': 'not_started' });
    this.element = el(
      'div',
      { class: 'exercise-brief', 'data-exercise-brief': '' },
      el('p', { class: 'exercise-state' }, 'Status: ', this.stateBadge),
      el('p', {}, el('strong', {}, 'Goal: '), spec.goal),
      el(
        'p',
        { 'data-bar': '' },
        el('strong', {}, 'Performance bar: '),
        barText(spec.bar, session),
        spec.needs_simd
          ? '; its hot loop must use SIMD128 (v128) instructions, written by you: it is graded with the auto-vectorizer off.'
          : '.',
      ),
      el('div', { class: 'hints' }, this.hintList, this.hintButton),
    );
    this.showState('not_started');
    for (let i = 0; i < Math.min(opened, this.hints.length); i += 1) this.reveal({ silent: true });
    this.updateButton();
  }

  reveal({ silent = false } = {}) {
    if (this.opened >= this.hints.length) return;
    this.hintList.append(el('li', {}, this.hints[this.opened]));
    this.opened += 1;
    this.updateButton();
    if (!silent) this.onHint(this.opened);
  }

  updateButton() {
    const left = this.hints.length - this.opened;
    this.hintButton.hidden = left === 0;
    this.hintButton.textContent = this.opened === 0 ? `Show a hint (${left} in all)` : `Show the next hint (${left} left)`;
  }

  showState(state) {
    this.stateBadge.dataset.exerciseState = state;
    this.stateBadge.textContent = stateLabel(state);
  }
}
