// What lessons with several experiments share: the select that runs both or
// one of them, and where C++'s complaint about a size belongs.

// experiments: [{id, title}]; hint: what each experiment runs.
export function experimentField(experiments, hint) {
  return {
    name: 'experiment', label: 'Experiment', kind: 'select', value: 'both',
    options: [{ value: 'both', label: 'both' }, ...experiments.map((x) => ({ value: x.id, label: `${x.title} only` }))],
    hint,
  };
}

// A LessonPage fieldFor: a size error goes to the size list of the experiment
// whose kernel C++ refused (experimentOf(kernel).sizes); others maps the
// remaining C++ fields to inputs.
export function experimentFieldFor(experimentOf, others) {
  return ({ request, field }) => (['n', 'm', 'k'].includes(field) ? experimentOf(request.kernel).sizes : others[field]);
}
