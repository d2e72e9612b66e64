// Which of the three builds of the lab's module this browser can run, and, when
// it is not the full one, why not: the page shows that reason next to every
// control it disables. The builds (cpp/bindings/CMakeLists.txt):
//   kernel_lab         SIMD128 and threads; needs a cross-origin isolated page
//   kernel_lab_st      SIMD128, one thread
//   kernel_lab_nosimd  neither; the intrinsic kernels run as SIMDe's lane-by-lane emulation

// The smallest module that uses a SIMD128 instruction: one function returning
// i32x4.splat(0). A browser without SIMD128 refuses to validate it.
const SIMD_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version 1
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type section: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // function section: one function of that type
  0x0a,
  0x08,
  0x01,
  0x06,
  0x00,
  0x41,
  0x00,
  0xfd,
  0x11,
  0x0b, // code: i32.const 0, i32x4.splat, end
]);

export const THREADS_FIX =
  'Serve the page with `npm start`, or from a host that sends the headers ' +
  'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.';

// {module, simd, threads, reason}: reason is null for the full build.
// `requested` (the page's ?build=) picks a lesser build on purpose, to compare them.
export function chooseBuild({
  requested = null,
  simd = WebAssembly.validate(SIMD_PROBE),
  isolated = self.crossOriginIsolated === true,
} = {}) {
  const asked = (module) => `The page address asked for the ${module} build (?build=${module}), so `;
  if (!simd || requested === 'kernel_lab_nosimd') {
    return {
      module: 'kernel_lab_nosimd',
      simd: false,
      threads: false,
      reason:
        `${simd ? asked('kernel_lab_nosimd') : 'This browser has no WebAssembly SIMD128, so '}` +
        'the lab loaded its scalar build: the SIMD kernels run as lane-by-lane emulation, and threads are off.',
    };
  }
  if (!isolated || requested === 'kernel_lab_st') {
    return {
      module: 'kernel_lab_st',
      simd: true,
      threads: false,
      reason: isolated
        ? `${asked('kernel_lab_st')}threads are off.`
        : 'Threads are off: this page is not cross-origin isolated, so the browser withholds ' +
          `the shared memory WebAssembly threads need. ${THREADS_FIX}`,
    };
  }
  return { module: 'kernel_lab', simd: true, threads: true, reason: null };
}
