// A small element builder, so the lessons read as the structure they produce.
// el('p', {class: 'lead'}, 'text', child): attributes set as given, `true` as an
// empty attribute, false or null left off, functions under on* as listeners,
// and `style` as an object of properties, set through node.style: the page's
// Content-Security-Policy refuses style attributes, not the CSS object model.
// Children are nodes, strings or (nested) arrays of them; null, undefined and
// false are left out, so `condition && node` reads as "only if".
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'style') Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...shown(children));
  return node;
}

// Replaces a node's children by these, by el()'s rule: the DOM's own
// replaceChildren writes a null child as the text "null".
export function setChildren(node, ...children) {
  node.replaceChildren(...shown(children));
  return node;
}

function shown(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);
}

// Parses trusted, page-authored SVG markup (the lesson diagrams).
export function svg(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstElementChild;
}

// Text whose `backticked` parts are code, as the build reasons write commands.
export function withCode(text) {
  return text.split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

// A box that scrolls sideways when its content (a wide table) is wider than the
// screen. It takes keyboard focus, so it can be scrolled without a mouse, and
// has a name, so a screen reader says what that focus landed on.
export function scrollRegion(label, ...children) {
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, ...children);
}
