// The code behind a lesson: its kernels in a line each, what the operation
// computes and how outputs are checked (from the catalog), and the C++ files
// themselves, fetched from gen/src where the build copied what it compiled.
import { el } from './dom.js';
import { highlightCpp } from './cpp-highlight.js';

const texts = new Map(); // path → promise of the file's text, fetched once per page

// A code panel starts its editor from the same fetch.
export function fetchSource(path) {
  if (!texts.has(path)) {
    texts.set(
      path,
      fetch(`gen/src/${path}`).then((response) => {
        if (!response.ok) throw new Error(`could not load gen/src/${path} (HTTP ${response.status})`);
        return response.text();
      }),
    );
  }
  return texts.get(path);
}

function sourceFile(path) {
  const code = el('code', {}, 'Loading…');
  fetchSource(path).then(
    (text) => code.replaceChildren(highlightCpp(text)),
    (error) => code.replaceChildren(`The source could not be shown: ${error.message}`),
  );
  return el(
    'figure',
    { class: 'source-file' },
    el('figcaption', {}, el('code', {}, path)),
    el('pre', { 'data-source': path, tabindex: '0' }, code),
  );
}

function kernelList(kernels) {
  return el(
    'ul',
    { class: 'kernel-list' },
    kernels.map((k) =>
      el(
        'li',
        {},
        el('span', { class: 'kernel-title' }, k.title),
        k.student && el('span', { class: 'badge badge-exercise' }, 'exercise'),
        el('code', { class: 'kernel-name' }, k.name),
        el('span', { class: 'kernel-summary' }, k.summary),
      ),
    ),
  );
}

function operationFacts(op) {
  const fact = (term, ...details) => [el('dt', {}, term), el('dd', {}, ...details)];
  return el(
    'dl',
    { class: 'facts' },
    fact('Computes', op.computes),
    fact('Checked against', op.reference, ' — ', el('code', {}, op.reference_source)),
    fact('Error model', op.error_model),
    fact('FLOPs', op.flops_formula),
    fact('Bytes', op.bytes_formula),
  );
}

export class CodeView {
  constructor(code) {
    this.element = el('div', { class: 'code-view' });
    this.show(code);
  }

  // code: {kernels, operation, sources: [path]}; operations: [operation] for a lesson with several
  show({ kernels, operation, operations = [operation], sources }) {
    this.element.replaceChildren(
      kernels.length ? kernelList(kernels) : '',
      ...operations.map(operationFacts),
      el('div', { class: 'source-files' }, [...new Set(sources)].map(sourceFile)),
    );
  }
}
