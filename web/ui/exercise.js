// The guided exercise: a prediction made before the run, locked while it runs,
// and a verdict computed from the measurements afterwards. The prediction in
// force at the first verdict is kept, read-only, beside the verdicts after
// it; a guess entered later is judged too, and kept as a later try.
import { el } from './dom.js';
import { OPENING_QUESTION } from './progress-store.js';

let nextId = 1;

// How many later tries the card lists; the store keeps more.
const LATER_SHOWN = 5;
const TONE_WORDS = { right: 'right', wrong: 'wrong', neutral: 'undecided' };

const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// control: {kind: 'select', options: [{value, label}]} or {kind: 'number', placeholder, inputmode?}
// (inputmode 'decimal' for a guess with a decimal point; 'numeric' otherwise)
// question: the name its predictions are kept under (progress-store.js), for
// a lesson that asks several questions; see ask().
export class Exercise {
  constructor({ prompt, control, label, question = OPENING_QUESTION }) {
    const id = `prediction-${nextId++}`;
    this.id = id;
    this.question = question;
    this.opening = question;
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
    this.laterHint = el(
      'p',
      { class: 'hint', id: `${id}-later`, hidden: true },
      'A guess you enter now is judged by your next Run and kept as a later try; your first prediction stays as it was.',
    );
    this.firstSlot = el('div', { class: 'first-slot' });
    this.verdictCaption = el('p', { class: 'verdict-caption', hidden: true }, 'Your latest Run');
    this.verdictSlot = el('div', { class: 'verdict-slot' });
    this.verdict = null; // {text, tone} of the verdict shown
    this.record = { later: [] }; // what the store kept of this question's predictions
    this.onAsk = null; // called with the question's name when ask() changes it
    this.element = el(
      'div',
      { class: 'card exercise', 'data-exercise': '' },
      el('h2', {}, el('span', { class: 'step' }, '1'), 'Predict'),
      this.prompt,
      el('div', { class: 'field' }, this.label, this.input, this.laterHint),
      this.firstSlot,
      this.verdictCaption,
      this.verdictSlot,
    );
  }

  // For a lesson that asks one of several questions (a number each): the
  // answer and verdict given to the old question go with it, and the
  // question's own kept predictions come with it (onAsk).
  ask({ question, prompt, label, placeholder, inputmode = 'numeric' }) {
    this.question = question;
    this.prompt.textContent = prompt;
    this.label.textContent = label;
    Object.assign(this.input, { value: '', placeholder, inputMode: inputmode });
    this.clearVerdict();
    this.showRecord({ later: [] });
    this.onAsk?.(question);
  }

  value() {
    return this.input.value.trim();
  }

  // A prediction as the student chose it: a choice's label, a number as typed.
  shown(value) {
    if (value === '') return 'none: the first Run came before a prediction';
    if (this.input.tagName !== 'SELECT') return value;
    return [...this.input.options].find((o) => o.value === value)?.textContent ?? value;
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

  // record: {first?, later} of the question asked (progress-store.js). The
  // first prediction shows read-only, with its verdict unless that is the
  // verdict shown below it.
  showRecord(record) {
    this.record = record;
    const { first, later } = record;
    this.laterHint.hidden = !first;
    if (first) this.input.setAttribute('aria-describedby', this.laterHint.id);
    else this.input.removeAttribute('aria-describedby');
    const ownVerdict = first?.verdict && first.verdict.text !== this.verdict?.text;
    this.verdictCaption.hidden = !(first && this.verdict && (ownVerdict || !first.verdict));
    if (!first) {
      this.firstSlot.replaceChildren();
      return;
    }
    const [titleId, noteId] = [`${this.id}-first`, `${this.id}-first-note`];
    this.firstSlot.replaceChildren(
      el(
        'div',
        { class: 'first-prediction', 'data-first-prediction': '' },
        el('p', { class: 'first-title', id: titleId }, el('span', { class: 'lock', 'aria-hidden': 'true' }), 'Your first prediction, kept'),
        el('input', {
          type: 'text',
          readonly: true,
          value: this.shown(first.value),
          'data-first-value': '',
          'aria-labelledby': titleId,
          'aria-describedby': noteId,
        }),
        el(
          'p',
          { class: 'first-note', id: noteId },
          `Locked as it was when your first Run judged it, on ${when(first.at)}.` +
            (first.verdict && !ownVerdict ? ' Its verdict is the one below.' : ''),
        ),
        ownVerdict &&
          el('p', { class: `verdict verdict-${first.verdict.tone}`, 'data-first-verdict': '' }, `Verdict then: ${first.verdict.text}`),
        later.length > 0 && this.laterList(later),
      ),
    );
  }

  laterList(later) {
    const shown = later.slice(-LATER_SHOWN);
    const hidden = later.length - shown.length;
    return el(
      'div',
      { class: 'later-tries', 'data-later-tries': '' },
      el('p', {}, `Later tries (${later.length}), newest last${hidden ? `; the ${hidden} before these are kept too` : ''}:`),
      el(
        'ol',
        {},
        shown.map((t) =>
          el(
            'li',
            { 'data-later-try': '' },
            el('span', { class: 'later-value' }, this.shown(t.value)),
            t.verdict && el('span', { class: `later-tone tone-${t.verdict.tone}` }, TONE_WORDS[t.verdict.tone]),
          ),
        ),
      ),
    );
  }

  // tone: 'right', 'wrong' or 'neutral'; earlier: the verdict of an earlier
  // visit's run, shown as one.
  showVerdict(text, tone, { earlier = false } = {}) {
    this.verdict = { text, tone };
    this.verdictSlot.replaceChildren(
      el('p', { class: `verdict verdict-${tone}`, 'data-verdict': '' }, earlier ? `From your earlier visit: ${text}` : text),
    );
    this.showRecord(this.record);
  }

  clearVerdict() {
    this.verdict = null;
    this.verdictSlot.replaceChildren();
    this.showRecord(this.record);
  }
}
