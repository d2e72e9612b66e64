// A student's kernel, once registered, is checked before it is timed: one
// untimed call (single_shot) at every shape its native Catch2 test uses (the
// catalog's check_shapes), each compared with the exact reference like any
// run. The first shape that goes wrong stops the check.
import { runRequest } from './request.js';

// kernel: the runtime kernel's catalog entry. onShape(index, count) before each.
// Resolves {status: 'passed', count} or, for the first shape that went wrong,
// {status: 'wrong' | 'failed' | 'not_implemented' | 'invalid' | 'error' | 'cancelled', shape, index, count, result}.
export async function checkAtEveryShape(lab, kernel, { onShape = () => {} } = {}) {
  const shapes = kernel.check_shapes ?? [];
  for (const [index, shape] of shapes.entries()) {
    onShape(index, shapes.length);
    const { block, ...size } = shape;
    const result = await lab.run(runRequest(kernel, size, { block, single_shot: true }));
    if (result.status === 'ok' && result.check?.passed) continue;
    return { status: result.status === 'ok' ? 'wrong' : result.status, shape, index, count: shapes.length, result };
  }
  return { status: 'passed', count: shapes.length };
}
