// What the lessons share: the lab client and its catalog, the rule that only one
// lesson runs at a time (the client's cancel stops everything queued, so two
// lessons' sweeps must not interleave), and findings one lesson leaves for
// another, such as the fastest loop order measured so far.
export class Session extends EventTarget {
  constructor(lab, catalog) {
    super();
    this.lab = lab;
    this.catalog = catalog;
    this.runner = null; // {id, title} of the lesson whose sweep is running
    this.findings = new Map();
  }

  kernels(predicate = () => true) {
    return this.catalog.kernels.filter(predicate);
  }

  kernel(name) {
    return this.catalog.kernels.find((k) => k.name === name);
  }

  operation(id) {
    return this.catalog.operations.find((op) => op.id === id);
  }

  demos(predicate = () => true) {
    return this.catalog.demos.filter(predicate);
  }

  claim(lesson) {
    if (this.runner && this.runner.id !== lesson.id) return false;
    this.runner = lesson;
    this.dispatchEvent(new Event('runner'));
    return true;
  }

  release(lesson) {
    if (this.runner?.id !== lesson.id) return;
    this.runner = null;
    this.dispatchEvent(new Event('runner'));
  }

  publish(key, value) {
    this.findings.set(key, value);
    this.dispatchEvent(new CustomEvent('finding', { detail: { key, value } }));
  }
}
