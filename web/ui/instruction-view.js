// The WebAssembly instructions of each kernel's hot loop, side by side, with
// the SIMD ones marked. The listings come from gen/<module>.instructions.json,
// which the build disassembles (wasm2wat) from the very .wasm this page runs,
// so what is shown is what was timed.
import { el } from './dom.js';
import { SCALAR_FLOAT_OP, SIMD_OP } from './wasm-ops.js';

const listings = new Map(); // module → promise of its parsed listing, fetched once per page

function fetchListing(module) {
  if (!listings.has(module)) {
    const url = new URL(`gen/${module}.instructions.json`, document.baseURI);
    listings.set(
      module,
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
        return response.json();
      }),
    );
  }
  return listings.get(module);
}

function instructionLine(text) {
  const op = text.split(' ')[0];
  const simd = SIMD_OP.test(op);
  const kind = simd ? 'simd' : SCALAR_FLOAT_OP.test(op) ? 'float' : null;
  return el('span', { class: kind ? `insn insn-${kind}` : 'insn', 'data-simd': simd }, text);
}

function counts({ total, simd, scalar_float: scalarFloat }) {
  const count = (n, what, cls) => el('span', { class: `count ${cls}`.trim() }, el('strong', {}, String(n)), ` ${what}`);
  return el(
    'p',
    { class: 'insn-counts' },
    count(total, 'instructions', ''),
    count(simd, 'SIMD', simd > 0 ? 'count-simd' : ''),
    count(scalarFloat, 'scalar float', ''),
  );
}

// The wasm name section keeps each function's demangled C++ signature, spaces
// made underscores: "lab::KernelStatus_lab::…::run_relu<&_lab::f32_relu_scalar_float_const*…".
// Shown as its name and first template argument, "run_relu<f32_relu_scalar>"; the
// whole signature stays in the tooltip.
function shortName(signature) {
  const last = (path) => path.replace(/^&_/, '').split('::').at(-1);
  const open = signature.indexOf('<');
  if (open < 0) return last(signature.split('_float')[0]);
  const rest = signature.slice(open + 1);
  const ends = [rest.indexOf('>'), rest.indexOf('_float')].filter((i) => i >= 0);
  return `${last(signature.slice(0, open))}<${last(rest.slice(0, Math.min(...ends)))}>`;
}

// kernel: a catalog entry; found: its entry in the listing, or undefined;
// missing(kernel) says in words why a kernel has no listing in this build.
// A code panel shows a student's listing with it where its lesson has no instruction view.
export function listing(kernel, found, missing) {
  const head = el('header', {}, el('span', { class: 'kernel-title' }, kernel.title), el('code', { class: 'kernel-name' }, kernel.name));
  if (!found) {
    return el(
      'figure',
      { class: 'insn-listing', 'data-instructions': kernel.name },
      head,
      el('p', { class: 'insn-missing' }, missing(kernel)),
    );
  }
  return el(
    'figure',
    { class: 'insn-listing', 'data-instructions': kernel.name },
    head,
    counts(found.counts),
    el('p', { class: 'insn-function' }, 'in ', el('code', { title: found.function }, shortName(found.function))),
    el('pre', { tabindex: '0' }, el('code', {}, found.instructions.map(instructionLine))),
  );
}

export class InstructionView {
  // build: {module, simd}, as the lab client chose it.
  constructor(build) {
    this.build = build;
    // Listings of kernels compiled in the page (a student's), by kernel name: the build's listing cannot have them.
    this.compiled = new Map();
    this.body = el('div', { class: 'insn-groups' });
    this.element = el(
      'div',
      { class: 'instruction-view' },
      el(
        'p',
        { class: 'insn-intro' },
        'Each listing is the innermost loop that does the most work in the kernel, from ',
        el('code', {}, 'loop'),
        ' to ',
        el('code', {}, 'end'),
        ', disassembled at build time (wasm2wat) from ',
        el('code', {}, `${build.module}.wasm`),
        ', the module this page is running. ',
        el('span', { class: 'insn insn-simd' }, 'SIMD instructions'),
        ' work on four f32 lanes at once; ',
        el('span', { class: 'insn insn-float' }, 'scalar float'),
        ' ones on one.',
        build.simd
          ? ''
          : ' This is the scalar build: its intrinsic kernels are SIMDe’s lane-by-lane code, so no listing has a SIMD instruction.',
      ),
      this.body,
    );
  }

  // groups: [{title, kernels: [catalog entries]}], shown one row of listings
  // per group, or a function that returns them, asked again whenever a
  // compiled kernel's listing arrives.
  async show(groups) {
    this.groups = groups;
    const token = Symbol('show');
    this.token = token;
    this.body.replaceChildren(el('p', { class: 'insn-status' }, 'Loading the instruction listings…'));
    let data;
    try {
      data = await fetchListing(this.build.module);
    } catch (error) {
      if (this.token === token) {
        this.body.replaceChildren(
          el('p', { class: 'insn-status insn-error', role: 'alert' }, `The instruction listings could not be shown: ${error.message}.`),
        );
      }
      return;
    }
    if (this.token !== token) return; // a newer choice replaced this one while it loaded
    const shown = typeof groups === 'function' ? groups() : groups;
    this.body.replaceChildren(
      ...shown.map(({ title, kernels }) =>
        el(
          'section',
          { class: 'insn-group' },
          el('h3', {}, title),
          el(
            'div',
            { class: 'insn-row' },
            kernels.map((k) => listing(k, this.compiled.get(k.name) ?? data.kernels[k.name], (kernel) => this.missing(kernel))),
          ),
        ),
      ),
    );
  }

  // kernel: a runtime kernel; found: its listing, as studentListing() makes it.
  addCompiled(kernel, found) {
    this.compiled.set(kernel.name, found);
    if (this.groups) this.show(this.groups);
  }

  missing(kernel) {
    if (kernel.student) {
      return 'This build found no loop in your kernel: the stub has none. Write it in the code panel and compile it, and its instructions appear here.';
    }
    if (!this.build.simd) {
      return 'The scalar build has no SIMD instructions, so this kernel compiled to the same code as its scalar twin, and the optimizer merged the two: see the scalar listing.';
    }
    return `The build found no hot loop for ${kernel.name} in ${this.build.module}.wasm.`;
  }
}
