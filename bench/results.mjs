// The rows of latest.json. Both targets build theirs here, so a native row and
// a wasm row have the same fields and can be compared directly.

// kernel: a catalog entry ({name, lesson, student, tunables, variant}); block is null
// for kernels that take none. Timing fields a target does not measure (native
// has no confidence interval) stay undefined, and JSON.stringify leaves them out.
export function resultRow({ kernel, target, n, block, threads, flops, bytes, timing, check }) {
  return {
    kernel: kernel.name,
    // How its loop became machine code, as the catalog says: scalar (the
    // vectorizers off), autovec (the compiler's vectorizer), simd128 (SIMD128
    // intrinsics); null for a reference library.
    variant: kernel.variant ?? null,
    lesson: kernel.lesson,
    student: kernel.student,
    target,
    n,
    block: kernel.tunables.includes('block') ? block : null,
    threads,
    median_s: timing.median_s,
    min_s: timing.min_s,
    max_s: timing.max_s,
    ci_low_s: timing.ci_low_s,
    ci_high_s: timing.ci_high_s,
    count: timing.count,
    gflops: (flops / timing.median_s) * 1e-9,
    gbps: (bytes / timing.median_s) * 1e-9,
    max_rel_err: check.max_rel_err,
    tolerance: check.tolerance,
    check_passed: check.passed,
    // Measures beyond pass/fail, such as int8's distance from the f32 product.
    metrics: check.metrics ?? {},
  };
}

// A kernel that produced no timing: an unwritten exercise, or a crash.
export function skippedRow({ kernel, target, n, block, threads, reason }) {
  return { kernel, target, n, block: block || null, threads: threads || null, reason };
}
