// The compiler's files, as @yowasp/clang ships them: LLVM as WebAssembly, and
// the headers and WASI sysroot as one archive. Its bundle fetches them beside
// its script at run time (new URL('./…', import.meta.url)), so the build
// copies them next to the compiler's worker and the static site carries them.
export const COMPILER_FILES = ['llvm.core.wasm', 'llvm.core2.wasm', 'llvm.core3.wasm', 'llvm.core4.wasm', 'llvm-resources.tar'];
