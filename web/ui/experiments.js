// What lessons with several experiments share: the select that runs both or
// one of them, which experiment a kernel belongs to, and which size list
// shows. An experiment is {id, title, operation, sizes: the name of its
// size-list input}. A size C++ refuses goes to that list (refusal-field.js).

// experiments: [{id, title}]; hint: what each experiment runs. With both
// (the default), the select offers both experiments or either one alone;
// without, one of them at a time, the first to start with.
export function experimentField(experiments, hint, { both = true } = {}) {
  const one = experiments.map((x) => ({ value: x.id, label: both ? `${x.title} only` : x.title }));
  return {
    name: 'experiment',
    label: 'Experiment',
    kind: 'select',
    value: both ? 'both' : experiments[0].id,
    options: both ? [{ value: 'both', label: 'both' }, ...one] : one,
    hint,
  };
}

// The experiments a value of the select picks: one, or all of them for 'both'.
export const chosenExperiments = (experiments, value) => experiments.filter((x) => value === 'both' || value === x.id);

// Each experiment with what the catalog says of it: the lesson's kernels of
// its operation, the operation, whether a length N alone sizes it (vector,
// measured in GB/s), and the kernels the lesson names by role:
// roles(kernels, experiment) → {scalar: kernel, ...}.
export function experimentsOf(session, lessonId, experiments, roles) {
  const ours = session.kernels((k) => k.lesson === lessonId);
  return experiments.map((x) => {
    const kernels = ours.filter((k) => k.operation === x.operation);
    const op = session.operation(x.operation);
    return { ...x, kernels, op, vector: op.shape === 'vector', ...roles(kernels, x) };
  });
}

// kernel name → the experiment that times its operation.
export const experimentOfKernel = (session, experiments) => (name) =>
  experiments.find((x) => x.operation === session.kernel(name).operation);

// Shows only the picked experiments' size lists, then calls show(picked) for
// what else the lesson ties to them, now and whenever the select changes.
export function followExperimentSelect(page, experiments, show = () => {}) {
  const select = page.form.input('experiment');
  const update = () => {
    const picked = chosenExperiments(experiments, select.value);
    for (const x of experiments) page.form.setVisible(x.sizes, picked.includes(x));
    show(picked);
  };
  select.addEventListener('change', update);
  update();
}
