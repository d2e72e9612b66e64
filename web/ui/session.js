// What the lessons share: the lab client and its catalog, the rule that only one
// lesson runs at a time (the client's cancel stops everything queued, so two
// lessons' sweeps must not interleave), and findings one lesson leaves for
// another, such as the fastest loop order measured so far, and the log of every
// timed run, which the roofline and the lab report are drawn from.
import { kernelByRole, sourcesOf } from './catalog-query.js';

export class Session extends EventTarget {
  constructor(lab, catalog) {
    super();
    this.lab = lab;
    this.catalog = catalog;
    // The ProgressStore that keeps progress across visits, or null (progress-store.js).
    this.progress = null;
    // {id, title} of the lesson whose sweep is running; a panel that runs its
    // own sweep has its own id, and says in `lesson` which lesson it is part of.
    this.runner = null;
    this.findings = new Map();
    // [{at, lesson, request, result}], oldest first: every run that was timed
    // (status "ok"), from any lesson or panel. `lesson` is the lesson whose sweep
    // was running, or null for a run no sweep claimed. A code panel's check
    // calls (check_only, student-check.js) are no measurements: a kernel is
    // checked at dozens of tiny shapes, which would crowd out the real ones.
    // Nor are grading runs (unlogged, grade/bar-timing.js): a regrade of a
    // class would bury the instructor's own measurements.
    this.measurements = [];
    lab.onResult((request, result) => {
      if (result.status !== 'ok' || request.check_only || request.unlogged) return;
      const measurement = { at: new Date().toISOString(), lesson: this.runner?.lesson ?? this.runner?.id ?? null, request, result };
      this.measurements.push(measurement);
      this.dispatchEvent(new CustomEvent('measurement', { detail: measurement }));
    });
  }

  kernels(predicate = () => true) {
    return this.catalog.kernels.filter(predicate);
  }

  kernel(name) {
    return this.catalog.kernels.find((k) => k.name === name);
  }

  // The one kernel with these catalog fields ({role, operation, dtype,
  // variant, backend}); throws when there is not exactly one.
  kernelByRole(query) {
    return kernelByRole(this.catalog, query);
  }

  // What a listing of these kernels shows: their files, then `more`.
  sourcesOf(kernels, ...more) {
    return sourcesOf(kernels, ...more);
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
