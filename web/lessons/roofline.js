// Lesson 8: the learner's own roofline, drawn from two probes of their machine.
import { el } from '../ui/dom.js';
import { CodeView } from '../ui/source-view.js';

const LESSON = { id: 'roofline', number: 8, title: 'Roofline' };

export default {
  ...LESSON,
  mount(session) {
    const probes = session.kernels((k) => k.lesson === LESSON.id);
    return el('section', { class: 'lesson', 'data-lesson-view': LESSON.id, 'data-running': 'false', hidden: true },
      el('header', { class: 'lesson-head' },
        el('p', { class: 'eyebrow' }, `Lesson ${LESSON.number}`),
        el('h1', {}, LESSON.title)),
      el('div', { class: 'card code' }, el('h2', {}, 'The code'),
        new CodeView({
          kernels: probes,
          operations: [...new Set(probes.map((k) => k.operation))].map((id) => session.operation(id)),
          sources: probes.map((k) => k.source),
        }).element));
  },
};
