// Which input of a lesson's form a refused request belongs to: C++ names the
// request field it refused (`field`), and the page marks the input that value
// came from. Every lesson times for the same input (min-time-field.js); the
// sizes M, N and K come from one input (or one per experiment or model); the
// rest by name.
import { MIN_TIME_INPUT } from './min-time-field.js';

// sizes: the name of the input that holds N, or sizes(request, field) → that
// name, for a lesson whose sizes live in more than one input; others: the
// other C++ fields, {block: 'blocks', threads: 'threads', kernel: 'baseline'}.
// Returns a LessonPage fieldFor.
export function refusalField({ sizes, ...others }) {
  return ({ request, field }) => {
    if (['m', 'n', 'k'].includes(field)) return typeof sizes === 'function' ? sizes(request, field) : sizes;
    if (field === 'min_time') return MIN_TIME_INPUT;
    return others[field];
  };
}
