// The report page's "Hand in your exercises" card: the student types their
// name and downloads their submission (grade/submission-format.js), which an
// instructor's #/grade page regrades. The name is required and kept exactly
// as typed; an empty one gets a message and downloads nothing.
import { el } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { buildSubmission, parseSubmission, submissionFileName, MAX_NAME_LENGTH } from '../grade/submission-format.js';

// machine(): the report's describeMachine() of this page, now.
export function submissionCard(session, machine) {
  const error = el('p', { class: 'form-error', role: 'alert', id: 'submission-name-error', 'data-submission-error': '', hidden: true });
  const name = el('input', {
    type: 'text',
    id: 'submission-name',
    name: 'student',
    autocomplete: 'name',
    maxlength: MAX_NAME_LENGTH,
    'aria-describedby': 'submission-name-hint',
  });
  const say = (message) => {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) name.setAttribute('aria-invalid', 'true');
    else name.removeAttribute('aria-invalid');
    name.setAttribute('aria-describedby', message ? 'submission-name-hint submission-name-error' : 'submission-name-hint');
  };
  const exportIt = () => {
    if (name.value.trim() === '') {
      say('Type your name first: your instructor sees it beside your exercises.');
      name.focus();
      return;
    }
    say(null);
    const created = new Date().toISOString();
    const text = buildSubmission({
      student: name.value,
      catalog: session.catalog,
      progress: session.progress,
      machine: machine(),
      created,
    });
    // The file is read back as the instructor's page will read it: one it would refuse is not handed in.
    const read = parseSubmission(text, session.catalog);
    if (!read.ok) {
      say(
        `This file could not be handed in: ${read.field}: ${read.error} Fix that (in the exercise or prediction it names), then export again.`,
      );
      return;
    }
    downloadText(text, submissionFileName(name.value, created), 'application/json');
  };
  name.addEventListener('input', () => {
    if (!error.hidden && name.value.trim() !== '') say(null);
  });
  return el(
    'div',
    { class: 'card submission-export', 'data-submission-export': '' },
    el('h2', {}, 'Hand in your exercises'),
    el(
      'p',
      { class: 'report-intro' },
      'Export submission saves one file with the code you wrote for each exercise, its flags, your latest grade with its timings, the hints you opened and your predictions. ',
      'Your instructor regrades it on their own machine: the code is compiled and timed again there, and the figures in the file are shown only as your claim. ',
      el('a', { href: '#/grade' }, 'Instructors: regrade a class'),
      '.',
    ),
    el(
      'div',
      { class: 'field submission-name' },
      el('label', { for: 'submission-name' }, 'Your name'),
      name,
      el('p', { class: 'hint', id: 'submission-name-hint' }, 'As your instructor knows you; it is written into the file exactly as typed.'),
    ),
    el(
      'div',
      { class: 'buttons' },
      el('button', { type: 'button', class: 'button primary', 'data-action': 'export-submission', onclick: exportIt }, 'Export submission'),
    ),
    error,
  );
}
