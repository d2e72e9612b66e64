// The C++ editor of a code panel: CodeMirror 6 with C++ highlighting, line
// numbers, undo, bracket matching and the compiler's diagnostics marked in a
// gutter. Bundled by esbuild into gen/editor.js (web/tools/bundle.mjs)
// and imported only when a student opens a code panel, so the first page load
// never carries it.
//
// The page's Content-Security-Policy allows style sheets from the site only
// (style-src 'self'), and CodeMirror styles itself at run time. In a document
// its style module writes a <style> element, which that policy refuses; in a
// shadow root it uses a constructed style sheet (adoptedStyleSheets), which the
// policy allows, as it allows any style set through the CSS object model. So
// the editor lives in a shadow root of its own, and its look comes from the
// theme below, which reads the page's colours through its CSS variables
// (custom properties inherit into a shadow root).
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle, indentUnit } from '@codemirror/language';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { cpp } from '@codemirror/lang-cpp';
import { tags } from '@lezer/highlight';

// The page's own token colours (styles.css, .tok-*), so the editor reads like the listings beside it;
// comments a shade darker, to keep 4.5:1 on the tinted active line.
const highlight = HighlightStyle.define([
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  {
    tag: [tags.keyword, tags.controlKeyword, tags.modifier, tags.operatorKeyword, tags.typeName, tags.standard(tags.typeName)],
    color: '#7a3cc4',
  },
  { tag: [tags.string, tags.character], color: '#a5560c' },
  { tag: [tags.processingInstruction, tags.meta], color: '#0e7490' },
  { tag: [tags.number, tags.bool, tags.null], color: '#b4321c' },
  { tag: tags.invalid, color: 'var(--bad)' },
]);

const theme = EditorView.theme({
  '&': {
    border: '1px solid var(--line-strong)',
    borderRadius: '10px',
    background: '#fbfcfd',
    color: 'var(--text)',
    fontSize: '0.8125rem',
  },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55', maxHeight: '32rem', minHeight: '12rem', overflow: 'auto' },
  '.cm-content': { padding: '0.6rem 0' },
  '.cm-gutters': { background: '#f5f7fa', color: 'var(--faint)', borderRight: '1px solid var(--line)', borderRadius: '10px 0 0 10px' },
  '.cm-activeLine': { background: 'rgba(36, 86, 214, 0.05)' },
  '.cm-activeLineGutter': { background: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { background: 'var(--accent-mid) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-matchingBracket': { background: 'var(--accent-soft)', outline: '1px solid var(--accent-mid)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--bad)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warn)', textUnderlineOffset: '3px' },
  '.cm-tooltip': { border: '1px solid var(--line-strong)', borderRadius: '8px', background: 'var(--surface)', fontFamily: 'var(--sans)' },
});

// Clang counts columns from 1 in bytes; a kernel's text is ASCII but for its
// comments, so characters are close enough to mark the place.
function position(doc, line, column) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max((column ?? 1) - 1, 0), at.to);
}

// The marked range: from the column to the end of its word, or the whole line without one.
function range(doc, { line, column }) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  if (!column) return { from: at.from, to: at.to };
  const from = position(doc, line, column);
  const word = /^[\w.]+/.exec(doc.sliceString(from, at.to));
  return { from, to: word ? from + word[0].length : Math.min(from + 1, at.to) };
}

// The compiler's severities (web/compiler/diagnostics.js) in CodeMirror's words.
const SEVERITY = { error: 'error', warning: 'warning', note: 'info' };

// parent: the element the editor's shadow root is attached to; text: the
// starting source; label: its accessible name; onChange(text) after each edit.
export function createEditor({ parent, text, label, onChange = () => {} }) {
  const root = parent.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        history(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        cpp(),
        syntaxHighlighting(highlight),
        lintGutter(),
        // Tab indents; Escape then Tab moves on to the next control (CodeMirror's own rule), so the keyboard is never trapped.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // tabindex: a contenteditable takes focus anyway; said outright, checkers see the scrolling box holds a focusable element.
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });

  return {
    text: () => view.state.doc.toString(),
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    // diagnostics: [{line, column, severity, message}], as the compiler reports
    // them, each on a line of this file: the caller leaves out other files'
    // (a header's line 12 is not this file's) and those with no line.
    showDiagnostics(diagnostics) {
      const doc = view.state.doc;
      const marked = diagnostics.map((d) => ({ ...range(doc, d), severity: SEVERITY[d.severity], message: d.message }));
      view.dispatch(setDiagnostics(view.state, marked));
    },
    // Puts the cursor at a line and column, scrolled into view, with focus.
    goTo(line, column) {
      const at = position(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
  };
}
