// What a code panel says once a student's kernel was checked and timed: it
// passed at every size its test uses, and at each size timed, its time per
// call beside the fastest of the lab's kernels measured with it. Times, not
// rates: kernels of one operation may count their bytes differently (the
// unfused GELU counts its passes), while their work is the same. The rows,
// with their rates, are in the lesson's table.
import { el } from './dom.js';
import { entryTitle } from './kernel-title.js';
import { speedup } from './analysis.js';
import { ratio, seconds } from './format.js';

// entries: the panel's timed entries, the student's and the reference kernels', in order.
export function timedSummary({ session, kernel, entries, shapesChecked }) {
  const timeOf = (e) => e.result.timing.median_s;
  const rate = (e) => `${seconds(timeOf(e))} a call`;
  const ok = entries.filter((e) => e.result.status === 'ok');
  // The lab's run at the student's size and thread count; its block too, where the student's kernel takes one.
  const sameShape = (other, mine) =>
    other.result.shape.n === mine.result.shape.n &&
    (other.result.shape.threads ?? 1) === (mine.result.shape.threads ?? 1) &&
    (!(mine.result.shape.block > 0) || other.result.shape.block === mine.result.shape.block);
  const lines = ok
    .filter((e) => e.result.kernel === kernel.name)
    .map((mine) => {
      const { n, block, threads } = mine.result.shape;
      const size = `N = ${n}${block > 0 ? `, block ${block}` : ''}${threads > 1 ? `, ${threads} threads` : ''}`;
      if (!mine.result.check?.passed) return `${size}: FAILED the check at this size, so its time means nothing.`;
      const others = ok.filter((e) => e.result.kernel !== kernel.name && sameShape(e, mine));
      const best = others.reduce((top, e) => (!top || timeOf(e) < timeOf(top) ? e : top), null);
      return best
        ? `${size}: yours ${rate(mine)}; the fastest of the lab’s, ${entryTitle(session, best)}, ${rate(best)}: yours ran ${ratio(speedup(mine, best))} as fast.`
        : `${size}: yours ${rate(mine)}.`;
    });
  return el(
    'div',
    { class: 'verdict verdict-right' },
    el(
      'p',
      {},
      `${kernel.title}: right at each of the ${shapesChecked} sizes its test checks`,
      lines.length ? ', then timed beside the lab’s kernels:' : '.',
    ),
    lines.length
      ? el(
          'ul',
          {},
          lines.map((line) => el('li', {}, line)),
        )
      : null,
  );
}
