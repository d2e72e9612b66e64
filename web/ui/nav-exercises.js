// Each lesson's C++ exercises in the navigation: one mark per exercise,
// from its latest grade kept (progress-store.js), which changes with every
// grade. The mark's shape says the state (a ring, half filled, filled, filled
// and ringed), so colour is never the only sign; the words go to screen
// readers and into the mark's tooltip.
import { el } from './dom.js';
import { isStudentExercise } from './catalog-query.js';
import { stateLabel } from '../grade/grade-state.js';

function stateOf(progress, name) {
  return progress.exerciseRecord(name)?.grade?.state ?? 'not_started';
}

function setMark(mark, exercise, state) {
  const words = `exercise “${exercise.title}”: ${stateLabel(state)}`;
  mark.dataset.state = state;
  mark.title = words.charAt(0).toUpperCase() + words.slice(1);
  mark.querySelector('.visually-hidden').textContent = `, ${words}`;
}

// links: the nav's lesson links (a[data-lesson]); catalog: the session's.
export function markExercises(links, catalog, progress) {
  const marks = new Map(); // exercise name → [mark, exercise]
  for (const link of links) {
    const exercises = catalog.kernels.filter((k) => isStudentExercise(k) && k.lesson === link.dataset.lesson);
    if (exercises.length === 0) continue;
    const group = el('span', { class: 'nav-exercises' });
    for (const exercise of exercises) {
      const mark = el(
        'span',
        { class: 'nav-exercise', 'data-nav-exercise': exercise.name },
        el('span', { class: 'nav-exercise-dot', 'aria-hidden': 'true' }),
        el('span', { class: 'visually-hidden' }),
      );
      setMark(mark, exercise, stateOf(progress, exercise.name));
      marks.set(exercise.name, [mark, exercise]);
      group.append(mark);
    }
    link.append(group);
  }
  progress.addEventListener('exercise', ({ detail }) => {
    const found = marks.get(detail.name);
    if (found) setMark(found[0], found[1], detail.record?.grade?.state ?? 'not_started');
  });
}
