// A student's progress, kept in localStorage so that it survives a reload:
// which lessons were visited and run, the predictions entered, each lesson's
// results and verdict, every timed run for the lab report, the C++ the
// student wrote in a code panel, with the compiler flags last chosen, and
// each exercise's hints opened and latest grade.
//
// A saved result is a fact about the build that measured it, so results are
// filed under the module's name (kernel_lab, kernel_lab_st, kernel_lab_nosimd)
// with a fingerprint of its catalog. Only results of the module this page
// loaded, with the same fingerprint, are handed back, and always as results
// of an earlier visit, never as measurements of this page load. Results filed
// under a fingerprint the module no longer has (the C++ changed) are dropped.
// Predictions, code, hints and grades belong to the student, not to a build.
//
// Format (version 1), one JSON value under KEY:
//   {format: 'kernel-lab-progress', version: 1,
//    lessons: {[lessonId]: {visited?: iso, ran?: iso, prediction?: string,
//      predictions?: {[question]: PredictionRecord}}},
//    code?: {[exerciseKernel]: {text?: string, flags?: {opt, simd, autovec}, at: iso}},
//    exercises?: {[exerciseKernel]: {hints_opened: number, grade?: GradeRecord}},
//    builds: {[module]: {fingerprint,
//      lessons: {[lessonId]: {at: iso, entries: [{meta, results, demos}], verdict?: {text, tone}, notes: [string]}},
//      measurements: [{at, lesson, request, result}]}}}
// `prediction` is what the prediction field holds now. A PredictionRecord,
//   {first?: {value, at: iso, verdict?: {text, tone}}, later: [{value, at, verdict?}]},
// is what a lesson's Runs judged: `first` is the prediction in force when a
// Run first gave a verdict (an empty field makes none), kept as it was from
// then on; each Run after it with a prediction adds to `later`, which keeps
// the newest MAX_LATER. `question` names the question a lesson asked
// (Exercise's `question`): OPENING_QUESTION for a lesson that asks one, a
// name of its own for each of a lesson's several questions (threads: 'sweep',
// 'small'). A GradeRecord is the code panel's grade, kept as given; its
// `state` is one of STATES. The fields `predictions` and `exercises`
// came later in version 1: a state saved without them loads as one where
// nothing was predicted, opened or graded yet.
// Timing samples are thinned to at most MAX_SAMPLES order statistics
// (timing.samples_thinned_from says how many there were), and a build keeps
// its latest MAX_MEASUREMENTS runs, so the whole stays far below the few MiB
// a browser allows a site.
//
// The store is an EventTarget: keepHintsOpened() and keepGrade() dispatch
// 'exercise' (detail {name, record}: the exercise's record as exerciseRecord()
// gives it), and a Run's prediction 'prediction' (detail {lesson, question,
// record}). Reset progress reloads the page, so it dispatches nothing.

import { isStudentExercise } from './catalog-query.js';
import { STATES } from '../grade/grade-state.js';

export const PROGRESS_KEY = 'kernel-lab-progress';
export const PROGRESS_FORMAT = 'kernel-lab-progress';
export const PROGRESS_VERSION = 1;
const MAX_SAMPLES = 200;
const MAX_MEASUREMENTS = 400;
const MAX_LATER = 20;
export const OPENING_QUESTION = 'main';
// An exercise's grades, from nothing done to fast enough; the nav shows the latest kept.
const TONES = ['right', 'wrong', 'neutral'];
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

// A copy of a prediction's verdict as the store keeps it, or a TypeError.
function verdictOf(verdict, method) {
  if (verdict === undefined) return undefined;
  if (typeof verdict?.text !== 'string' || !TONES.includes(verdict.tone)) {
    throw new TypeError(`${method}: a verdict is {text, tone} with tone ${TONES.join(', ')}; got ${JSON.stringify(verdict)}`);
  }
  return { text: verdict.text, tone: verdict.tone };
}

export class ProgressStore extends EventTarget {
  // module: the name of the build that loaded; storage: localStorage, or a
  // stand-in (null where the browser refuses storage: then nothing is kept).
  constructor({ module, catalog, storage = localStorageOrNull() }) {
    super();
    this.storage = storage;
    this.module = module;
    this.fingerprint = catalogFingerprint(catalog);
    this.state = storage ? read(storage) : emptyState();
    const filed = this.state.builds[module];
    this.earlier = filed?.fingerprint === this.fingerprint ? structuredClone(filed) : null;
    if (filed && !this.earlier) delete this.state.builds[module];
    this.exercises = new Set(catalog.kernels.filter(isStudentExercise).map((k) => k.name));
    this.timer = null;
    this.pages = []; // the lesson pages to restore, see follow()
    globalThis.addEventListener('pagehide', () => {
      if (this.timer !== null) this.flush();
    });
  }

