// A student's progress, kept in localStorage so that it survives a reload:
// which lessons were visited and run, the predictions entered, each lesson's
// results and verdict, every timed run for the lab report, and the C++ the
// student wrote in a code panel, with the compiler flags last chosen.
//
// A saved result is a fact about the build that measured it, so results are
// filed under the module's name (kernel_lab, kernel_lab_st, kernel_lab_nosimd)
// with a fingerprint of its catalog. Only results of the module this page
// loaded, with the same fingerprint, are handed back, and always as results
// of an earlier visit, never as measurements of this page load. Results filed
// under a fingerprint the module no longer has (the C++ changed) are dropped.
//
// Format (version 1), one JSON value under KEY:
//   {format: 'kernel-lab-progress', version: 1,
//    lessons: {[lessonId]: {visited?: iso, ran?: iso, prediction?: string}},
//    code?: {[exerciseKernel]: {text?: string, flags?: {opt, simd, autovec}, at: iso}},
//    builds: {[module]: {fingerprint,
//      lessons: {[lessonId]: {at: iso, entries: [{meta, results, demos}], verdict?: {text, tone}, notes: [string]}},
//      measurements: [{at, lesson, request, result}]}}}
// Timing samples are thinned to at most MAX_SAMPLES order statistics
// (timing.samples_thinned_from says how many there were), and a build keeps
// its latest MAX_MEASUREMENTS runs, so the whole stays far below the few MiB
// a browser allows a site.

export const PROGRESS_KEY = 'kernel-lab-progress';
export const PROGRESS_FORMAT = 'kernel-lab-progress';
export const PROGRESS_VERSION = 1;
const MAX_SAMPLES = 200;
const MAX_MEASUREMENTS = 400;
const WRITE_DELAY_MS = 250;

// FNV-1a over what decides a result: the build's facts and the kernels,
// operations and demos with their formulas. The clock's measured resolution
// changes from load to load, so it is left out.
export function catalogFingerprint(catalog) {
  const text = JSON.stringify([catalog.build, catalog.kernels, catalog.operations, catalog.demos]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

// A browser that blocks site data throws on the very access.
function localStorageOrNull() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function emptyState() {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, lessons: {}, builds: {} };
}

function read(storage) {
  try {
    const state = JSON.parse(storage.getItem(PROGRESS_KEY));
    const valid =
      state &&
      state.format === PROGRESS_FORMAT &&
      state.version === PROGRESS_VERSION &&
      typeof state.lessons === 'object' &&
      typeof state.builds === 'object';
    return valid ? state : emptyState();
  } catch {
    return emptyState(); // unreadable or from a format this page does not know: start afresh
  }
}

// Evenly spaced order statistics keep the samples' distribution (the
// histogram's shape, the median) at a fraction of the size.
function thin(samples) {
  if (!Array.isArray(samples) || samples.length <= MAX_SAMPLES) return samples;
  const sorted = [...samples].sort((a, b) => a - b);
  return Array.from({ length: MAX_SAMPLES }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (MAX_SAMPLES - 1))]);
}

function slimResult(result) {
  if (!result?.timing?.samples_s || result.timing.samples_s.length <= MAX_SAMPLES) return result;
  return {
    ...result,
    timing: { ...result.timing, samples_s: thin(result.timing.samples_s), samples_thinned_from: result.timing.samples_s.length },
  };
}

const slimEntry = ({ meta, results, demos }) => ({ meta, results: results.map(slimResult), demos });
const noteText = (note) => (typeof note === 'string' ? note : note.textContent);

export class ProgressStore {
  // module: the name of the build that loaded; storage: localStorage, or a
  // stand-in (null where the browser refuses storage: then nothing is kept).
  constructor({ module, catalog, storage = localStorageOrNull() }) {
    this.storage = storage;
    this.module = module;
    this.fingerprint = catalogFingerprint(catalog);
    this.state = storage ? read(storage) : emptyState();
    const filed = this.state.builds[module];
    this.earlier = filed?.fingerprint === this.fingerprint ? structuredClone(filed) : null;
    if (filed && !this.earlier) delete this.state.builds[module];
    this.timer = null;
    this.pages = []; // the lesson pages to restore, see follow()
    addEventListener('pagehide', () => {
      if (this.timer !== null) this.flush();
    });
  }

