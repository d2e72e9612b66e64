// For builds without WebAssembly SIMD128: native ones, and the wasm build for
// browsers that lack it. SIMDe implements every wasm_* intrinsic, on the
// host's own vector unit natively and lane by lane in scalar wasm, so the
// intrinsic kernels include <wasm_simd128.h> and build unchanged everywhere.
#pragma once

#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/wasm/simd128.h>