  // page: a LessonPage, whose keepProgress(store) restore() calls, and whose
  // exercise.opening names the question its lesson asks first.
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

  // What the Runs of a lesson judged of one question's predictions (the
  // question the lesson asks first unless named): {first?, later}, a copy.
  predictionRecord(lessonId, question = this.openingQuestion(lessonId)) {
    const record = this.state.lessons[lessonId]?.predictions?.[question];
    return structuredClone({
      ...(record?.first && { first: record.first }),
      later: Array.isArray(record?.later) ? record.later : [],
    });
  }

  // Every question's record of a lesson, {[question]: {first?, later}}.
  predictionRecords(lessonId) {
    const questions = Object.keys(this.state.lessons[lessonId]?.predictions ?? {});
    return Object.fromEntries(questions.map((question) => [question, this.predictionRecord(lessonId, question)]));
  }

  openingQuestion(lessonId) {
    return this.pages.find((page) => page.spec.id === lessonId)?.exercise.opening ?? OPENING_QUESTION;
  }

  // A Run's verdict on the prediction in force: the first Run with a value
  // makes it `first`, kept as it was from then on; every Run with a value
  // after it is a later try. A Run with none changes nothing. Returns the
  // question's record.
  judgePrediction(lessonId, { question = OPENING_QUESTION, value, verdict }) {
    if (typeof value !== 'string') throw new TypeError(`judgePrediction: the value is a string; got ${JSON.stringify(value)}`);
    const judged = verdictOf(verdict, 'judgePrediction');
    const predictions = (this.lesson(lessonId).predictions ??= {});
    const record = (predictions[question] ??= { later: [] });
    // A Run made before any prediction is the first one, kept as none: a guess
    // typed after seeing its results is a later try. An empty later try is not kept.
    if (value === '' && record.first) return this.predictionRecord(lessonId, question);
    const kept = { value, at: new Date().toISOString(), ...(judged && { verdict: judged }) };
    if (record.first) record.later = [...(Array.isArray(record.later) ? record.later : []), kept].slice(-MAX_LATER);
    else record.first = kept;
    this.save();
    const copy = this.predictionRecord(lessonId, question);
    this.dispatchEvent(new CustomEvent('prediction', { detail: { lesson: lessonId, question, record: copy } }));
    return copy;
  }

  // An exercise's hints opened and latest grade, {hints_opened, grade?}, or
  // undefined when the student has done neither.
  exerciseRecord(name) {
    const record = this.state.exercises?.[name];
    if (!record) return undefined;
    return structuredClone({ ...record, hints_opened: Number.isInteger(record.hints_opened) ? record.hints_opened : 0 });
  }

  // count: how many of the exercise's hints are open; a smaller count than
  // kept (a hint folded away again) changes nothing.
  keepHintsOpened(name, count) {
    this.checkExercise(name, 'keepHintsOpened');
    if (!Number.isInteger(count) || count < 0) {
      throw new TypeError(`keepHintsOpened: the count is a whole number from 0 up; got ${JSON.stringify(count)}`);
    }
    if (count <= (this.exerciseRecord(name)?.hints_opened ?? 0)) return;
    this.exerciseState(name).hints_opened = count;
    this.exerciseChanged(name);
  }

  // grade: a plain JSON object whose state is one of STATES; it
  // replaces the grade kept before, so the record holds the latest.
  keepGrade(name, grade) {
    this.checkExercise(name, 'keepGrade');
    if (!STATES.includes(grade?.state)) {
      throw new TypeError(`keepGrade: grade.state is one of ${STATES.join(', ')}; got ${JSON.stringify(grade?.state)}`);
    }
    this.exerciseState(name).grade = JSON.parse(JSON.stringify(grade));
    this.exerciseChanged(name);
  }

  checkExercise(name, method) {
    if (!this.exercises.has(name)) {
      throw new TypeError(`${method}: the catalog has no exercise named ${JSON.stringify(name)}`);
    }
  }

  exerciseState(name) {
    this.state.exercises ??= {};
    this.state.exercises[name] ??= {};
    this.state.exercises[name].hints_opened ??= 0;
    return this.state.exercises[name];
  }

  exerciseChanged(name) {
    this.save();
    this.dispatchEvent(new CustomEvent('exercise', { detail: { name, record: this.exerciseRecord(name) } }));
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
