// Relaxed SIMD, explained with the learner's own probes: what "relaxed"
// permits, why a fused multiply-add doubles the peak on some cores and not
// on others, and, once both ceilings are measured on one thread, which kind
// of core this one behaves like. Where the browser has no relaxed SIMD, the
// card says why its kernels are missing.
import { el } from './dom.js';
import { gflops, ratio } from './format.js';
import { fmaGain, fmaPeakKernel, limits } from './roofline.js';

function measuredText(session) {
  const roofs = limits(
    session.measurements.map((m) => m.result),
    session.catalog,
  );
  const one = roofs.find((r) => r.threads === 1 && r.fmaPeak > 0);
  if (!one) return 'Run the probes above (Run): the FMA probe runs beside the mul+add probe on 1 thread, and this paragraph compares them.';
  const gain = one.fmaPeak / one.peak;
  const measured = `Measured on 1 thread here: the FMA ceiling ${gflops(one.fmaPeak)} GFLOP/s against the mul+add ceiling ${gflops(one.peak)} GFLOP/s, ${ratio(gain)}.`;
  return `${measured} ${READINGS[fmaGain(gain)]}`;
}

// What each kind of ratio (roofline.js's fmaGain) suggests, marked as inferred.
const READINGS = {
  raised:
    'Inferred, not measured: this core issues fewer mul+add pairs than FMAs per cycle, as when multiplies and adds share the same ports (Intel’s cores since Haswell have two ports that do either), so fusing them frees issue slots.',
  unchanged:
    'Inferred, not measured: this core already issues a multiply and an add in the same cycle on separate pipes (AMD’s Zen cores have two for each), so fusing them saves instructions but not time at the ceiling; what an FMA can still save is latency in a chain and registers.',
  slower:
    'The FMA probe ran slower, though one fused multiply-add does the work of a multiply and an add in one instruction. Inferred, not measured: this browser’s engine made slower code of the FMA probe than of the mul+add one (when this lesson was written, Firefox ESR 153 did on the lab’s test machine, and Chromium 156 did not), so here the dotted FMA line measures the engine, not the core, and a relaxed kernel is held to the higher mul+add ceiling.',
  unclear: 'Between the two cases above: run the probes again to see whether the ratio repeats before reading anything into it.',
};

export function relaxedCard(session) {
  const status = session.catalog.relaxed_simd ?? { available: false, reason: 'This build of the lab has no relaxed-SIMD kernels.' };
  const probe = fmaPeakKernel(session.catalog);
  const measured = el('p', { 'data-relaxed-measured': '' });
  const update = () => {
    measured.textContent = measuredText(session);
  };
  if (status.available && probe) {
    session.addEventListener('measurement', update);
    update();
  }
  const code = (text) => el('code', {}, text);
  return el(
    'div',
    { class: 'card prose', 'data-panel': 'relaxed-simd' },
    el('h2', {}, 'Relaxed SIMD: a fused multiply-add, and its price'),
    el(
      'p',
      {},
      'SIMD128 promises the same bits on every machine, and so it leaves out whatever CPUs do differently. Relaxed SIMD adds a few such instructions and allows each a stated range of results. ',
      code('f32x4.relaxed_madd'),
      ' computes a·b + c either fused, rounded once, or as a multiply and an add, rounded twice: which one depends on the CPU, so two machines may differ in the last bit of each step, and the lab checks these kernels with an error bound that covers both. ',
      code('i32x4.relaxed_dot_i8x16_i7x16_add'),
      ' multiplies 16 pairs of 8-bit integers and adds them in fours to 32-bit sums, one VNNI instruction on CPUs that have it, but it is exact only while the second operand stays within 0 to 127; the lab’s int8 kernel splits its operand to stay inside that range, so its sums are exact everywhere.',
    ),
    el(
      'p',
      {},
      'Does an FMA make arithmetic faster? Counted in FLOPs, one FMA does the work of a multiply and an add. Where multiplies and adds compete for the same execution ports, fusing them doubles the ceiling. Where a core has separate pipes for each, a multiply and an add already issue together, and the ceiling barely moves. Only a measurement tells which kind of core you have.',
    ),
    status.available && probe
      ? measured
      : el(
          'p',
          { class: 'lesson-notice', role: 'note', 'data-relaxed-missing': '' },
          el('strong', {}, 'Relaxed SIMD is not available here. '),
          status.reason,
        ),
  );
}
