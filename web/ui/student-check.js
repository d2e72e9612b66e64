// A student's kernel, once registered, is checked before it is timed: one
// untimed call (single_shot) at every shape its native Catch2 test uses (the
// catalog's check_shapes), each compared with the exact reference like any
// run. The first shape that goes wrong stops the check. Its requests say
// check_only, so the session does not log them as measurements (session.js);
// C++ ignores the field.
import { runRequest } from './request.js';

// kernel: the runtime kernel's catalog entry. onShape(index, count) before
// each; cancelled() is asked before each too, since a Cancel pressed between
// two calls finds no run in the lab to stop. A shape's thread count goes with
// it to a kernel that takes threads; shapes with more threads than maxThreads
// (the build's pool) are left out, since the lab would refuse them.
// Resolves {status: 'passed', count} or, for the first shape that went wrong,
// {status: 'wrong' | 'failed' | 'not_implemented' | 'invalid' | 'error' | 'cancelled', shape, index, count, result}
// (no result when cancelled() stopped it).
export async function checkAtEveryShape(lab, kernel, { onShape = () => {}, cancelled = () => false, maxThreads = Infinity } = {}) {
  const shapes = (kernel.check_shapes ?? []).filter((shape) => !(shape.threads > maxThreads));
  for (const [index, shape] of shapes.entries()) {
    if (cancelled()) return { status: 'cancelled', shape, index, count: shapes.length };
    onShape(index, shapes.length);
    const { block, threads, ...size } = shape;
    const result = await lab.run({ ...runRequest(kernel, size, { block, threads, single_shot: true }), check_only: true });
    if (result.status === 'ok' && result.check?.passed) continue;
    return { status: result.status === 'ok' ? 'wrong' : result.status, shape, index, count: shapes.length, result };
  }
  return { status: 'passed', count: shapes.length };
}
