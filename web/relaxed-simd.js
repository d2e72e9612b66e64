// The relaxed-SIMD tier, as the lab worker loads it: the JavaScript half of
// cpp/lab/relaxed_kernels.h. A classic script: web/worker.js loads it with
// importScripts, and it sets globalThis.labRelaxedSimd.
//
// A browser without relaxed SIMD (Safari) rejects a whole module that uses it,
// so the kernels that do live in modules of their own (web/gen/relaxed/), and
// the worker loads them only where this tiny module validates: one
// f32x4.relaxed_madd and one i32x4.relaxed_dot_i8x16_i7x16_add_s, the two
// instructions the tier uses.
'use strict';

(() => {
  // (func (param v128 v128 v128) (result v128)
  //   (i32x4.relaxed_dot_i8x16_i7x16_add_s (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
  //     (local.get 1) (local.get 2)))
  // prettier-ignore
  const PROBE = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b, // type: (v128 v128 v128) -> v128
    0x03, 0x02, 0x01, 0x00, // one function of that type
    0x0a, 0x14, 0x01, 0x12, 0x00, // code: one body, no locals
    0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02, // f32x4.relaxed_madd (0xfd 261)
    0x20, 0x01, 0x20, 0x02, 0xfd, 0x93, 0x02, // i32x4.relaxed_dot_i8x16_i7x16_add_s (0xfd 275)
    0x0b,
  ]);

  // Why the tier cannot load here, or '' when it can.
  function unavailable(off) {
    if (off) return 'Relaxed SIMD was turned off for this page (?no-relaxed-simd).';
    if (!WebAssembly.validate(PROBE))
      return 'This browser does not run relaxed SIMD (f32x4.relaxed_madd, i32x4.relaxed_dot_i8x16_i7x16_add), so its kernels are left out.';
    return '';
  }

  // Fetches each module into its page-host slot.
  async function loadModules(lab, host, baseUrl) {
    for (const { name, slot } of JSON.parse(lab.relaxedModules())) {
      const response = await fetch(new URL(`gen/relaxed/${name}.wasm`, baseUrl));
      if (!response.ok) return `The module of ${name} could not be loaded (HTTP ${response.status}).`;
      const problem = host.add(slot, new Uint8Array(await response.arrayBuffer()));
      if (problem) return `The module of ${name} cannot run as a kernel: ${problem}`;
    }
    return '';
  }

  globalThis.labRelaxedSimd = {
    // Registers the tier's kernels in lab's catalog, or records why not (the
    // catalog's relaxed_simd says which). off: the page asked for it to be left out.
    async load(lab, host, { off, baseUrl }) {
      let reason = unavailable(off);
      if (!reason) {
        try {
          reason = await loadModules(lab, host, baseUrl);
        } catch (error) {
          reason = `The relaxed-SIMD modules could not be loaded (${error.message}).`;
        }
      }
      return JSON.parse(lab.enableRelaxedSimd({ reason }));
    },
  };
})();
