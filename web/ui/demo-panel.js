// A card that calls one C++ demo from a small form of its own: its inputs are
// the demo's arguments, C++'s message for a refused one goes under the input
// it names, and what the card shows changes only when the demo answers.
import { el, scrollRegion } from './dom.js';
import { panelForm } from './panel-form.js';

// id: the card's name (data-panel) and its button's data-action, unless
// action says another; title, intro: its heading and the text under it;
// demo: the demo's id; fields: [{name, arg, label, value}], arg being the
// demo's argument the input gives; button: its label (none for a demo without
// inputs); render(result, body) shows an answer in body, under the form: by
// default a box named by the title that scrolls a wide table sideways;
// after: nodes under the body; runOnLoad: the card opens with the demo's
// answer to the inputs' first values, not empty; className: the card's
// classes ('demo-panel' styles the tables in it).
export function demoPanel(
  session,
  {
    id,
    title,
    intro,
    demo,
    fields,
    button,
    action = id,
    render,
    body = scrollRegion(title),
    after = [],
    runOnLoad = true,
    className = 'card demo-panel',
  },
) {
  const { element, submit } = panelForm({
    inputs: fields,
    button,
    action,
    async onSubmit({ value, showError }) {
      const request = { demo };
      for (const f of fields) request[f.arg] = value(f.name);
      const result = await session.lab.demo(request);
      if (result.status !== 'ok') {
        showError(result.error, fields.find((f) => f.arg === result.field)?.name);
        return;
      }
      showError(null);
      render(result, body);
    },
  });
  const card = el('div', { class: className, 'data-panel': id }, el('h2', {}, title), el('p', {}, intro), element, body, after);
  if (runOnLoad) submit();
  return card;
}
