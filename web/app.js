// Entry point: starts the lab worker, says how it went in the status line,
// builds the lesson navigation from the registry and shows one lesson at a time,
// chosen by the URL hash (#/loops), and the pages after the lessons (#/report, #/grade).
// Progress is kept across visits (ui/progress-store.js), and the navigation
// marks what was done: lessons run, exercises graded. The header's Reset
// progress forgets it.
// The lessons are most of the page's code, so they are imported only once the
// lab worker is on its way: the module compiles while they load.
import { browserName } from './engine.js';
import { reloadForIsolation } from './isolation.js';
import { LabClient } from './lab-client.js';
import { Session } from './ui/session.js';
import { ProgressStore } from './ui/progress-store.js';
import { markExercises } from './ui/nav-exercises.js';
import { el, setChildren, withCode } from './ui/dom.js';
import { seconds, bytes } from './ui/format.js';

const status = document.querySelector('[data-lab-status]');
const nav = document.querySelector('[data-lesson-nav]');
const main = document.querySelector('[data-lessons]');
const buildNotice = document.querySelector('[data-build-notice]');
const masthead = document.querySelector('.masthead');

// Every view the hash can name: the lessons, then the pages. Set by start().
let views = [];

// A page has no number: its mark says it is not a lesson.
function buildNav() {
  for (const view of views) {
    const page = view.number === undefined;
    nav.append(
      el(
        'li',
        { class: page ? 'nav-page' : null },
        el(
          'a',
          { href: `#/${view.id}`, 'data-lesson': view.id },
          el('span', { class: 'nav-number', 'aria-hidden': page ? 'true' : null }, page ? '∑' : String(view.number)),
          el('span', { class: 'nav-title' }, view.title),
        ),
      ),
    );
  }
}

