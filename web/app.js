// Entry point: starts the lab worker, says how it went in the status line,
// builds the lesson navigation from the registry and shows one lesson at a time,
// chosen by the URL hash (#/loops), and the pages after the lessons (#/report).
// The lessons are most of the page's code, so they are imported only once the
// lab worker is on its way: the module compiles while they load.
import { reloadForIsolation } from './isolation.js';
import { LabClient } from './lab-client.js';
import { Session } from './ui/session.js';
import { el, withCode } from './ui/dom.js';
import { seconds, bytes } from './ui/format.js';

const status = document.querySelector('[data-lab-status]');
const nav = document.querySelector('[data-lesson-nav]');
const main = document.querySelector('[data-lessons]');
const buildNotice = document.querySelector('[data-build-notice]');

// Every view the hash can name: the lessons, then the pages. Set by start().
let views = [];

// A page has no number: its mark says it is not a lesson.
function buildNav() {
  for (const view of views) {
    const page = view.number === undefined;
    nav.append(el('li', { class: page ? 'nav-page' : null },
      el('a', { href: `#/${view.id}`, 'data-lesson': view.id },
        el('span', { class: 'nav-number', 'aria-hidden': page ? 'true' : null }, page ? '∑' : String(view.number)),
        el('span', { class: 'nav-title' }, view.title))));
  }
}

function currentLessonId() {
  const id = location.hash.replace(/^#\/?/, '');
  return views.some((view) => view.id === id) ? id : views[0].id;
}

function show(id) {
  for (const link of nav.querySelectorAll('a[data-lesson]')) {
    if (link.dataset.lesson === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const section of main.querySelectorAll('section[data-lesson-view]')) {
    section.hidden = section.dataset.lessonView !== id;
  }
  document.title = `${views.find((view) => view.id === id).title} · Kernel Lab`;
}

// What the loaded module can do, in the words the lessons use.
function describeBuild(build, threads) {
  if (!build.simd) return 'scalar, 1 thread';
  if (!build.threads) return 'SIMD128, 1 thread';
  return `SIMD128 + ${threads} thread${threads === 1 ? '' : 's'}`;
}

function reportReady(catalog, build) {
  status.dataset.state = 'ready';
  const facts = [
    describeBuild(build, catalog.build.max_threads),
    `${catalog.clock.name}, measured resolution ${seconds(catalog.clock.resolution_s)}`,
    `cross-origin isolated: ${self.crossOriginIsolated ? 'yes' : 'no'}`,
    `${navigator.hardwareConcurrency} hardware threads`,
    `${bytes(catalog.memory_bytes)} per run`,
  ];
  status.replaceChildren(el('strong', {}, 'Ready'),
    ...facts.map((fact) => el('span', {}, el('span', { class: 'separator', 'aria-hidden': 'true' }, ' · '), fact)));
  // A lesser build is a fact about this browser, not a failure: say it once, plainly.
  if (build.reason) {
    buildNotice.replaceChildren(...withCode(build.reason));
    buildNotice.hidden = false;
  }
}

function reportFailure(error) {
  status.dataset.state = 'error';
  status.replaceChildren(el('strong', {}, 'The lab could not start. '), error.message);
  main.replaceChildren(el('section', { class: 'fatal card' },
    el('h1', {}, 'The lab could not start'),
    el('p', { role: 'alert' }, error.message)));
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
  const session = new Session(lab, catalog);
  for (const lesson of lessons) main.append(lesson.mount(session));
  for (const page of pages) main.append(page.mount(session, { lessons }));
  addEventListener('hashchange', () => show(currentLessonId()));
  show(currentLessonId());
  document.body.dataset.labReady = 'true';
}

start();
