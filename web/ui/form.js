// A lesson's input form, and the one place that turns typed text into request
// values. Anything that is not a number becomes NaN on purpose: the C++
// validation then says what is wrong, so the page never restates its rules.
import { el } from './dom.js';

export function parseNumber(text) {
  const trimmed = text.trim();
  return Number(trimmed === '' ? NaN : trimmed);
}

// "64, 128 256" → [64, 128, 256]; an empty list is one NaN, so it gets a message too.
export function parseList(text) {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.length ? parts.map(parseNumber) : [NaN];
}

let nextId = 1;

// field: {name, label, kind: 'number' | 'list' | 'select', value, hint?, options?: [{value, label}]}
function buildField(field) {
  const id = `field-${field.name}-${nextId++}`;
  const hintId = field.hint ? `${id}-hint` : null;
  const input =
    field.kind === 'select'
      ? el(
          'select',
          { id, name: field.name, 'aria-describedby': hintId },
          field.options.map((o) => el('option', { value: o.value }, o.label)),
        )
      : el('input', {
          id,
          name: field.name,
          type: 'text',
          value: field.value,
          spellcheck: 'false',
          autocomplete: 'off',
          inputmode: field.kind === 'number' ? 'decimal' : null,
          'aria-describedby': hintId,
        });
  if (field.kind === 'select' && field.value !== undefined) input.value = field.value;
  const wrapper = el(
    'div',
    { class: `field field-${field.kind}` },
    el('label', { for: id }, field.label),
    input,
    hintId && el('p', { class: 'hint', id: hintId }, field.hint),
  );
  return { field, input, wrapper };
}

export class LessonForm {
  constructor(fields) {
    this.fields = fields.map(buildField);
    this.alert = el('p', { id: `error-${nextId++}`, class: 'form-error', role: 'alert', 'data-error': '', hidden: true });
    // A fieldset, so that a run can lock every field at once without touching
    // a field a lesson has disabled for good.
    this.fieldset = el(
      'fieldset',
      { class: 'fields' },
      this.fields.map((f) => f.wrapper),
    );
    this.element = el('form', { class: 'lesson-form', novalidate: true }, this.fieldset, this.alert);
    // Enter in a field means Run, not a page reload.
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.onSubmit?.();
    });
  }

  // While a run goes, the form shows the values it runs with: they cannot change.
  lock(locked) {
    this.fieldset.disabled = locked;
  }

  input(name) {
    return this.fields.find((f) => f.field.name === name)?.input;
  }

  setVisible(name, visible) {
    this.fields.find((f) => f.field.name === name).wrapper.hidden = !visible;
  }

  // {name: number | number[] | string} for every visible field, or every
  // field with includeHidden (a code panel times a student's kernel at the
  // sizes of its experiment, whichever experiment the form shows).
  values({ includeHidden = false } = {}) {
    const values = {};
    for (const { field, input, wrapper } of this.fields) {
      if (wrapper.hidden && !includeHidden) continue;
      if (field.kind === 'number') values[field.name] = parseNumber(input.value);
      else if (field.kind === 'list') values[field.name] = parseList(input.value);
      else values[field.name] = input.value;
    }
    return values;
  }

  showError(message, inputName) {
    this.clearError();
    this.alert.textContent = message;
    this.alert.hidden = false;
    const input = inputName && this.input(inputName);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-errormessage', this.alert.id);
    }
  }

  clearError() {
    this.alert.textContent = '';
    this.alert.hidden = true;
    for (const { input } of this.fields) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-errormessage');
    }
  }
}