function currentLessonId() {
  const id = location.hash.replace(/^#\/?/, '');
  return views.some((view) => view.id === id) ? id : views[0].id;
}

// A lesson run on an earlier visit has a tick beside its number, and says so in words.
function markProgress(progress) {
  for (const link of nav.querySelectorAll('a[data-lesson]')) {
    if (!progress.state.lessons[link.dataset.lesson]?.ran) continue;
    link.append(
      el(
        'span',
        { class: 'nav-done', 'data-nav-done': '' },
        el('span', { 'aria-hidden': 'true' }, '✓'),
        el('span', { class: 'visually-hidden' }, ' (run on an earlier visit)'),
      ),
    );
  }
}

function resetButton(progress) {
  return el(
    'button',
    {
      type: 'button',
      class: 'button quiet reset-progress',
      'data-action': 'reset-progress',
      onclick: () => {
        if (
          !confirm(
            'Forget your saved progress: predictions, verdicts, the results of earlier visits, the code you wrote in the page, and your exercises’ hints and grades? The page reloads without them.',
          )
        )
          return;
        progress.reset();
        location.reload();
      },
    },
    'Reset progress',
  );
}

// focus: after a click or Enter in the navigation, the new view's heading takes
// focus, so the keyboard and a screen reader continue in it, not in the nav.
function show(id, progress, { focus = false } = {}) {
  progress?.visit(id);
  for (const link of nav.querySelectorAll('a[data-lesson]')) {
    if (link.dataset.lesson === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const section of main.querySelectorAll('section[data-lesson-view]')) {
    section.hidden = section.dataset.lessonView !== id;
  }
  document.title = `${views.find((view) => view.id === id).title} · Kernel Lab`;
  if (focus) {
    const heading = main.querySelector(`section[data-lesson-view="${id}"] h1`);
    heading.tabIndex = -1;
    heading.focus();
  }
}

// What the loaded module can do, in the words the lessons use.
function describeBuild(build, threads) {
  if (!build.simd) return 'scalar, 1 thread';
  if (!build.threads) return 'SIMD128, 1 thread';
  return `SIMD128 + ${threads} thread${threads === 1 ? '' : 's'}`;
}

// incident: what happened to the lab since it started (a crashed worker), said first.
function reportReady(catalog, build, incident = null) {
  status.dataset.state = incident ? 'recovered' : 'ready';
  const facts = [
    browserName(navigator.userAgent),
    describeBuild(build, catalog.build.max_threads),
    `${catalog.clock.name}, measured resolution ${seconds(catalog.clock.resolution_s)}`,
    `cross-origin isolated: ${self.crossOriginIsolated ? 'yes' : 'no'}`,
    `${navigator.hardwareConcurrency} hardware threads`,
    `${bytes(catalog.memory_bytes)} per run`,
  ];
  setChildren(
    status,
    el('strong', {}, incident ? 'Ready again.' : 'Ready'),
    incident && el('span', { 'data-incident': '' }, `${incident} It was restarted; results measured before are kept.`),
    ...facts.map((fact) => el('span', {}, el('span', { class: 'separator', 'aria-hidden': 'true' }, ' · '), fact)),
  );
  // A lesser build is a fact about this browser, not a failure: say it once, plainly.
  if (build.reason) {
    buildNotice.replaceChildren(...withCode(build.reason));
    buildNotice.hidden = false;
  }
}

// A crashed worker is being replaced, or could not be: say so until it is back.
function reportWorker(catalog, build, { state, message }) {
  if (state === 'ready') {
    reportReady(catalog, build, message);
    return;
  }
  status.dataset.state = state === 'failed' ? 'error' : 'restarting';
  setChildren(
    status,
    el('strong', {}, state === 'failed' ? 'Stopped.' : 'Restarting.'),
    el(
      'span',
      { 'data-incident': '' },
      state === 'failed' ? message : `${message} Starting a fresh copy; results measured before are kept.`,
    ),
  );
}

function reportFailure(error) {
  status.dataset.state = 'error';
  setChildren(status, el('strong', {}, 'The lab could not start. '), error.message);
  main.replaceChildren(
    el('section', { class: 'fatal card' }, el('h1', {}, 'The lab could not start'), el('p', { role: 'alert' }, error.message)),
  );
}

async function start() {
  if (await reloadForIsolation()) {
    status.textContent = 'Turning on cross-origin isolation for threads: the page reloads once…';
    return;
  }
  const lab = new LabClient();
  let catalog;
  let lessons;
  let pages;
  try {
    [catalog, { lessons, pages }] = await Promise.all([lab.start(), import('./lessons/index.js')]);
  } catch (error) {
    reportFailure(error);
    return;
  }
  views = [...lessons, ...pages];
  buildNav();
  reportReady(catalog, lab.build);
  lab.onWorker((event) => reportWorker(catalog, lab.build, event));
  const session = new Session(lab, catalog);
  // A test hook: with ?test-hooks in the address, the browser tests reach the
  // lab client (to crash its worker) and the session (to read its measurements).
  if (new URLSearchParams(location.search).has('test-hooks')) self.kernelLabTest = { lab, session };
  const progress = new ProgressStore({ module: lab.build.module, catalog });
  session.progress = progress;
  // A kernel compiled in the page is not kept: its name (<exercise>_page<slot>)
  // starts again at slot 1 on every page load, so a later visit would take a
  // saved one for its own. This visit's report still has it (session.measurements).
  session.addEventListener('measurement', ({ detail }) => {
    if (!session.kernel(detail.request.kernel)?.page) progress.addMeasurement(detail);
  });
  for (const lesson of lessons) main.append(lesson.mount(session));
  for (const page of pages) main.append(page.mount(session, { lessons }));
  progress.restore();
  markExercises(nav.querySelectorAll('a[data-lesson]'), catalog, progress);
  markProgress(progress);
  masthead.append(resetButton(progress));
  addEventListener('hashchange', () => show(currentLessonId(), progress, { focus: true }));
  show(currentLessonId(), progress);
  document.body.dataset.labReady = 'true';
}

start();
