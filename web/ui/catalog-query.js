// Finding kernels, sources and sizes by what the catalog says of them: its
// fields (operation, dtype, variant, role, backend), never a kernel's name or
// a path typed by hand. Pure, so the page (through Session) and the bench
// (in Node) ask the same questions the same way.

// query: {role, operation, dtype, variant, backend, ...}: every field given
// must equal the kernel's. A kernel registered at run time (a student's,
// compiled in the page) never stands in for a reference kernel's role unless
// the query asks for runtime kernels.
const matches = (kernel, query) =>
  Boolean(kernel.runtime) === Boolean(query.runtime) &&
  Object.entries(query).every(([field, value]) => field === 'runtime' || kernel[field] === value);

const describe = (query) =>
  Object.entries(query)
    .map(([field, value]) => `${field} ${JSON.stringify(value)}`)
    .join(', ');

// The one kernel the query picks, or null when none does; more than one is a
// mistake in the query or the catalog, and throws.
export function findKernel(catalog, query) {
  const found = catalog.kernels.filter((k) => matches(k, query));
  if (found.length > 1) {
    throw new Error(
      `${found.length} kernels in the catalog have ${describe(query)} (${found.map((k) => k.name).join(', ')}); ` +
        'add operation, dtype or variant to pick one.',
    );
  }
  return found[0] ?? null;
}

// The one kernel the query picks; throws when there is not exactly one.
export function kernelByRole(catalog, query) {
  const kernel = findKernel(catalog, query);
  if (!kernel) throw new Error(`No kernel in the catalog has ${describe(query)}.`);
  return kernel;
}

// The files a listing shows for these kernels: each kernel's own file first,
// then the headers they share, then `more` (such as catalog.sources.timing),
// each once.
export function sourcesOf(kernels, ...more) {
  return [...new Set([...kernels.map((k) => k.source), ...kernels.flatMap((k) => k.sources), ...more.flat()])];
}

// The size an operation starts from, {m, n, k}: what its lesson and the bench use.
export function defaultShape(catalog, operationId) {
  const op = catalog.operations.find((o) => o.id === operationId);
  if (!op?.default_shape) throw new Error(`The catalog gives no default shape for the operation ${JSON.stringify(operationId)}.`);
  return op.default_shape;
}

// An exercise the student writes: a stub in cpp/exercises/ that the catalog
// lists (role 'exercise', student), not a kernel compiled from it in the page.
export const isStudentExercise = (kernel) => kernel.role === 'exercise' && kernel.student && !kernel.runtime;
