// A small form of its own inside a lesson's card: named text inputs, an
// optional button and an alert under them. The panels that call a C++ demo or
// the run validation use it, so a bad value gets its message the same way in
// every lesson.
import { el } from './dom.js';
import { parseNumber } from './form.js';

// inputs: [{name, label, value?}]. onSubmit({value, showError}) runs on every
// submit: value(name) is that input's number (NaN if it is not one), and
// showError(message, name?) shows the message (or clears it, given null) and
// marks the input at fault. Returns {element, submit, lock}; submit() runs
// onSubmit as the button does, for a panel that fills itself in on load, and
// lock(true) keeps the inputs and the button from changing while a run goes.
export function panelForm({ inputs, button, action, onSubmit }) {
  const alert = el('p', { class: 'form-error', role: 'alert', 'data-panel-error': '', hidden: true });
  const fields = new Map(
    inputs.map(({ name, value }) => [
      name,
      el('input', {
        id: `panel-${name}`,
        name,
        type: 'text',
        value: value ?? '',
        inputmode: 'decimal',
        spellcheck: 'false',
        autocomplete: 'off',
      }),
    ]),
  );
  const value = (name) => parseNumber(fields.get(name).value);
  const showError = (message, name) => {
    alert.textContent = message ?? '';
    alert.hidden = !message;
    for (const [key, input] of fields) {
      if (message && key === name) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
  const submit = () => onSubmit({ value, showError });
  const fieldset = el(
    'fieldset',
    { class: 'panel-fields' },
    inputs.map(({ name, label }) => el('div', { class: 'field' }, el('label', { for: `panel-${name}` }, label), fields.get(name))),
    button ? el('button', { type: 'submit', class: 'button primary', 'data-action': action }, button) : null,
  );
  const element = el('form', { class: 'panel-form', novalidate: true }, fieldset, alert);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  return {
    element,
    submit,
    lock: (locked) => {
      fieldset.disabled = locked;
    },
  };
}