  // page: a LessonPage, whose keepProgress(store) restore() calls.
  follow(page) {
    this.pages.push(page);
  }

  // Hands every lesson its prediction and earlier results, once all are mounted.
  restore() {
    for (const page of this.pages) page.keepProgress(this);
  }

  // The results of this build, filed now or on an earlier visit.
  build() {
    this.state.builds[this.module] ??= { fingerprint: this.fingerprint, lessons: {}, measurements: [] };
    return this.state.builds[this.module];
  }

  lesson(id) {
    this.state.lessons[id] ??= {};
    return this.state.lessons[id];
  }

  // {at, entries, verdict, notes, module} a lesson can show as its results
  // from an earlier visit, or null.
  earlierResults(id) {
    const saved = this.earlier?.lessons[id];
    if (!saved?.entries?.length) return null;
    const entries = saved.entries.map((e) => ({ ...e, result: e.results.at(-1) }));
    return { ...saved, entries, module: this.module };
  }

  // The timed runs of earlier visits, oldest first.
  earlierMeasurements() {
    return this.earlier?.measurements ?? [];
  }

  prediction(id) {
    return this.state.lessons[id]?.prediction ?? '';
  }

  visit(id) {
    this.lesson(id).visited = new Date().toISOString();
    this.save();
  }

  predict(id, value) {
    if (value) this.lesson(id).prediction = value;
    else delete this.lesson(id).prediction;
    this.save();
  }

  // What the student last wrote for an exercise, {text?, flags?}, or null.
  // The text belongs to no build: the same C++ compiles for any of them.
  code(exercise) {
    return this.state.code?.[exercise] ?? null;
  }

  // Keeps part of an exercise's code panel: {text} or {flags}.
  keepCode(exercise, part) {
    this.state.code ??= {};
    this.state.code[exercise] = { ...this.state.code[exercise], ...part, at: new Date().toISOString() };
    this.save();
  }

  // The panel's Reset: the stub comes back, so nothing of the student's text is kept.
  forgetCode(exercise) {
    if (!this.state.code?.[exercise]) return;
    delete this.state.code[exercise].text;
    this.save();
  }

  // A lesson's results now: what it measured in this page load, its verdict and notes.
  keepResults(id, { entries, verdict, notes }) {
    const lessons = this.build().lessons;
    if (entries.length === 0) {
      delete lessons[id];
    } else {
      lessons[id] = { at: new Date().toISOString(), entries: entries.map(slimEntry), verdict, notes: notes.map(noteText) };
      this.lesson(id).ran = new Date().toISOString();
    }
    this.save();
  }

  addMeasurement(measurement) {
    const list = this.build().measurements;
    list.push({ ...measurement, result: slimResult(measurement.result) });
    list.splice(0, Math.max(list.length - MAX_MEASUREMENTS, 0));
    this.save();
  }

  // Forgets everything, in storage and in this page's copy.
  reset() {
    clearTimeout(this.timer);
    this.timer = null;
    this.state = emptyState();
    this.earlier = null;
    this.storage?.removeItem(PROGRESS_KEY);
  }

  // Writes are gathered for a moment (a sweep logs a run every few hundred
  // milliseconds), and written at once when the page goes away.
  save() {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.storage) return;
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(this.state));
    } catch {
      // Over the site's quota: the other builds' results go first, then this
      // one's oldest runs; what still does not fit is not kept.
      for (const module of Object.keys(this.state.builds)) if (module !== this.module) delete this.state.builds[module];
      const list = this.build().measurements;
      list.splice(0, Math.ceil(list.length / 2));
      try {
        this.storage.setItem(PROGRESS_KEY, JSON.stringify(this.state));
      } catch {
        this.storage.removeItem(PROGRESS_KEY);
      }
    }
  }
}
