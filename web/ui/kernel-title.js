// How the page names a kernel: in words by its catalog title, in a table cell
// by its title above its name, and a chart's line per kernel by its title.
import { el } from './dom.js';

// A kernel this catalog lacks (a run imported from another machine) goes by its name.
export const kernelTitle = (session, name) => session.kernel(name)?.title ?? name;

// The title of the kernel a sweep's entry ran.
export const entryTitle = (session, entry) => kernelTitle(session, entry.result.kernel);

// Long names may break after an underscore, and only there.
function breakable(name) {
  return name.split('_').flatMap((part, i) => (i === 0 ? [part] : ['_', el('wbr'), part]));
}

// A table cell's kernel: its title, then its name in code (the name alone for
// a kernel this catalog lacks).
export function kernelLabel(session, name) {
  const kernel = session.kernel(name);
  return [kernel ? el('span', { class: 'kernel-title' }, kernel.title) : null, ' ', el('code', { class: 'kernel-name' }, breakable(name))];
}

// One chart line per kernel that has points, in the kernels' order, labelled by
// its title. points: Map kernel name → [[x, y]] (as latestPoints gives it).
export const kernelSeries = (kernels, points) =>
  kernels.filter((k) => points.has(k.name)).map((k) => ({ label: k.title, points: points.get(k.name) }));
