// The guided exercise: a prediction made before the run, locked while it runs,
// and a verdict computed from the measurements afterwards.
import { el } from './dom.js';

let nextId = 1;

// control: {kind: 'select', options: [{value, label}]} or {kind: 'number', placeholder, inputmode?}
// (inputmode 'decimal' for a guess with a decimal point; 'numeric' otherwise)
export class Exercise {
  constructor({ prompt, control, label }) {
    const id = `prediction-${nextId++}`;
    this.input =
      control.kind === 'select'
        ? el(
            'select',
            { id, 'data-prediction': '' },
            el('option', { value: '' }, 'Choose…'),
            control.options.map((o) => el('option', { value: o.value }, o.label)),
          )
        : el('input', {
            id,
            type: 'text',
            inputmode: control.inputmode ?? 'numeric',
            'data-prediction': '',
            placeholder: control.placeholder ?? '',
            autocomplete: 'off',
          });
    this.prompt = el('p', {}, prompt);
    this.label = el('label', { for: id }, label);
    this.verdictSlot = el('div', { class: 'verdict-slot' });
    this.verdict = null; // {text, tone} of the verdict shown
    this.element = el(
      'div',
      { class: 'card exercise', 'data-exercise': '' },
      el('h2', {}, el('span', { class: 'step' }, '1'), 'Predict'),
      this.prompt,
      el('div', { class: 'field' }, this.label, this.input),
      this.verdictSlot,
    );
  }

  // For a lesson that asks one of several questions (a number each): the
  // answer and verdict given to the old question go with it.
  ask({ prompt, label, placeholder, inputmode = 'numeric' }) {
    this.prompt.textContent = prompt;
    this.label.textContent = label;
    Object.assign(this.input, { value: '', placeholder, inputMode: inputmode });
    this.clearVerdict();
  }

  value() {
    return this.input.value.trim();
  }

  // A prediction kept from an earlier visit; a choice this page no longer offers is left out.
  restore(value) {
    if (!value) return;
    this.input.value = value;
    if (this.input.value !== value) this.input.value = '';
  }

  lock(locked) {
    this.input.disabled = locked;
  }

  // tone: 'right', 'wrong' or 'neutral'
  showVerdict(text, tone) {
    this.verdict = { text, tone };
    this.verdictSlot.replaceChildren(el('p', { class: `verdict verdict-${tone}`, 'data-verdict': '' }, text));
  }

  clearVerdict() {
    this.verdict = null;
    this.verdictSlot.replaceChildren();
  }
}
