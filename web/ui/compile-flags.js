// The compiler flags a code panel offers, the ones the lessons teach:
// optimization level, SIMD128, and the auto-vectorizers. The command line
// under them is the one the compiler last ran; before the first compile it
// shows the flags these controls add.
import { el } from './dom.js';
import { DEFAULT_FLAGS, OPT_LEVELS, commandText, flagArgs } from '../compiler/clang-command.js';

// A row's label: "Yours, -O2 SIMD, 10:32:05"; `at` is when it was compiled.
export function flagsLabel({ opt, simd, autovec }, at = new Date()) {
  const parts = [`-${opt}`, simd ? 'SIMD' : 'no SIMD', autovec ? null : 'no auto-vectorization'].filter(Boolean);
  return `Yours, ${parts.join(' ')}, ${at.toLocaleTimeString([], { hour12: false })}`;
}

let nextId = 1;

export class CompileFlags {
  // flags: the starting choice; onChange(flags) after each change; noAutovec:
  // the auto-vectorizer stays off (an exercise whose SIMD must be the student's).
  constructor(flags, { fileName, onChange = () => {}, noAutovec = false }) {
    this.noAutovec = noAutovec;
    const id = `flags-${nextId++}`;
    this.fileName = fileName;
    this.opt = el(
      'select',
      { id: `${id}-opt`, 'data-flag': 'opt' },
      OPT_LEVELS.map((level) => el('option', { value: level }, `-${level}`)),
    );
    this.simd = el('input', { type: 'checkbox', id: `${id}-simd`, 'data-flag': 'simd' });
    this.autovec = el('input', { type: 'checkbox', id: `${id}-autovec`, 'data-flag': 'autovec' });
    this.command = el('code', { 'data-command': '' });
    this.commandNote = el('span', { class: 'hint' });
    this.set(flags);
    for (const control of [this.opt, this.simd, this.autovec]) {
      control.addEventListener('change', () => {
        this.preview();
        onChange(this.values());
      });
    }
    const check = (input, text) => el('label', { class: 'check-field', for: input.id }, input, text);
    this.element = el(
      'fieldset',
      { class: 'compile-flags' },
      el('legend', {}, 'Compiler flags'),
      el('div', { class: 'field' }, el('label', { for: this.opt.id }, 'Optimization'), this.opt),
      check(this.simd, 'SIMD128 instructions'),
      check(this.autovec, noAutovec ? 'Auto-vectorization (off: this exercise’s SIMD must be yours)' : 'Auto-vectorization'),
      el('p', { class: 'command-line' }, this.commandNote, ' ', this.command),
    );
  }

  values() {
    return { opt: this.opt.value, simd: this.simd.checked, autovec: this.autovec.checked };
  }

  set({ opt, simd, autovec } = DEFAULT_FLAGS) {
    this.opt.value = OPT_LEVELS.includes(opt) ? opt : DEFAULT_FLAGS.opt;
    this.simd.checked = simd ?? DEFAULT_FLAGS.simd;
    this.autovec.checked = !this.noAutovec && (autovec ?? DEFAULT_FLAGS.autovec);
    this.autovec.disabled = this.noAutovec;
    this.preview();
  }

  // Before a compile: the flags these controls give clang.
  preview() {
    this.commandNote.textContent = 'Flags:';
    this.command.textContent = commandText([...flagArgs(this.values()), this.fileName]);
  }

  // After one: the very command the compiler ran.
  showCommand(command) {
    this.commandNote.textContent = 'Compiled with:';
    this.command.textContent = command;
  }

  lock(locked) {
    this.element.disabled = locked;
  }
}
