// What the report says about a list of measurements: which lesson each belongs
// to, the groups in teaching order, and the summary at the top. Pure: no DOM.

// The lesson whose sweep ran it, or for a panel's own run (lesson null), the
// lesson the catalog files its kernel under.
export const reportLesson = (measurement) => measurement.lesson ?? measurement.result.lesson;

// [{lesson, measurements}], in `order` (lesson ids), then lessons not in it as they first appear.
export function groupByLesson(measurements, order) {
  const groups = new Map();
  for (const measurement of measurements) {
    const lesson = reportLesson(measurement);
    if (!groups.has(lesson)) groups.set(lesson, []);
    groups.get(lesson).push(measurement);
  }
  const rank = (lesson) => (order.includes(lesson) ? order.indexOf(lesson) : order.length);
  return [...groups].map(([lesson, list]) => ({ lesson, measurements: list })).sort((a, b) => rank(a.lesson) - rank(b.lesson));
}

// An operation that counts no FLOPs (a copy, a quantization) is ranked by GB/s instead.
export const rateOf = ({ result }) => (result.flops > 0 ? { value: result.gflops, unit: 'GFLOP/s' } : { value: result.gbps, unit: 'GB/s' });

// {runs, kernels, lessons: [id], failed, best: [{operation, measurement, rate}]}.
// operationOf(kernel name) → the operation id (the kernel's own name if unknown).
export function summarize(measurements, order, operationOf) {
  const best = new Map();
  for (const measurement of measurements) {
    const operation = operationOf(measurement.result.kernel);
    const rate = rateOf(measurement);
    if (!best.has(operation) || rate.value > best.get(operation).rate.value) best.set(operation, { operation, measurement, rate });
  }
  return {
    runs: measurements.length,
    kernels: new Set(measurements.map((m) => m.result.kernel)).size,
    lessons: groupByLesson(measurements, order).map((g) => g.lesson),
    failed: measurements.filter((m) => !m.result.check.passed).length,
    best: [...best.values()],
  };
}
