// Colours C++ for the source view: comments, strings, preprocessor lines,
// keywords and numbers. It only wraps spans around the text, so the code the
// student reads is character for character the file that was compiled.
import { el } from './dom.js';

const KEYWORDS = [
  'auto',
  'bool',
  'break',
  'case',
  'char',
  'class',
  'const',
  'constexpr',
  'continue',
  'double',
  'else',
  'enum',
  'false',
  'float',
  'for',
  'if',
  'int',
  'int64_t',
  'namespace',
  'nullptr',
  'return',
  'size_t',
  'static',
  'static_cast',
  'struct',
  'switch',
  'template',
  'true',
  'typename',
  'uint64_t',
  'using',
  'void',
  'while',
];

const TOKEN = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?\*\/)`,
    String.raw`(?<string>"(?:[^"\\\n]|\\.)*")`,
    String.raw`(?<preprocessor>^[ \t]*#[^\n]*)`,
    String.raw`(?<keyword>\b(?:${KEYWORDS.join('|')})\b)`,
    String.raw`(?<number>\b\d+(?:\.\d+)?(?:e[+-]?\d+)?[fFuUlL]*\b)`,
  ].join('|'),
  'gm',
);

export function highlightCpp(source) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const kind = Object.keys(match.groups).find((name) => match.groups[name] !== undefined);
    fragment.append(source.slice(last, match.index), el('span', { class: `tok-${kind}` }, match[0]));
    last = match.index + match[0].length;
  }
  fragment.append(source.slice(last));
  return fragment;
}
