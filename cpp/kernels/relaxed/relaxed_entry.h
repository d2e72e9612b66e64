// What every relaxed-SIMD kernel's file shares. Each file is a module of its
// own, built by web/tools/build-relaxed.mjs with a clang that has relaxed SIMD
// (@yowasp/clang, LLVM 22), and runs in the page as a student's kernel does
// (lab/page_kernels.h): freestanding, with its buffers copied in by the host.
// Its entry takes the buffers and then the sizes that the operation's
// *_page_call (beside its adapter) lists, in that order.
//
// The lab's own builds (Emscripten 3.1.6's clang 14, and the native one) have
// no relaxed SIMD: for them a file compiles only its path, which the catalog
// shows (lab/relaxed_kernels.cpp), as cpp/exercises/page_entry.cpp does.
#pragma once

#include "core/source_file.h"

#if defined(__wasm_relaxed_simd__)
#define LAB_RELAXED_SIMD 1
#include <wasm_simd128.h>

#include <cstdint>

#include "core/kernel_status.h"

#define LAB_RELAXED_ENTRY extern "C" __attribute__((export_name("lab_entry"))) int lab_entry
#endif

LAB_SOURCE_HEADER(relaxed_entry_h)
LAB_SOURCE_DECLARE(f32_mul_add_13chains_relaxedsimd_cpp)
LAB_SOURCE_DECLARE(f32_matmul_4x8_packed_relaxedsimd_cpp)
LAB_SOURCE_DECLARE(i8_matmul_4x4_relaxeddot_cpp)
